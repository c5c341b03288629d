/**
 * From a model's output to a `Prediction`: the digit, its honest confidence, the "not a digit"
 * score, and whether (and why) the answer is uncertain.
 */
import type { Prediction, UncertainReason } from './types.js';

/** The two likeliest digits holding this much of the digit probability make a close call. */
const AMBIGUOUS_PAIR = 0.9;

export interface VerdictThresholds {
  uncertainBelow: number;
  notDigitAbove: number;
}

/**
 * Reads one row of model output: ten digit probabilities, or eleven with "not a digit" last.
 * `blot` says the ink is a solid blot (no handwritten digit covers its box like that).
 */
export function verdictOf(row: ArrayLike<number>, thresholds: VerdictThresholds, blot: boolean): Prediction {
  let digitMass = 0;
  for (let d = 0; d < 10; d++) digitMass += row[d]!;
  const total = row.length > 10 ? digitMass + row[10]! : digitMass;
  const notDigitScore = row.length > 10 && total > 0 ? row[10]! / total : 0;
  const probabilities = Array.from({ length: 10 }, (_, d) => (digitMass > 0 ? row[d]! / digitMass : 0.1));
  const [digit, runnerUp] = Array.from(probabilities.keys()).sort((a, b) => probabilities[b]! - probabilities[a]!) as [
    number,
    number,
  ];
  const confidence = probabilities[digit]! * (1 - notDigitScore);
  let reason: UncertainReason | undefined;
  if (blot || notDigitScore >= thresholds.notDigitAbove) reason = 'not-a-digit';
  else if (confidence < thresholds.uncertainBelow) {
    reason = probabilities[digit]! + probabilities[runnerUp]! >= AMBIGUOUS_PAIR ? 'ambiguous' : 'low-confidence';
  }
  return reason
    ? { digit, confidence, probabilities, notDigitScore, uncertain: true, reason }
    : { digit, confidence, probabilities, notDigitScore, uncertain: false };
}
