/**
 * `readNumber()`: reads a handwritten number (a postal code, a meter reading, an amount) digit by
 * digit, left to right, with the same preprocessing and model as `classify()`.
 */
import { getDefaultClassifier } from '../classify/api.js';
import { DigitRecognizerError } from '../classify/errors.js';
import type { Box, Classifier, ClassifyOptions, DigitInput, Prediction } from '../classify/types.js';
import { decode } from '../preprocess/decode.js';
import {
  analyseInk,
  normalizeDigit,
  toInputBox,
  type InkAnalysis,
  type NormalizedDigit,
} from '../preprocess/pipeline.js';
import { cutCandidates, digitStrokes, groupStrokes, lineHeight, splitAt, type DigitGroup } from './segment.js';

/** One digit of a number, with where it was found. */
export type DigitReading = Prediction & {
  /** Where the digit is, in the input's pixels. */
  box: Box;
};

/** What `readNumber()` read. */
export interface NumberReading {
  /** The digits, left to right, e.g. `"02139"`. */
  text: string;
  /** Each digit's prediction and box. */
  digits: DigitReading[];
  /** The product of the digits' confidences: the chance that every digit is right. */
  confidence: number;
  /** True when any digit is uncertain. */
  uncertain: boolean;
}

/** Options of {@link readNumber}. */
export interface ReadNumberOptions extends ClassifyOptions {
  /** The classifier to use; default: the shared one `classify()` uses. */
  classifier?: Classifier;
}

/** Touching digits are looked for in groups wider than this share of the line height… */
const SPLIT_WIDTH = 1.0;
/** …or this multiple of the line's typical digit width. */
const SPLIT_WIDTH_OF_TYPICAL = 1.5;
/** Wider than this share of the line height, a group is never one digit: it is always cut. */
const FORCE_SPLIT_WIDTH = 1.2;
/** A cut must beat reading the group as one digit by this much confidence. */
const SPLIT_MARGIN = 0.05;
const MAX_SPLIT_DEPTH = 3;

async function classifyDigits(
  classifier: Classifier,
  digits: NormalizedDigit[],
  options: ClassifyOptions,
): Promise<Prediction[]> {
  return classifier.classifyPreprocessedBatch(
    digits.map((d) => d.pixels),
    options,
  );
}

/** Splits `group` where touching digits meet, when reading it as two is clearly better. */
async function resolveGroup(
  analysis: InkAnalysis,
  group: DigitGroup,
  line: { height: number; digitWidth: number },
  classifier: Classifier,
  options: ClassifyOptions,
  depth = 0,
): Promise<DigitGroup[]> {
  const tall = Math.max(line.height, group.box.height);
  const threshold = Math.min(SPLIT_WIDTH * tall, SPLIT_WIDTH_OF_TYPICAL * line.digitWidth);
  if (depth >= MAX_SPLIT_DEPTH || group.box.width < threshold) return [group];
  const forced = group.box.width > FORCE_SPLIT_WIDTH * tall;
  const wholeDigit = normalizeDigit(analysis, group.ids, group.fromX, group.toX);
  if (!wholeDigit) return [group];
  const splits: Array<{ sides: [DigitGroup, DigitGroup]; digits: [NormalizedDigit, NormalizedDigit] }> = [];
  for (const column of cutCandidates(analysis, group)) {
    const sides = splitAt(group, column);
    const left = normalizeDigit(analysis, group.ids, sides[0].fromX, sides[0].toX);
    const right = normalizeDigit(analysis, group.ids, sides[1].fromX, sides[1].toX);
    if (left && right) splits.push({ sides, digits: [left, right] });
  }
  if (splits.length === 0) return [group];
  const predictions = await classifyDigits(classifier, [wholeDigit, ...splits.flatMap((s) => s.digits)], options);
  const whole = predictions[0]!;
  let best = -1;
  let bestScore = -Infinity;
  splits.forEach((_, i) => {
    const score = Math.sqrt(predictions[1 + 2 * i]!.confidence * predictions[2 + 2 * i]!.confidence);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  if (!forced && bestScore < whole.confidence + SPLIT_MARGIN) return [group];
  const [left, right] = splits[best]!.sides;
  return [
    ...(await resolveGroup(analysis, left, line, classifier, options, depth + 1)),
    ...(await resolveGroup(analysis, right, line, classifier, options, depth + 1)),
  ];
}

/**
 * Reads a handwritten number: finds each digit (merging the strokes of one digit, splitting
 * touching ones, ignoring specks and underlines) and classifies them left to right.
 *
 * @example
 * ```ts
 * const { text, confidence, digits } = await readNumber(photoOfPostcode);
 * ```
 */
export async function readNumber(input: DigitInput, options: ReadNumberOptions = {}): Promise<NumberReading> {
  if (input === null || input === undefined) {
    throw new DigitRecognizerError('INVALID_INPUT', `readNumber() needs an image; got ${String(input)}.`);
  }
  const classifier = options.classifier ?? (await getDefaultClassifier());
  const decoded = await decode(input);
  decoded.release?.();
  const { luminance } = decoded;
  const analysis = analyseInk(luminance);
  const strokes = digitStrokes(analysis);
  if (strokes.length === 0) {
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: the image has no strokes, only specks.');
  }
  const initial = groupStrokes(strokes);
  const height = lineHeight(strokes);
  const widths = initial
    .filter((g) => g.box.height >= 0.5 * height)
    .map((g) => g.box.width)
    .sort((a, b) => a - b);
  const line = { height, digitWidth: widths[Math.floor(widths.length / 2)] ?? height };
  const groups: DigitGroup[] = [];
  for (const group of initial) {
    groups.push(...(await resolveGroup(analysis, group, line, classifier, options)));
  }
  const found = groups
    .map((g) => normalizeDigit(analysis, g.ids, g.fromX, g.toX))
    .filter((d): d is NormalizedDigit => d !== null);
  if (found.length === 0) throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found.');
  const predictions = await classifyDigits(classifier, found, options);
  const digits = predictions.map((p, i) => ({ ...p, box: toInputBox(found[i]!.box, analysis.scale) }));
  return {
    text: digits.map((d) => d.digit).join(''),
    digits,
    confidence: digits.reduce((c, d) => c * d.confidence, 1),
    uncertain: digits.some((d) => d.uncertain),
  };
}
