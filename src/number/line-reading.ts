/**
 * A line of handwriting, once found, read as a number: cut into pieces, each read by the digit
 * model and the segment checker, the pieces of one digit put back together; printed words beside
 * it, stray specks at its ends and marks that are no digit left out.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Box, Classifier, ClassifyOptions, Prediction, WritingSurface } from '../classify/types.js';
import { toInputBox, type InkAnalysis, type NormalizedDigit } from '../preprocess/pipeline.js';
import type { Found } from './closer-look.js';
import { mostProminentLine, printedWords, type PrintedWord } from './find-line.js';
import { readPieces, resolvePiece, shortOne, type Piece, type Reader } from './pieces.js';
import { rejoinPieces } from './rejoin.js';
import { getSegmentChecker } from './segment-checker.js';
import { groupStrokes, lineHeight, median } from './segment.js';

/** One digit of a number, with where it was found. */
export type DigitReading = Prediction & {
  /** Where the digit is, in the input's pixels. */
  box: Box;
};

/** A mark in the line that is not a digit (a letter, a symbol, a doodle), left out of the number. */
export interface NotADigit {
  /** Where the mark is, in the input's pixels. */
  box: Box;
  /** The model's chance that the mark is not a digit (see `Prediction.notDigitScore`). */
  notDigitScore: number;
}

/** What `readNumber()` read. */
export interface NumberReading {
  /**
   * The digits, left to right, e.g. `"02139"`. Marks that are not digits (a letter, a symbol)
   * are left out, never read as a digit: they are listed in `notDigits` and make `uncertain` true.
   */
  text: string;
  /** Each digit's prediction and box. */
  digits: DigitReading[];
  /**
   * The marks left out of `text` because they do not look like a digit (reason `'not-a-digit'`
   * at the call's `notDigitAbove`, and a `notDigitScore` of at least 0.75: a mark that scores
   * less, such as a 9 with a long tail, stays in `text` as an uncertain digit), and small stray
   * marks standing apart at either end of the line that do not look like a whole digit (a speck
   * of the desk beside the number), short bare strokes that are no 1 (a comb's tooth), and flat
   * slivers of a box or rule that are no digit, left to right. Empty for a clean number. A
   * printed label beside the field is no part of the number and is not listed, unless it is one
   * mark close to the number (it may be a digit written small and flat).
   */
  notDigits: NotADigit[];
  /** The product of the digits' confidences: the chance that every digit is right. */
  confidence: number;
  /**
   * True when any digit is uncertain, or a mark that is not a digit was left out, or the line was
   * chosen over a more prominent one that reads as mostly no digits or mostly uncertain ones (a
   * signature's loops), or
   * (in a scene: a note or sheet found in the photo, or a line read turned level) the reading
   * holds two or more marks fewer than the first look at the image saw on its line: digits may
   * have been lost.
   */
  uncertain: boolean;
  /** Where the line read lies, in the input's pixels: around its digits and the marks left out. */
  box: Box;
  /** The writing surface the number was found on, when the image is a scene (a note on a desk). */
  surface?: WritingSurface;
  /**
   * Only with the option `lines: true`: every line of digits in the image, top to bottom, each
   * read as a number on its own (`surface` is said once, here). The reading itself is the most
   * prominent of them, as without the option.
   */
  lines?: NumberReading[];
}

/** A digit whose piece the checker gives less than this chance of being one digit is uncertain. */
const DOUBTFUL_PIECE = 0.5;
/**
 * A mark kept whole is left out of the reading when the model's not-a-digit score is at least
 * this; between `notDigitAbove` and this it stays in, uncertain (a 9 with a long tail can score
 * 0.56, an odd 8 on a desk or a 0 with a sliver of its neighbour 0.70–0.74; letters in a line
 * score 0.8 or more). Chosen on validation numbers: 0.7 → 0.75 took numbers on desks 91.3 → 91.7%
 * (300), boxed forms 85.3 → 85.5%, sheets held askew 73.8 → 74.5%, the rest unchanged.
 */
const LEAVE_OUT_ABOVE = 0.75;
/**
 * …but only at this on a field (a cheque's amount, a form's boxes) whose printed pattern, boxes or
 * rules were taken out of the line's ink: the print leaves gaps where it crossed the strokes, and
 * the model calls such a broken digit no digit (a plain 0 crossed by a guilloche's lines: 0.77,
 * 0.94). Kept, it is read, uncertain. Chosen on validation numbers (MNIST training digits, 400
 * each), first for every line with print taken out: 0.75 → 0.9 → 0.95 → never took cheque amounts
 * 84.3 → 85.3 → 86.0 → 85.5% exact and boxed forms 86.0 → 87.0 → 87.0 → 86.8%, wrong readings
 * left unflagged the same. On a desk it kept the desk's edge beside a note as a 1 ("19093"), so it
 * holds on fields only: cheques 85.5%, boxed forms 87.3% (with the field's wider closer look).
 */
const LEAVE_OUT_PAST_PRINT = 0.95;

/** A mark at either end of the line, kept whole, less than this share of the line's height… */
const STRAY_HEIGHT = 0.55;
/** …standing apart from its neighbour by at least this share of the line's height… */
const STRAY_GAP = 0.5;
/**
 * …that the segment checker doubts is a whole digit (its chance below this) is a stray mark, a
 * speck of the desk or of the note's edge beside the number, and is left out. Chosen on
 * validation desk photos (MNIST training digits, three sets of 200): it left out two such marks
 * ("87334" read "187334", "918" read "9181") and no digit; without the gap it also dropped a
 * cheque amount's last digit.
 */
const STRAY_WHOLE = 0.5;

/** How far `piece`, kept whole at an end of the line, stands from its neighbour; null elsewhere. */
function gapAtEnd(piece: Piece, pieces: Piece[]): number | null {
  if (pieces.length < 2 || piece.cut) return null;
  const first = piece === pieces[0];
  if (!first && piece !== pieces[pieces.length - 1]) return null;
  const { box } = piece.group;
  const next = (first ? pieces[1] : pieces[pieces.length - 2])!.group.box;
  return first ? next.x - (box.x + box.width) : box.x - (next.x + next.width);
}

/** Is `piece` a stray mark at an end of the line (see {@link STRAY_HEIGHT})? */
function strayAtEnd(piece: Piece, pieces: Piece[], lineHeight: number): boolean {
  const gap = gapAtEnd(piece, pieces);
  return (
    gap !== null &&
    piece.whole < STRAY_WHOLE &&
    piece.group.box.height < STRAY_HEIGHT * lineHeight &&
    gap >= STRAY_GAP * lineHeight
  );
}

/**
 * Is `piece` a sliver of a note's edge at an end of the line: read as a 1, standing apart from
 * its neighbour as a stray mark does (`STRAY_GAP`), and touching the edge of what is read (the
 * outline of the note, or the crop's border, where the edge and the desk beyond it come in)?
 * A 1 written at the end of a number stands as close to its neighbours as the other digits;
 * closer than a stray mark, the edge is told by its ink, far fainter than the pen's (`FAINT_EDGE`).
 * Validation (MNIST training digits): 120 numbers on light oak, a fresh set, 90.8 → 93.3% exact
 * (`scenes.ts --kind=number-on-desk --split=train --salt=5 --only-group="desk: light oak"`, read
 * with `desk-node.ts --number --browser-like`), sheets held askew 74.5 → 77.3% (400: the sheet's
 * edge at the crop's border); 500 numbers on every desk, cheque amounts, boxed forms and numbers
 * on a page (400 each) read the same.
 */
function edgeAtEnd(piece: Piece, pieces: Piece[], analysis: InkAnalysis, lineHeight: number): boolean {
  const gap = gapAtEnd(piece, pieces);
  if (gap === null || piece.prediction.digit !== 1) return false;
  if (!analysis.components.some((c) => c.touchesBorder && piece.group.ids.has(c.id))) return false;
  if (gap >= STRAY_GAP * lineHeight) return true;
  // Close to its neighbour, the edge is told from a 1 by its ink: a shadow's or the desk's, far
  // fainter than the pen's.
  const typical = median(pieces.filter((p) => p !== piece).map((p) => meanInk(p, analysis)));
  return meanInk(piece, analysis) < FAINT_EDGE * typical;
}

/**
 * Closer to its neighbour, the edge is at most this share as dark as the digits' typical ink: a
 * shadow's wedge along the card's side, read as a 1 beside a 0 ("03" read "103"). Validation
 * numbers on desks (MNIST training digits, 900): one more read right, that one; cheque amounts,
 * boxed forms, numbers on a page, sheets askew and composed numbers the same.
 */
const FAINT_EDGE = 0.7;

/** The mean ink of a piece's strokes. */
function meanInk(piece: Piece, analysis: InkAnalysis): number {
  const { box, ids, fromX, toX } = piece.group;
  let sum = 0;
  let n = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = Math.max(box.x, fromX); x < Math.min(box.x + box.width, toX); x++) {
      const p = y * analysis.width + x;
      if (!ids.has(analysis.labels[p]!)) continue;
      sum += analysis.ink[p]!;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/**
 * A piece at most this share of the line's height tall that the model calls no digit is a sliver
 * of print left where a field's box or rule was taken out (the box's top edge cut in two, "673"
 * read "22673"), cut from a wider mark or not: no digit is that flat. Validation (400 each):
 * boxed forms one read right more ("67641802" had a rule's end read as a last "2"), and the small
 * cheque boxes read as fields kept their gain (see closer-look.ts); the other sets the same.
 */
const FLAT_SLIVER = 0.3;

/** Is `piece` a flat sliver that is no digit (see {@link FLAT_SLIVER})? */
const flatSliver = (piece: Piece, lineHeight: number): boolean =>
  piece.prediction.reason === 'not-a-digit' && piece.digit.box.height <= FLAT_SLIVER * lineHeight;

/** A bare upright stroke kept whole, shorter than this share of the line's height (or at an end of it)… */
const LONE_STROKE_HEIGHT = 0.85;
/** …and narrower than this share… */
const LONE_STROKE_WIDTH = 0.15;
/** …that the segment checker is all but sure is no whole digit (its chance below this) is no 1. */
const LONE_STROKE_WHOLE = 0.05;

/**
 * Is `piece` a bare upright stroke that is no digit: a comb's tooth left when its rule was taken
 * out, a box side's stub, or, at an end of the line and however tall, a box's side left standing
 * beside the last digit ("169" read "1691")? A 1 is as tall as its neighbours, and the checker
 * knows one. The end of the line, any height: validation cheque amounts 84.0 → 84.3% (400), boxed
 * forms, numbers on a page, sheets held askew and 900 numbers on desks read the same. The checker
 * does not know every thin pen's 1 (a real photo, "135790", lost its first digit to a chance of
 * 0.00): at an end, a stroke spaced and level as the digits are is a 1 (see {@link spacedAsDigits}).
 */
function loneStroke(piece: Piece, pieces: Piece[], lineHeight: number): boolean {
  const { box } = piece.group;
  if (piece.cut || piece.whole >= LONE_STROKE_WHOLE || box.width > LONE_STROKE_WIDTH * lineHeight) return false;
  if (box.height < LONE_STROKE_HEIGHT * lineHeight) return true;
  const gap = gapAtEnd(piece, pieces);
  return gap !== null && !spacedAsDigits(gap, piece, pieces, lineHeight);
}

/**
 * A box's side stands half a box from the digit in it, digits a whole box from each other: a
 * stroke at the end of the line at least this share of the digits' usual spacing from its
 * neighbour is spaced as a digit…
 */
const DIGIT_SPACING = 0.75;
/**
 * …and, its top and its foot each within this share of the line's height of the digits'
 * (a box's side rises above them, and reaches below), stands as a 1 among them.
 */
const LEVEL_SLACK = 0.2;

/** Does `piece`, `gap` from its neighbour at an end of the line, stand as a digit: spaced and level as the others? */
function spacedAsDigits(gap: number, piece: Piece, pieces: Piece[], lineHeight: number): boolean {
  const others = pieces.filter((p) => p !== piece).map((p) => p.group.box);
  if (others.length < 2) return false;
  const gaps = others.slice(1).map((b, i) => b.x - (others[i]!.x + others[i]!.width));
  const { box } = piece.group;
  const top = median(others.map((b) => b.y));
  const foot = median(others.map((b) => b.y + b.height));
  return (
    gap >= DIGIT_SPACING * median(gaps) &&
    Math.abs(box.y - top) <= LEVEL_SLACK * lineHeight &&
    Math.abs(box.y + box.height - foot) <= LEVEL_SLACK * lineHeight
  );
}

/** A printed word's pieces are print when one of them has at least this not-a-digit score. */
const WORD_NOT_DIGIT = 0.5;
/**
 * What is left of a word (see `PrintedWord.narrow`) is print when the model calls one of its
 * pieces no digit, and each of the others too, or the segment checker gives it less than this
 * chance of being a whole digit (a sliver cut off a letter).
 */
const NO_WHOLE_DIGIT = 0.1;

/**
 * The pieces of `words` (printed words at the line's ends) that are print: a tiny word far off,
 * or one the model or the checker doubts anywhere. Small digits written beside big ones, read
 * as clean digits, stay.
 */
function printedPieces(pieces: Piece[], words: PrintedWord[]): Set<Piece> {
  const print = new Set<Piece>();
  for (const word of words) {
    const ids = new Set(word.marks.map((c) => c.id));
    const inWord = pieces.filter((piece) => [...piece.group.ids].every((id) => ids.has(id)));
    const doubted = word.narrow
      ? inWord.some(({ prediction }) => prediction.notDigitScore >= WORD_NOT_DIGIT) &&
        inWord.every(({ prediction, whole }) => prediction.notDigitScore >= WORD_NOT_DIGIT || whole < NO_WHOLE_DIGIT)
      : inWord.some(
          ({ prediction, whole }) =>
            prediction.uncertain || prediction.notDigitScore >= WORD_NOT_DIGIT || whole < DOUBTFUL_PIECE,
        );
    if (word.far || doubted) for (const piece of inWord) print.add(piece);
  }
  return print;
}

const inInput = (box: Box, origin: { x: number; y: number }): Box => ({
  ...box,
  x: box.x + origin.x,
  y: box.y + origin.y,
});

function boundingBox(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * A line of marks less tall than this (the input's pixels) is specks, no digits: what a field's
 * print left (an empty cheque field whose guilloche left dots 1–3 px tall along its underline
 * was read "", uncertain). No digit that small can be read. Validation sets read the same.
 */
const SPECKS_ONLY = 6;

/** Is a line `height` working pixels tall only specks (see {@link SPECKS_ONLY})? */
const onlySpecks = (height: number, analysis: InkAnalysis): boolean => height * analysis.scale < SPECKS_ONLY;

/**
 * Reads the most prominent line of `found`'s strokes as a number, with `classifier`; its boxes
 * in the input's pixels. `EMPTY_IMAGE` when nothing on it is left to read.
 */
export async function readLine(found: Found, classifier: Classifier, options: ClassifyOptions): Promise<NumberReading> {
  const { analysis, origin } = found;
  const strokes = mostProminentLine(found.strokes);
  if (strokes.length === 0)
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: only printed lines and patterns.');
  const height = lineHeight(strokes);
  if (onlySpecks(height, analysis)) throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: only specks.');
  const checker = await getSegmentChecker();
  const reader: Reader = { analysis, classifier, checker, options, lineHeight: height };
  const resolved: Piece[] = [];
  for (const piece of await readPieces(reader, groupStrokes(strokes))) {
    resolved.push(...(await resolvePiece(reader, piece)));
  }
  const read = await rejoinPieces(reader, resolved);
  const words = printedWords(strokes, reader.lineHeight);
  const print = printedPieces(read, words);
  const pieces = read.filter((piece) => !print.has(piece));
  // A "word" of one mark close to the number may as well be a digit written small and flat (a 2
  // half the others' height): left out, it is listed, so the reading says it may be short.
  const closeMarks = new Set(words.filter((w) => w.marks.length === 1 && !w.apart).map((w) => w.marks[0]!.id));
  const listed = (piece: Piece): boolean => [...piece.group.ids].every((id) => closeMarks.has(id));
  if (pieces.length === 0) throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found.');
  const boxOf = (digit: NormalizedDigit): Box => inInput(toInputBox(digit.box, analysis.scale), origin);
  // A mark kept whole that the model calls no digit is left out; a piece cut from a wider mark
  // stays (two digits explained that mark best), uncertain when the model doubts it.
  const leaveOutAbove = found.printTakenOut ? LEAVE_OUT_PAST_PRINT : LEAVE_OUT_ABOVE;
  const left = (piece: Piece): boolean =>
    (piece.prediction.reason === 'not-a-digit' && !piece.cut && piece.prediction.notDigitScore >= leaveOutAbove) ||
    strayAtEnd(piece, pieces, reader.lineHeight) ||
    flatSliver(piece, reader.lineHeight) ||
    edgeAtEnd(piece, pieces, analysis, reader.lineHeight) ||
    loneStroke(piece, pieces, reader.lineHeight);
  const notDigits = read
    .filter((piece) => (print.has(piece) ? listed(piece) : left(piece)))
    .map(({ prediction, digit }) => ({ box: boxOf(digit), notDigitScore: prediction.notDigitScore }));
  const digits = pieces
    .filter((piece) => !left(piece))
    .map((piece) => ({
      ...piece.prediction,
      // A piece the checker doubts is one digit (two run together, or a stray mark) is uncertain,
      // and so is a 1 far shorter than the line: a piece of a stroke the print broke (a slanted
      // 1 read as "11"). Validation (400 each): cheques, 10 → 9 wrong readings unflagged, no right
      // one more flagged; boxed forms, pages, sheets askew and 1,300 desks the same.
      ...(piece.prediction.uncertain || (piece.whole >= DOUBTFUL_PIECE && !shortOne(piece, reader.lineHeight))
        ? {}
        : { uncertain: true, reason: 'low-confidence' as const }),
      box: boxOf(piece.digit),
    }));
  return {
    text: digits.map((d) => d.digit).join(''),
    digits,
    notDigits,
    confidence: digits.length > 0 ? digits.reduce((c, d) => c * d.confidence, 1) : 0,
    uncertain: notDigits.length > 0 || digits.some((d) => d.uncertain),
    box: boundingBox([...digits, ...notDigits].map((d) => d.box)),
  };
}
