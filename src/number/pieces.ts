/**
 * The pieces of a line of digits, each read by the digit model and the segment checker, and
 * where a piece is cut in two: where touching digits meet, when two digits explain its ink
 * better than one.
 */
import type { ClassifyOptions, Classifier, Prediction } from '../classify/types.js';
import { cutOutInk, normalizeCutOut, type InkAnalysis, type NormalizedDigit } from '../preprocess/pipeline.js';
import { lineView } from './line-view.js';
import type { SegmentChecker } from './segment-checker.js';
import { cutCandidates, MIN_CUT_WIDTH, splitAt, type DigitGroup } from './segment.js';

/** A piece the checker is this sure is one whole digit is not cut… */
const SURE_WHOLE = 0.9;
/** …unless it is wider than this share of the line height: no digit is, so it is always cut. */
const FORCE_SPLIT_WIDTH = 2;
/**
 * A piece wider than this share of the line height that the model calls no digit and the
 * checker no whole digit is cut too: touching digits that read as nothing ("458" in three boxes,
 * one mark) would otherwise be left out whole, as their cuts score nothing either. Validation
 * boxed forms 353 → 354 of 400 read exactly, composed numbers with every pair touching 80.7 →
 * 81.3%; cheques, pages, sheets askew and 800 numbers on desks the same.
 */
const WIDE_NOTHING = 1.6;
/** The checker's "one whole digit" chance below which such a piece is no whole digit… */
const NOTHING_WHOLE = 0.05;
/** …and the model's not-a-digit score from which it is no digit. */
const NOTHING_DIGIT = 0.9;
const MAX_SPLIT_DEPTH = 3;
/**
 * Two digits must read this many times better than one for a piece the model calls a clean
 * digit to be cut (less as the model's not-a-digit score rises: two touching digits are cut as
 * readily as before). Chosen on validation numbers: desks (MNIST training digits) 77.5 → 82.5%
 * exact, composed numbers with every pair touching 83.0 → 81.7%.
 */
const CUT_MARGIN = 2;
/**
 * The checker's "one whole digit" chance is never taken as lower than this, times the model's
 * chance that the piece is a digit at all. The checker can be sure and wrong on a pen stroke
 * thinner than MNIST's (a thin 6 taken for "1" + "0"); a piece the model calls a clean digit then
 * needs a cut that reads clearly better, while two touching digits (which the model calls no
 * digit) are still cut as before. Chosen on validation numbers (MNIST training digits): 0.1 →
 * 0.45 took number-on-desk 86.0 → 88.5% (four 6s with an open loop were read "10" or "12"),
 * composed numbers with every pair touching 81.7 → 80.3%, all composed 95.0% both; 0.7 cut too
 * few touching pairs (77.0%).
 */
const TRUSTED_DIGIT_WHOLE = 0.45;
/**
 * The floor for each half of a tried cut stays as it was: at 0.45 the halves of a letter ("H" read
 * as "1" and "1") outscored the letter kept whole.
 */
const HALF_DIGIT_WHOLE = 0.1;
/** A mark is not cut when the model's not-a-digit score of both halves is at least this. */
const NO_DIGIT_HALVES = 0.9;
/** …and it is at most this share of the line's height (two touching digits are as tall as the line). */
const NO_DIGIT_HEIGHT = 0.7;

/** A candidate digit: its strokes, its normalised pixels and what both networks make of it. */
export interface Piece {
  group: DigitGroup;
  digit: NormalizedDigit;
  prediction: Prediction;
  /** The segment checker's chance that the piece is one whole digit. */
  whole: number;
  /** Cut out of a wider piece: the segmenter chose it as a digit. */
  cut?: boolean;
}

/** What the pieces of one line are read with: its ink, both networks, and its height. */
export interface Reader {
  analysis: InkAnalysis;
  classifier: Classifier;
  checker: SegmentChecker;
  options: ClassifyOptions;
  lineHeight: number;
}

/** Normalises the groups and reads each with the digit model and the segment checker. */
export async function readPieces(reader: Reader, groups: DigitGroup[]): Promise<Piece[]> {
  const found: Array<{ group: DigitGroup; digit: NormalizedDigit; line: Float32Array }> = [];
  for (const group of groups) {
    const cut = cutOutInk(reader.analysis, group.ids, group.fromX, group.toX);
    if (cut) found.push({ group, digit: normalizeCutOut(cut), line: lineView(cut, reader.lineHeight) });
  }
  const [predictions, whole] = await Promise.all([
    reader.classifier.classifyPreprocessedBatch(
      found.map((f) => f.digit.pixels),
      reader.options,
    ),
    reader.checker.wholeDigitChance(found.map((f) => ({ digit: f.digit.pixels, line: f.line }))),
  ]);
  return found.map(({ group, digit }, i) => ({ group, digit, prediction: predictions[i]!, whole: whole[i]! }));
}

/**
 * How likely a piece is one whole digit, read right, if it is a digit: whether it is one at all
 * is the checker's to say here (the model calls two touching digits, or a digit with a sliver of
 * its neighbour, not a digit).
 */
const trusted = (piece: Piece, floor: number): number =>
  Math.max(piece.whole, floor * (1 - piece.prediction.notDigitScore));
/**
 * A half of a cut read as a 1 shorter than this share of the line is no 1: it is the end of a
 * stroke cut off the digit beside it (the hooked start of a big 3, "33" was read "133"). Chosen
 * on validation desk photos: 463 → 464 of 500 numbers read exactly; cheques, forms, pages,
 * composed numbers and the real photos unchanged.
 */
const SHORT_ONE = 0.6;

/** Is `piece` read as a 1 far shorter than its line: the end of a stroke, not a 1 (see {@link SHORT_ONE})? */
export const shortOne = (piece: Piece, lineHeight: number): boolean =>
  piece.prediction.digit === 1 && piece.digit.box.height < SHORT_ONE * lineHeight;

/** A half of a cut, scored with the floor as it was (a letter's halves pass for digits). */
const score = (piece: Piece, lineHeight: number): number =>
  shortOne(piece, lineHeight)
    ? 0
    : trusted(piece, HALF_DIGIT_WHOLE) * piece.prediction.probabilities[piece.prediction.digit]!;

/** How digit-like a half is, to tell apart cuts whose halves both score nothing. */
const hint = (piece: Piece): number => (piece.whole + 0.01) * (1.01 - piece.prediction.notDigitScore);

/** Cuts `piece` where touching digits meet, when two digits explain it better than one. */
export async function resolvePiece(reader: Reader, piece: Piece, depth = 0): Promise<Piece[]> {
  const { box } = piece.group;
  const tall = Math.max(reader.lineHeight, box.height);
  const forced =
    box.width > FORCE_SPLIT_WIDTH * tall ||
    (box.width > WIDE_NOTHING * tall && piece.whole < NOTHING_WHOLE && piece.prediction.notDigitScore >= NOTHING_DIGIT);
  if (depth >= MAX_SPLIT_DEPTH || box.width < MIN_CUT_WIDTH * tall) return [piece];
  // A piece the model calls no digit may be two digits the checker took for one: try a cut.
  if (!forced && piece.whole >= SURE_WHOLE && piece.prediction.reason !== 'not-a-digit') return [piece];
  const halves = cutCandidates(reader.analysis, piece.group).flatMap((column) => splitAt(piece.group, column));
  const read = await readPieces(reader, halves);
  let best: [Piece, Piece] | null = null;
  let bestScore = -Infinity;
  for (let i = 0; i + 1 < read.length; i++) {
    const [left, right] = [read[i]!, read[i + 1]!];
    // Pairs only: both halves of one cut (a half that normalised to nothing drops its cut).
    if (left.group.toX !== right.group.fromX || left.group.fromX !== piece.group.fromX) continue;
    // Where both halves score nothing, the cut whose halves look most like digits wins.
    const pair = score(left, reader.lineHeight) * score(right, reader.lineHeight) + 1e-6 * hint(left) * hint(right);
    if (pair > bestScore) {
      bestScore = pair;
      best = [left, right];
    }
  }
  // Kept whole, the piece is one digit read right, or one mark that is no digit (a letter).
  const whole =
    trusted(piece, TRUSTED_DIGIT_WHOLE) *
    Math.max(piece.prediction.probabilities[piece.prediction.digit]!, piece.prediction.notDigitScore);
  // A piece the model calls a clean digit is cut only when two digits read clearly better: the
  // checker doubts a whole digit drawn with a pen unlike MNIST's (a thin 6 read as "10").
  const margin = 1 + (CUT_MARGIN - 1) * (1 - piece.prediction.notDigitScore);
  // A mark whose halves are no digits either (a printed word, a scribble) stays one mark.
  const noDigits =
    box.height <= NO_DIGIT_HEIGHT * reader.lineHeight &&
    (best?.every((half) => half.prediction.notDigitScore >= NO_DIGIT_HALVES) ?? false);
  if (!best || (!forced && (bestScore <= margin * whole || noDigits))) return [piece];
  const [first, second]: Piece[] = best.map((half) => ({ ...half, cut: true }));
  return [...(await resolvePiece(reader, first!, depth + 1)), ...(await resolvePiece(reader, second!, depth + 1))];
}
