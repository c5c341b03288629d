/**
 * `readNumber()`: reads a handwritten number (a postal code, a meter reading, an amount) digit by
 * digit, left to right, with the same preprocessing and model as `classify()`. This is the
 * reading itself, on the thread it is called on, with the classifier it is given; the public
 * `readNumber()` (`read-number-api.ts`) chooses the classifier and the thread.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Box, Classifier, ClassifyOptions, DigitInput, Prediction, WritingSurface } from '../classify/types.js';
import { decode } from '../preprocess/decode.js';
import { unionBox, type Component } from '../preprocess/components.js';
import { surfaceOutline, toInputBox, type NormalizedDigit } from '../preprocess/pipeline.js';
import { digitMarks, mostProminentLine, printedWords, type PrintedWord } from './find-line.js';
import { alongPlainDigits, isField, readInDetail, type Found } from './closer-look.js';
import { firstLook, lookPastRules } from './first-look.js';
import { closerLines } from './page-look.js';
import { suppressPatterns } from './pattern-suppression.js';
import { marksOf, nearOutline } from './note-edge.js';
import { readPieces, resolvePiece, type Piece, type Reader } from './pieces.js';
import { getSegmentChecker } from './segment-checker.js';
import { digitStrokes, groupStrokes, lineHeight } from './segment.js';

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
   * at the call's `notDigitAbove`, and a `notDigitScore` of at least 0.7: a mark that scores
   * less, such as a 9 with a long tail, stays in `text` as an uncertain digit), and small stray
   * marks standing apart at either end of the line that do not look like a whole digit (a speck
   * of the desk beside the number), and short bare strokes that are no 1 (a comb's tooth), left
   * to right. Empty for a clean number. A printed label beside the field is no part of the
   * number and is not listed.
   */
  notDigits: NotADigit[];
  /** The product of the digits' confidences: the chance that every digit is right. */
  confidence: number;
  /** True when any digit is uncertain, or a mark that is not a digit was left out. */
  uncertain: boolean;
  /** The writing surface the number was found on, when the image is a scene (a note on a desk). */
  surface?: WritingSurface;
}

/** Options of {@link readNumber}. */
export interface ReadNumberOptions extends ClassifyOptions {
  /** The classifier to use; default: the shared one `classify()` uses. */
  classifier?: Classifier;
}

/** A digit whose piece the checker gives less than this chance of being one digit is uncertain. */
const DOUBTFUL_PIECE = 0.5;
/**
 * A mark kept whole is left out of the reading when the model's not-a-digit score is at least
 * this; between `notDigitAbove` and this it stays in, uncertain (a 9 with a long tail can score
 * 0.56; most letters score higher). Chosen on validation numbers.
 */
const LEAVE_OUT_ABOVE = 0.7;

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

/** Is `piece` a stray mark at an end of the line (see {@link STRAY_HEIGHT})? */
function strayAtEnd(piece: Piece, pieces: Piece[], lineHeight: number): boolean {
  if (pieces.length < 2 || piece.cut) return false;
  const first = piece === pieces[0];
  if (!first && piece !== pieces[pieces.length - 1]) return false;
  const { box } = piece.group;
  const next = (first ? pieces[1] : pieces[pieces.length - 2])!.group.box;
  const gap = first ? next.x - (box.x + box.width) : box.x - (next.x + next.width);
  return piece.whole < STRAY_WHOLE && box.height < STRAY_HEIGHT * lineHeight && gap >= STRAY_GAP * lineHeight;
}

/** A bare upright stroke kept whole, shorter than this share of the line's height… */
const LONE_STROKE_HEIGHT = 0.85;
/** …and narrower than this share… */
const LONE_STROKE_WIDTH = 0.15;
/** …that the segment checker is all but sure is no whole digit (its chance below this) is no 1. */
const LONE_STROKE_WHOLE = 0.05;

/**
 * Is `piece` a short upright stroke that is no digit: a comb's tooth left when its rule was
 * taken out, a box side's stub? A 1 is as tall as its neighbours, and the checker knows one.
 */
function loneStroke(piece: Piece, lineHeight: number): boolean {
  const { box } = piece.group;
  return (
    !piece.cut &&
    piece.whole < LONE_STROKE_WHOLE &&
    box.height < LONE_STROKE_HEIGHT * lineHeight &&
    box.width <= LONE_STROKE_WIDTH * lineHeight
  );
}

/** A printed word's pieces are print when one of them has at least this not-a-digit score. */
const WORD_NOT_DIGIT = 0.5;

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
    const doubted = inWord.some(
      ({ prediction, whole }) =>
        prediction.uncertain || prediction.notDigitScore >= WORD_NOT_DIGIT || whole < DOUBTFUL_PIECE,
    );
    if (word.far || doubted) for (const piece of inWord) print.add(piece);
  }
  return print;
}

/** Strokes within this many line heights above or below the line stay with it when print is taken out. */
const NEAR_LINE = 0.35;

/** A line seen closer is the number when its marks are still this share of the height it was seen at. */
const KEPT_LINE = 0.5;
/** …and as many digit-like marks as this share of those seen then (a signature's loops join up). */
const KEPT_MARKS = 0.5;

/**
 * The number's ink with printed patterns, boxes and rules taken out (see pattern-suppression.ts),
 * twice: the first pass's line height is measured on strokes the print may have run together.
 */
function withoutPrint(found: Found, { closer }: { closer: boolean }): Found {
  let { analysis, strokes } = found;
  const reach = lineHeight(strokes);
  const near =
    (around: Box | null) =>
    (c: Component): boolean =>
      !around ||
      (c.box.x + c.box.width >= around.x - reach &&
        c.box.x <= around.x + around.width + reach &&
        c.box.y >= around.y - NEAR_LINE * reach &&
        c.box.y + c.box.height <= around.y + around.height + NEAR_LINE * reach);
  // Only the strokes around the line being read, when it was not read closer (the whole image's).
  const around = !closer && strokes.length > 0 ? unionBox(strokes) : null;
  for (let pass = 0; pass < 2 && (strokes.length > 0 || found.lineHeight); pass++) {
    const height = pass === 0 && found.lineHeight ? found.lineHeight : lineHeight(strokes);
    const cleaned = suppressPatterns(analysis, { lineHeight: height, line: strokes });
    if (cleaned === analysis) break;
    analysis = cleaned;
    const all = digitStrokes(cleaned);
    strokes = all.filter(near(around));
    // Digits freed from the print widen the line once: a digit that sat lower, beside one that
    // was freed, is the number's too (the first look saw one digit; the comb held the rest).
    if (around && strokes.length > 0) strokes = all.filter(near(unionBox(strokes)));
  }
  return { ...found, analysis, strokes };
}

const inInput = (box: Box, origin: { x: number; y: number }): Box => ({
  ...box,
  x: box.x + origin.x,
  y: box.y + origin.y,
});

/**
 * Reads a handwritten number: finds each digit (merging the strokes of one digit, splitting
 * touching ones, ignoring specks, underlines, a form's boxes and a printed label beside the field)
 * and classifies them left to right.
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
  const decoded = await decode(input);
  let cleaned: Found | null = null;
  let surface: WritingSurface | null = null;
  try {
    const seen = firstLook(decoded.luminance);
    const { analysis, strokes } = lookPastRules(decoded.luminance, seen);
    // A ruled sheet's rules that took digits with them are erased up close too.
    const ruled = analysis !== seen.analysis;
    if (strokes.length === 0) {
      throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: the image has no strokes, only specks.');
    }
    if (analysis.surface) surface = surfaceOutline(analysis.surface, analysis.scale);
    const line = mostProminentLine(strokes);
    let candidates = [line];
    // A sheet photographed whole (a page on a desk) has rules, long lines and small numbers.
    const sheet = analysis.surface !== null;
    // A line of one mark and specks (the sheet's edge) is no number: a number small on a big
    // page may not even be seen at the first look's size, so the page is looked at closer.
    if (sheet && decoded.detail && marksOf(line).length < 2) {
      const closer = closerLines(analysis, decoded.detail, decoded.sourceWidth, decoded.sourceHeight);
      // When no line seen closer holds up, the first look's line is read after all.
      if (closer[0] && closer[0].length >= 3) candidates = [...closer, line];
      // A line of the note's own edge, seen from inside, hides the number's line: that is next.
      const edge = marksOf(line)[0];
      const next = mostProminentLine(strokes.filter((c) => !line.includes(c)));
      if (edge && nearOutline(edge, analysis) && marksOf(next).length >= 2) candidates = [next, ...candidates];
    }
    // The first line whose strokes are still a line of the pen's marks up close (a signature's
    // loops, seen closer, are a thin scribble that goes with the print). A surface found at
    // the first look may cut through the sheet: a line lost inside it is read without it.
    search: for (const candidate of candidates) {
      for (const onSurface of analysis.surface && candidate !== line ? [true, false] : [true]) {
        const first = { analysis, strokes: candidate, origin: { x: 0, y: 0 } };
        // A field is read closer when print squeezed its digits, along the digits found past it.
        const plain = isField(decoded, sheet) ? withoutPrint(first, { closer: false }) : null;
        const field = plain !== null && plain.analysis !== analysis && plain.strokes.length > 0;
        const det = readInDetail(decoded, first, { onSurface, sheet, field, ruled });
        const read =
          det === first
            ? (plain ?? withoutPrint(first, { closer: false }))
            : field && plain
              ? alongPlainDigits(withoutPrint(det, { closer: true }), plain)
              : withoutPrint(det, { closer: true });
        if (candidate === line && onSurface) cleaned = read;
        const expected = read.lineHeight ?? lineHeight(candidate);
        const kept = mostProminentLine(read.strokes);
        if (lineHeight(kept) >= KEPT_LINE * expected && digitMarks(kept) >= KEPT_MARKS * digitMarks(candidate)) {
          cleaned = read;
          break search;
        }
      }
    }
  } finally {
    decoded.release?.();
  }
  const { analysis, origin } = cleaned!;
  const strokes = mostProminentLine(cleaned!.strokes);
  if (strokes.length === 0)
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: only printed lines and patterns.');
  const classifier = options.classifier;
  if (!classifier) throw new DigitRecognizerError('INVALID_INPUT', 'readNumber() needs a classifier here.');
  const checker = await getSegmentChecker();
  const reader: Reader = { analysis, classifier, checker, options, lineHeight: lineHeight(strokes) };
  const read: Piece[] = [];
  for (const piece of await readPieces(reader, groupStrokes(strokes))) {
    read.push(...(await resolvePiece(reader, piece)));
  }
  const print = printedPieces(read, printedWords(strokes, reader.lineHeight));
  const pieces = read.filter((piece) => !print.has(piece));
  if (pieces.length === 0) throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found.');
  const boxOf = (digit: NormalizedDigit): Box => inInput(toInputBox(digit.box, analysis.scale), origin);
  // A mark kept whole that the model calls no digit is left out; a piece cut from a wider mark
  // stays (two digits explained that mark best), uncertain when the model doubts it.
  const left = (piece: Piece): boolean =>
    (piece.prediction.reason === 'not-a-digit' && !piece.cut && piece.prediction.notDigitScore >= LEAVE_OUT_ABOVE) ||
    strayAtEnd(piece, pieces, reader.lineHeight) ||
    loneStroke(piece, reader.lineHeight);
  const notDigits = pieces
    .filter(left)
    .map(({ prediction, digit }) => ({ box: boxOf(digit), notDigitScore: prediction.notDigitScore }));
  const digits = pieces
    .filter((piece) => !left(piece))
    .map(({ prediction, digit, whole }) => ({
      ...prediction,
      // A piece the checker doubts is one digit (two run together, or a stray mark) is uncertain.
      ...(prediction.uncertain || whole >= DOUBTFUL_PIECE
        ? {}
        : { uncertain: true, reason: 'low-confidence' as const }),
      box: boxOf(digit),
    }));
  return {
    text: digits.map((d) => d.digit).join(''),
    digits,
    notDigits,
    confidence: digits.length > 0 ? digits.reduce((c, d) => c * d.confidence, 1) : 0,
    uncertain: notDigits.length > 0 || digits.some((d) => d.uncertain),
    ...(surface ? { surface } : {}),
  };
}
