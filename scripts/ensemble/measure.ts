/**
 * The shipped model's figures, measured through the package's own classifier
 * (`classifyPreprocessedBatch()`), so the verdicts counted are the ones users get.
 */
import type { Classifier, Prediction } from '../../src/classify/types.js';
import { CATEGORIES } from '../negatives/generate.js';
import { NOT_A_DIGIT } from '../verdict/data.js';
import type { Labelled } from '../verdict/measure.js';

/** Every input of `set` through the classifier, in batches. */
export async function predictionsOf(classifier: Classifier, set: Labelled, batchSize = 500): Promise<Prediction[]> {
  const out: Prediction[] = [];
  for (let start = 0; start < set.count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, set.count - start) }, (_, i) => {
      const image = new Float32Array(784);
      set.fill(start + i, image);
      return image;
    });
    out.push(...(await classifier.classifyPreprocessedBatch(batch)));
  }
  return out;
}

const notADigit = (p: Prediction): boolean => p.reason === 'not-a-digit';

export interface DigitFigures {
  count: number;
  /** `digit` is the label (what the prediction says, whatever its verdict). */
  accuracy: number;
  /** `digit` is the label and the prediction is not flagged "not a digit". */
  acceptedAccuracy: number;
  /** Flagged "not a digit", of all. */
  notADigitRate: number;
  /** Flagged "not a digit", of those whose `digit` is right. */
  rightFlaggedRate: number;
  /** `uncertain` for any reason. */
  uncertainRate: number;
  perDigit: Array<{ count: number; accuracy: number; notADigit: number }>;
}

export function digitFigures(predictions: Prediction[], labels: Uint8Array): DigitFigures {
  let right = 0;
  let accepted = 0;
  let flagged = 0;
  let rightFlagged = 0;
  let uncertain = 0;
  const perDigit = Array.from({ length: 10 }, () => ({ count: 0, right: 0, notADigit: 0 }));
  predictions.forEach((p, i) => {
    const label = labels[i]!;
    const row = perDigit[label]!;
    row.count++;
    if (p.uncertain) uncertain++;
    if (notADigit(p)) {
      flagged++;
      row.notADigit++;
    }
    if (p.digit === label) {
      right++;
      row.right++;
      if (notADigit(p)) rightFlagged++;
      else accepted++;
    }
  });
  const n = predictions.length;
  return {
    count: n,
    accuracy: right / n,
    acceptedAccuracy: accepted / n,
    notADigitRate: flagged / n,
    rightFlaggedRate: rightFlagged / Math.max(1, right),
    uncertainRate: uncertain / n,
    perDigit: perDigit.map((r) => ({
      count: r.count,
      accuracy: r.right / Math.max(1, r.count),
      notADigit: r.notADigit,
    })),
  };
}

export interface NegativeFigures {
  count: number;
  rate: number;
  perCategory: Record<string, { count: number; rate: number }>;
}

export function negativeFigures(predictions: Prediction[], categories: Uint8Array): NegativeFigures {
  const flagged = new Array<number>(CATEGORIES.length).fill(0);
  const total = new Array<number>(CATEGORIES.length).fill(0);
  predictions.forEach((p, i) => {
    const c = categories[i]!;
    total[c]!++;
    if (notADigit(p)) flagged[c]!++;
  });
  return {
    count: predictions.length,
    rate: flagged.reduce((a, b) => a + b, 0) / Math.max(1, predictions.length),
    perCategory: Object.fromEntries(
      CATEGORIES.map((name, c) => [name, { count: total[c]!, rate: flagged[c]! / Math.max(1, total[c]!) }]),
    ),
  };
}

/** The early exit against every member reading every image (see `exitAt` in src/classify/ensemble.ts). */
export interface ExitFigures {
  count: number;
  /** Read by fewer than every member (an early exit): the probabilities differ from every member's reading. */
  alone: number;
  /** Images whose `digit` differs from every member's reading. */
  digitsChanged: number;
  /** Images whose verdict (`uncertain` and its reason) differs. */
  verdictsChanged: number;
}

export function exitFigures(cascade: Prediction[], everyMember: Prediction[]): ExitFigures {
  let alone = 0;
  let digitsChanged = 0;
  let verdictsChanged = 0;
  cascade.forEach((p, i) => {
    const q = everyMember[i]!;
    if (p.probabilities.some((v, d) => v !== q.probabilities[d])) alone++;
    if (p.digit !== q.digit) digitsChanged++;
    if (p.uncertain !== q.uncertain || p.reason !== q.reason) verdictsChanged++;
  });
  return { count: cascade.length, alone, digitsChanged, verdictsChanged };
}

/** A prediction's 11 probabilities: each digit's (joint) and, last, "not a digit". */
export function elevenOf(p: Prediction): number[] {
  return [...p.probabilities.map((q) => q * (1 - p.notDigitScore)), p.notDigitScore];
}

/**
 * Expected calibration error over 15 equal-width bins of the top probability of 11 (ten digits
 * and "not a digit"), against labels 0–9 or 10 (`NOT_A_DIGIT`).
 */
export function calibrationError(rows: number[][], labels: Uint8Array, bins = 15): number {
  const count = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  rows.forEach((row, r) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
    const bin = Math.min(bins - 1, Math.floor(row[best]! * bins));
    count[bin]!++;
    confidence[bin]! += row[best]!;
    if (best === labels[r]) correct[bin]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) ece += Math.abs(confidence[b]! - correct[b]!) / Math.max(1, labels.length);
  return ece;
}

export { NOT_A_DIGIT };
