/**
 * `readNumber()`: reads a handwritten number (a postal code, a meter reading, an amount) digit by
 * digit, left to right, with the same preprocessing and model as `classify()`. This is the
 * reading itself, on the thread it is called on, with the classifier it is given; the public
 * `readNumber()` (`read-number-api.ts`) chooses the classifier and the thread.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Box, Classifier, ClassifyOptions, DigitInput, WritingSurface } from '../classify/types.js';
import { decode, type Decoded } from '../preprocess/decode.js';
import { unionBox, type Component } from '../preprocess/components.js';
import { surfaceOutline } from '../preprocess/pipeline.js';
import { digitMarks, mostProminentLine } from './find-line.js';
import { alongPlainDigits, isField, longField, readInDetail, smallImage, type Found } from './closer-look.js';
import { readLine, type NumberReading } from './line-reading.js';
import { firstLook, lookPastRules, type LookOptions } from './first-look.js';
import { closerLines } from './page-look.js';
import { linesLook, numberLines } from './every-line.js';
import { suppressPatterns } from './pattern-suppression.js';
import { marksOf, nearOutline } from './note-edge.js';
import { readingToInput, turnDecoded, writingSlant, type Turn } from './deskew.js';
import { withoutTint } from './field-tint.js';
import { digitStrokes, lineHeight } from './segment.js';

export type { DigitReading, NotADigit, NumberReading } from './line-reading.js';

/** Options of {@link readNumber}. */
export interface ReadNumberOptions extends ClassifyOptions {
  /** The classifier to use; default: the shared one `classify()` uses. */
  classifier?: Classifier;
  /**
   * Read every line of digits in the image (a sheet of several numbers, a table's rows), not only
   * the most prominent: they are in the reading's `lines`, top to bottom. Default false.
   */
  lines?: boolean;
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
    // Specks by the line's own height: shapes of desk left in the photo, far taller than its
    // digits, made every digit a speck ("7720" on a card: "No digits found"). Validation (MNIST
    // training digits, desk-node.ts --browser-like): 1,300 numbers on desks 1186 → 1187 read
    // exactly, one wrong reading more uncertain; cheques, boxed forms, pages, sheets askew (400
    // each) and composed numbers the same. (No height known: the strokes' own, as before.)
    const all = digitStrokes(cleaned, height > 0 ? height : Infinity);
    strokes = all.filter(near(around));
    // Digits freed from the print widen the line, one neighbour after another: a digit that sat
    // lower, beside one that was freed, is the number's too (the first look saw one digit; the
    // comb held the rest). Validation boxed forms, with the field read closer along them (see
    // lookAtLine): 87.0 → 87.3% ("0194763" had lost its "01", two boxes from the first look's 6).
    while (around && strokes.length > 0) {
      const wider = all.filter(near(unionBox(strokes)));
      if (wider.length === strokes.length) break;
      strokes = wider;
    }
  }
  return { ...found, analysis, strokes };
}

/** How a line's strokes are looked at (see {@link lookAtLine}). */
interface LineLook {
  /** Read only inside the surface found (not past its outline). */
  onSurface: boolean;
  /** A sheet photographed whole (a page on a desk): rules, long lines and small numbers. */
  sheet: boolean;
  /** A ruled sheet filling the photo, whose rules took digits with them. */
  ruled: boolean;
  /** The image is a field cut out on its own (see closer-look.ts), and no sheet was found in it. */
  field: boolean;
}

/**
 * A line's strokes (`first`) with the print taken out, read closer from the full-resolution
 * image when they are small in it; a field (see closer-look.ts) along the digits found past
 * its print.
 */
function lookAtLine(decoded: Decoded, first: Found, { onSurface, sheet, ruled, field: cutOut }: LineLook): Found {
  const { analysis } = first;
  const plain = cutOut ? withoutPrint(first, { closer: false }) : null;
  const field = plain !== null && plain.analysis !== analysis && plain.strokes.length > 0;
  // A field is read closer along the digits found past its print when they reach well past the
  // first look's line (cropped along them every time, a ruled sheet's wide crop lost its numbers).
  const seen = unionBox(first.strokes);
  const reach = lineHeight(first.strokes);
  const found = field ? unionBox(plain.strokes) : null;
  const past = found !== null && (found.x < seen.x - reach || found.x + found.width > seen.x + seen.width + reach);
  const along = field && past ? { ...first, strokes: plain.strokes } : first;
  const det = readInDetail(decoded, along, { onSurface, sheet, field, ruled });
  // (A field's print taken out may leave gaps in its digits: see line-reading.ts.)
  if (det === along)
    return plain && field ? { ...plain, printTakenOut: true } : (plain ?? withoutPrint(first, { closer: false }));
  return field && plain
    ? { ...alongPlainDigits(withoutPrint(det, { closer: true }), plain), printTakenOut: true }
    : withoutPrint(det, { closer: true });
}

/** Do two readings' boxes lie on one line: overlapping along it, and across by half the smaller one's height? */
function sameLine(a: Box, b: Box): boolean {
  const across = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const along = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return along > 0 && across >= 0.5 * Math.min(a.height, b.height);
}

/** Each line `found`, read; lines with no digit (a word, print) are left out. */
async function readLines(found: Found[], classifier: Classifier, options: ClassifyOptions): Promise<NumberReading[]> {
  const readings: NumberReading[] = [];
  for (const line of found) {
    try {
      const reading = await readLine(line, classifier, options);
      if (reading.digits.length > 0) readings.push(reading);
    } catch (error) {
      if (!(error instanceof DigitRecognizerError) || error.code !== 'EMPTY_IMAGE') throw error;
    }
  }
  return readings;
}

/** A reading whose marks are at least this share not-a-digit (left out, or kept and doubted)… */
const NO_DIGIT_SHARE = 0.5;
/** …counting a kept digit when its not-a-digit score is at least this. */
const DOUBTED_DIGIT = 0.5;

/** Are at least {@link NO_DIGIT_SHARE} of `reading`'s marks (two or more) no digit, or doubted as one? */
function mostlyNoDigits(reading: NumberReading): boolean {
  const marks = reading.digits.length + reading.notDigits.length;
  const doubted = reading.notDigits.length + reading.digits.filter((d) => d.notDigitScore >= DOUBTED_DIGIT).length;
  return marks >= 2 && doubted >= NO_DIGIT_SHARE * marks;
}

/** A line of at least this many digits… */
const UNSURE_DIGITS = 4;
/** …this share of them or more uncertain… */
const UNSURE_SHARE = 0.5;

/**
 * …is in doubt as the number too (see {@link UNSURE_DIGITS}): a signature's loops read as digits
 * the model is unsure of ("3301623" on a page read "6882"). Another line that reads as a plain
 * number is taken then; the line itself is not read again (so re-read, a number on a desk whose
 * digits were doubted came back as another wrong number). Validation (MNIST training digits,
 * 400 each): numbers on a page 362 → 364 read exactly; cheque amounts, boxed forms, sheets askew,
 * 800 numbers on desks the same.
 */
function mostlyUnsure(reading: NumberReading): boolean {
  const unsure = reading.digits.filter((d) => d.uncertain).length;
  return reading.digits.length >= UNSURE_DIGITS && unsure >= UNSURE_SHARE * reading.digits.length;
}

/** A line that reads as a number of two digits or more, none of its marks doubted as no digit. */
function plainNumber(reading: NumberReading): boolean {
  return (
    reading.digits.length >= 2 &&
    reading.notDigits.length === 0 &&
    reading.digits.every((d) => d.notDigitScore < DOUBTED_DIGIT)
  );
}

/**
 * `again`, the number's line read at the look every line is read at (drawn larger, each stroke
 * against the ink near it), reads as a plain number where `first` doubted half its marks: a digit
 * with a sliver of its neighbour, or faint, looked like no digit at the first look ("20" read
 * "0", the 2 left out). It is that line when it lies on it and holds no more digits than the
 * first reading had marks (without that, "87" on a desk was read "477"). Chosen on validation
 * numbers: cheques 82.0 → 82.5%, every other validation set unchanged.
 */
function sameAgain(again: NumberReading, first: NumberReading): boolean {
  return (
    sameLine(again.box, first.box) &&
    plainNumber(again) &&
    again.digits.length <= first.digits.length + first.notDigits.length
  );
}

/**
 * A reading with this many marks fewer than the first look saw on its line (level, or at its
 * slant before it was turned) may have lost digits: it is uncertain, in a scene (a note or a
 * sheet found, or the image turned level; see {@link inScene}). Validation (MNIST training
 * digits): wrong readings marked uncertain, numbers on desks 1,300: 86 → 88 of 111, sheets askew
 * (400): 42 → 43 of 64 ("43416298" read "416" silently before); right readings marked: one cheque
 * of 342 more, none else. On every image, not only in a scene, it marked 4 right cheques and 1
 * right boxed form more (their pattern's pieces and box sides count as marks).
 */
const LOST_MARKS = 2;

/** Was the number found in a scene: on a note or sheet found in the photo, or turned level? */
const inScene = (found: FoundLines): boolean => found.surface !== null || found.turn !== undefined;

/** What the looks at an image found: the number's line, every other line, the surface, the turn. */
interface FoundLines {
  /** The number's line, its print taken out, seen closer when small. */
  cleaned: Found;
  /** Every other line of digits, with `lines: true`. */
  others: Found[];
  surface: WritingSurface | null;
  /** How the image was turned to read a slanted line level (its boxes are the turned image's). */
  turn?: Turn;
  /** The most marks the first look saw on the number's line, level or at its slant. */
  seenMarks: number;
}

/**
 * A line that leans at least this much (radians), and holds more marks at its slant than the line
 * found level does, is read from the image turned level (see deskew.ts).
 */
const MIN_SLANT = (12.5 * Math.PI) / 180;

/**
 * The lines of `decoded` to read; turned level first when the writing is slanted (unless `level`:
 * the image turned, read with the polarity `known` from the first look at it).
 */
function findLines(decoded: Decoded, everyLine: boolean, level = false, known: LookOptions = {}): FoundLines {
  // A field cut out on its own is no scene: no note or sheet is looked for in a long one, and a
  // small one is a field when none is found in it.
  const seen = firstLook(decoded.luminance, known, !longField(decoded));
  const field = isField(decoded, seen);
  const { analysis, strokes } = lookPastRules(decoded.luminance, seen, known, field);
  // A ruled sheet's rules that took digits with them are erased up close too.
  const ruled = analysis !== seen.analysis;
  if (strokes.length === 0) {
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digits found: the image has no strokes, only specks.');
  }
  const surface = analysis.surface ? surfaceOutline(analysis.surface, analysis.scale) : null;
  const line = mostProminentLine(strokes);
  if (!level) {
    const slant = writingSlant(strokes, analysis.width, analysis.height);
    if (slant && Math.abs(slant.angle) >= MIN_SLANT && slant.marks > marksOf(line).length) {
      const turned = turnDecoded(decoded, slant.angle);
      try {
        const sameInk = { polarity: analysis.polarity };
        const level = findLines(turned.decoded, everyLine, true, sameInk);
        return { ...level, turn: turned.turn, seenMarks: Math.max(level.seenMarks, slant.marks) };
      } catch (error) {
        // Turned level, nothing is left to read: the image is read as it is.
        if (!(error instanceof DigitRecognizerError)) throw error;
      }
    }
  }
  let cleaned: Found | null = null;
  const others: Found[] = [];
  let candidates = [line];
  const sheet = analysis.surface !== null;
  /** A field cut out on its own, with no sheet found in it. */
  const cutOut = field && !sheet;
  // A line of one mark and specks (the sheet's edge) is no number: a number small on a big
  // page may not even be seen at the first look's size, so the page is looked at closer, with
  // a surface found or not (a sheet askew running off the photo is often not found: its number
  // was read "1", the desk's edge), but not a field cut out on its own (a form's boxes).
  // Validation (MNIST training digits, 400 each): sheets askew 324 → 336 exact, 1,300 numbers
  // on desks 1186 → 1189, cheques, boxed forms, pages and 300 composed numbers the same (boxed
  // forms 349 → 348 when a field was looked at so too).
  if (!cutOut && decoded.detail && marksOf(line).length < 2) {
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
      const read = lookAtLine(decoded, first, { onSurface, sheet, ruled, field: cutOut });
      if (candidate === line && onSurface) cleaned = read;
      const expected = read.lineHeight ?? lineHeight(candidate);
      const kept = mostProminentLine(read.strokes);
      if (lineHeight(kept) >= KEPT_LINE * expected && digitMarks(kept) >= KEPT_MARKS * digitMarks(candidate)) {
        cleaned = read;
        break search;
      }
    }
  }
  if (everyLine) {
    const { look, ruled: ruledLines } = linesLook(decoded, { analysis, strokes }, ruled, known);
    for (const other of numberLines(look.strokes)) {
      const first = { analysis: look.analysis, strokes: other, origin: { x: 0, y: 0 } };
      const sheetLines = look.analysis.surface !== null;
      others.push(
        lookAtLine(decoded, first, {
          onSurface: true,
          sheet: sheetLines,
          ruled: ruledLines,
          field: field && !sheetLines,
        }),
      );
    }
  }
  return { cleaned: cleaned!, others, surface, seenMarks: marksOf(line).length };
}

/**
 * Reads a handwritten number: finds each digit (merging the strokes of one digit, splitting
 * touching ones, ignoring specks, underlines, a form's boxes and a printed label beside the field)
 * and classifies them left to right. An image with several lines of digits is read at its most
 * prominent line (the largest digits, the most of them; when that line reads as mostly marks that
 * are no digit or mostly uncertain digits, such as a signature's loops, the next line that reads
 * as a number, `uncertain`);
 * with `lines: true`, every line is read too.
 *
 * @example
 * ```ts
 * const { text, confidence, digits } = await readNumber(photoOfPostcode);
 * const { lines } = await readNumber(photoOfTable, { lines: true });
 * ```
 */
export async function readNumber(input: DigitInput, options: ReadNumberOptions = {}): Promise<NumberReading> {
  if (input === null || input === undefined) {
    throw new DigitRecognizerError('INVALID_INPUT', `readNumber() needs an image; got ${String(input)}.`);
  }
  const { classifier, lines: everyLine = false, ...classifyOptions } = options;
  if (!classifier) throw new DigitRecognizerError('INVALID_INPUT', 'readNumber() needs a classifier here.');
  const whole = await decode(input);
  // A field on its own (a cheque's amount, a form's boxes), or a small image that may be one: its
  // printed tint is no ink (only a tint printed all over light paper is taken out).
  const decoded = longField(whole) || smallImage(whole) ? withoutTint(whole) : whole;
  let found: FoundLines;
  let reading: NumberReading;
  let others: NumberReading[];
  try {
    found = findLines(decoded, everyLine);
    reading = await readLine(found.cleaned, classifier, classifyOptions);
    // A line read as mostly no digits (a signature's loops over its rule), or as digits mostly
    // uncertain, is no number when another line of the image reads as one: every line is looked
    // at then.
    const noDigits = mostlyNoDigits(reading);
    const doubtful = noDigits || mostlyUnsure(reading);
    const rest = everyLine || !doubtful ? found : findLines(decoded, true);
    const all = await readLines(rest.others, classifier, classifyOptions);
    others = all.filter((r) => !sameLine(r.box, reading.box));
    const again = noDigits ? all.find((r) => sameAgain(r, reading)) : undefined;
    const number = doubtful && !again ? others.find(plainNumber) : undefined;
    // (Uncertain either way: which look, or which line, is the number was a guess.)
    if (again) reading = { ...again, uncertain: true };
    else if (number)
      [reading, others] = [{ ...number, uncertain: true }, [reading, ...others.filter((r) => r !== number)]];
    else if (inScene(found) && reading.digits.length + reading.notDigits.length <= found.seenMarks - LOST_MARKS)
      reading = { ...reading, uncertain: true };
  } finally {
    decoded.release?.();
  }
  const { surface, turn } = found;
  // Every line, the number among them as read above (the look at every line finds it again).
  const lines = everyLine ? [reading, ...others] : [];
  const result = {
    ...reading,
    ...(surface ? { surface } : {}),
    ...(everyLine ? { lines: lines.sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2)) } : {}),
  };
  return turn ? readingToInput(result, turn) : result;
}
