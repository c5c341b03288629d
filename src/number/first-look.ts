/**
 * How `readNumber()` reads an image's ink: past a printed security pattern (a grey closing
 * wipes lines thinner than the pen before the ink is measured, when that leaves a line of
 * digits standing), and past a "surface" that is no note on a desk.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import { boxWithin, unionBox, type Component } from '../preprocess/components.js';
import type { InkOptions } from '../preprocess/ink.js';
import type { Luminance } from '../preprocess/luminance.js';
import { analyseInk, type AnalyseOptions, type InkAnalysis } from '../preprocess/pipeline.js';
import { closeLuminance, distanceToBackground, inkMask, penHalfWidth } from './pattern-suppression.js';
import { digitMarks, strokeLines } from './find-line.js';
import { cutByOutline, cutsThrough } from './outline-cuts.js';
import { eraseRules, RULE_REACH } from './rule-eraser.js';
import { digitStrokes, lineHeight } from './segment.js';

/**
 * How a look measures ink: against the ink near each stroke (`localContrast`), and with a known
 * `polarity` (an image turned level is the same writing as the image seen first: its corners
 * past the input, filled with the input's edge, may be mostly desk and flip the test).
 */
export type LookOptions = Pick<InkOptions, 'localContrast' | 'polarity'>;

/** An image's ink and the strokes that may be digits. */
export interface Look {
  analysis: InkAnalysis;
  strokes: Component[];
}

/** A surface whose line of digits is shorter than this share of the whole image's is ignored. */
const SURFACE_LINE_SHARE = 0.4;
/** …and only when the surface covers less than this share of the image. */
const SMALL_SURFACE = 0.3;
/** …and reading the whole image finds a line of at least this share of the surface's digit marks. */
const LINE_MARKS = 0.5;
/**
 * …or it holds fewer digit marks than this (one) and the whole image a taller line of at least
 * `LINE_OF_MARKS`. A large surface only when that mark is a speck: a note with one digit, read
 * whole, finds a "line" in the desk's grain (validation single digits on notes read 84.4 → 76.3%
 * when any large surface was let through).
 */
const ONE_MARK = 1.5;
const LINE_OF_MARKS = 1.8;
/**
 * A large surface's one mark is a speck when under this share of the surface's height and the
 * whole image's line is this many times as tall. Validation: cheques 72 → 74%, single digits on
 * notes and numbers on desks unchanged.
 */
const SPECK_SHARE = 0.2;
const SPECK_TALLER = 2;
/** A mark at least this share of the note's width and height, read without the note, is its edge. */
const NOTE_EDGE_SHARE = 0.8;
/** The closed image is read when it keeps less than this share of the ink (the rest was print)… */
const PATTERN_INK_SHARE = 0.7;
/** …and its strokes are still at least this thick (half width, pixels): the closing spared them. */
const SPARED_HALF_WIDTH = 1.8;
/** …and its line is at least this tall (pixels). */
const SPARED_LINE = 12;

/**
 * A plain look whose line is less than this share of the closed look's, and its ink too, lost the
 * digits in the print.
 */
const LOST_SHARE = 0.5;

/**
 * A plain look whose rows of marks hold this share of its ink (the photo's dark corners left
 * out) has no pattern for a closing to take…
 */
const LINE_INK_SHARE = 0.9;
/**
 * …its rows being its best line and every other of two or more marks at least this share of its
 * height: a sheet of several numbers in a thin pen, which the closing wore away (the real sheets of
 * scripts/bench/real-photos.ts, 3 MP phone photos of rows of digits 13% of their height, read
 * 34 → 36 of 52 lines; validation numbers unchanged).
 */
const ROW_SIZE = 0.5;

const areaOf = (strokes: Component[]): number => strokes.reduce((s, c) => s + c.area, 0);
const inkArea = (look: Look): number => areaOf(look.strokes);

function look(luminance: Luminance, options: AnalyseOptions): Look | null {
  try {
    const analysis = analyseInk(luminance, { ...options, numberLine: true });
    return { analysis, strokes: digitStrokes(analysis) };
  } catch (error) {
    if (error instanceof DigitRecognizerError) return null;
    throw error;
  }
}

function halfWidth(analysis: InkAnalysis): number {
  const { width, height, labels } = analysis;
  const mask = inkMask(labels);
  return penHalfWidth(mask, distanceToBackground(mask, width, height), width, height);
}

/**
 * A surface's line holding at least this many digit marks is a note's line of writing, no light
 * patch of a cheque's pattern (its one or two marks are the pattern's pieces). Validation (900
 * numbers on desks, `desk-node.ts --browser-like`): the same 811 read exactly, and the one it
 * was for ("07854" read "1") reads "0785", its last digit, a 4 drawn like an "A", left out as no
 * digit; cheques, boxed forms, pages, sheets askew and composed numbers the same (without the
 * line, for any note the closing lost: cheques 84.5 → 84.0%).
 */
const NOTE_LINE_MARKS = 2.5;

/** Does `look`'s surface hold a line of digits (see {@link NOTE_LINE_MARKS})? */
const onNote = (look: Look): boolean =>
  look.analysis.surface !== null && digitMarks(strokeLines(look.strokes)[0]?.strokes ?? []) >= NOTE_LINE_MARKS;

/**
 * The ink of `luminance`, read past a printed pattern when there is one: the image is also read
 * after a grey closing; that reading is taken when the closing took away much of the ink yet
 * left thick strokes in a line (a cheque's guilloche under pen digits), unless the plain reading
 * is already one clean line holding all the closing found (a thin pen the closing wore down).
 * Null when neither finds any ink.
 */
export function lookPastPatterns(luminance: Luminance, options: AnalyseOptions): Look | null {
  const plain = look(luminance, options);
  if (plain && plain.analysis.polarity !== 'dark-on-light') return plain;
  // A surface is the scene's, not the closing's: where the plain look saw none, a cheque's box
  // with its pattern wiped is no note on a desk (the digits inside it would be lost with it).
  const findSurface = options.findSurface === true && (plain === null || plain.analysis.surface !== null);
  const closed = look(closeLuminance(luminance, 1), { ...options, findSurface, polarity: 'dark-on-light' });
  if (!closed || closed.strokes.length === 0) return plain;
  // Read plainly, a strong pattern and the digits in it may be one shape, taken for print, and
  // only specks are left: then the closing is not measured against them.
  // (On a note both looks find, the closing's taller line is more often the note's edge; so it
  // is when the closing lost the note its line of digits lies on, a thin pen on a pale card.)
  const lost =
    plain !== null &&
    !(plain.analysis.surface && (closed.analysis.surface || onNote(plain))) &&
    closed.strokes.length >= 2 &&
    lineHeight(plain.strokes) < LOST_SHARE * lineHeight(closed.strokes) &&
    inkArea(plain) < LOST_SHARE * inkArea(closed);
  if (plain && plain.strokes.length > 0 && !lost && inkArea(closed) >= PATTERN_INK_SHARE * inkArea(plain)) return plain;
  // All the ink in rows of marks, and the closing found no mark of their size they do not hold:
  // thin pen strokes, no pattern (the closing only wore them down). Marks touching the photo's
  // edge are its dark corners or the desk, no writing.
  const writing = plain ? plain.strokes.filter((c) => !c.touchesBorder) : [];
  const lines = strokeLines(writing);
  const best = lines[0];
  const rowHeight = best ? ROW_SIZE * lineHeight(best.strokes) : 0;
  const rows = lines.filter((l) => l === best || (l.strokes.length >= 2 && lineHeight(l.strokes) >= rowHeight));
  const clean =
    best !== undefined &&
    best.strokes.length >= 2 &&
    areaOf(rows.flatMap((l) => l.strokes)) >= LINE_INK_SHARE * areaOf(writing);
  const within = (c: Component): boolean => plain!.strokes.some(({ box }) => boxWithin(c.box, box));
  if (clean && closed.strokes.filter((c) => c.box.height >= rowHeight).every(within)) return plain;
  if (lineHeight(closed.strokes) < SPARED_LINE || halfWidth(closed.analysis) < SPARED_HALF_WIDTH) return plain;
  return closed;
}

/**
 * The first look at the working copy. A "surface" whose ink is no line of digits (a light band
 * of a cheque's tint, a box printed on a form) is no note on a desk: when it is small and reading
 * the whole image finds a line of digits far taller than the surface's, the whole image is read.
 * So it is when the surface's outline cuts through its digits (a shadow taken for the note's
 * edge, see {@link cutByOutline}). Not a `scene` (a field cut out on its own): no surface is
 * looked for.
 */
export function firstLook(luminance: Luminance, ink: LookOptions = {}, scene = true): Look {
  const seen = lookPastPatterns(luminance, { ...ink, findSurface: scene });
  if (seen && !seen.analysis.surface) return seen;
  // (Not a scene, `seen` was that plain look, and found nothing.)
  const plain = scene ? lookPastPatterns(luminance, { ...ink, findSurface: false }) : null;
  if (!seen || !plain) {
    if (seen ?? plain) return (seen ?? plain)!;
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digit found: the image looks blank.');
  }
  // Read whole, a light note on a dark desk is itself light "ink": the writing on it is dark.
  // (Validation: 900 numbers on desks 811 → 812 read exactly, every other set the same.)
  if (plain.analysis.polarity !== seen.analysis.polarity) return seen;
  const inside = lineHeight(seen.strokes);
  const { page, width, height, surface } = seen.analysis;
  // A note on a desk fills a good part of the photo; a band of a cheque's tint is a sliver of it.
  const small = page.width * page.height < SMALL_SURFACE * width * height;
  // Read whole, a small note's own edge is one tall mark: it is no line of digits taller than
  // the note's.
  const outline = surface!.corners;
  const across = (axis: 'x' | 'y'): number =>
    Math.max(...outline.map((p) => p[axis])) - Math.min(...outline.map((p) => p[axis]));
  const noteEdge = (c: Component): boolean =>
    c.box.width >= NOTE_EDGE_SHARE * across('x') && c.box.height >= NOTE_EDGE_SHARE * across('y');
  // Shapes cut by the photo's edge are the desk around the note (its grain, its shade), no digits.
  const outside = plain.strokes.filter((c) => !noteEdge(c) && !c.touchesBorder);
  // …and pieces of a note's edge are no line of digits: the whole image must show one too.
  const seenLine = strokeLines(seen.strokes)[0]?.strokes ?? [];
  const wholeLine = strokeLines(outside)[0]?.strokes ?? [];
  const outsideLine = lineHeight(outside);
  const plainLine = small && inside < SURFACE_LINE_SHARE * outsideLine;
  // A surface holding one mark where the whole image holds a taller line of several is a light
  // patch of a printed pattern, the number running across it.
  // A large one qualifies when its one mark is a speck beside the whole image's line (a cheque's
  // printed box taken for a note, the digits in its pattern seen as no ink).
  const taller = outsideLine / Math.max(1, inside);
  const speck = inside < SPECK_SHARE * page.height && taller >= SPECK_TALLER;
  const oneMark =
    (small ? taller > 1 : speck) && digitMarks(seenLine) < ONE_MARK && digitMarks(wholeLine) >= LINE_OF_MARKS;
  return seen.strokes.length === 0 ||
    oneMark ||
    cutByOutline(seenLine, plain) ||
    cutsThrough(luminance, seen, seenLine, plain, wholeLine) ||
    (plainLine && digitMarks(wholeLine) >= LINE_MARKS * digitMarks(seenLine))
    ? plain
    : seen;
}

/**
 * A mark counts towards a line's digits when at least this share of the line's height tall, and
 * this share of it wide: a comb's teeth, apart once its rule is erased, are no digits (nor is a
 * 1, in either look).
 */
const RULED_MARK = 0.6;
const RULED_MARK_WIDTH = 0.25;
/** A ruled sheet shows at least this many rules (a field's one underline or frame is no sheet). */
const SHEET_RULES = 2;
/** With no line seen at all (every digit went with a rule), digits are taken for this share of the image's shorter side. */
const UNSEEN_LINE = 0.1;

/** Digit marks of a line's strokes, not counting marks far smaller or thinner than its digits. */
function lineDigits(line: Component[]): number {
  const height = lineHeight(line);
  return digitMarks(
    line.filter((c) => c.box.height >= RULED_MARK * height && c.box.width >= RULED_MARK_WIDTH * height),
  );
}

/**
 * A sheet of ruled paper filling the photo, the number written across its rules: each digit
 * that touches a rule is one shape with it, taken for a ruling and lost with it. When marks were
 * taken for rulings (two or more: a sheet's), the rules are erased (as on a page on a desk, see
 * rule-eraser.ts) at the height of the line `seen` found, and that look is taken when its line
 * holds at least one more digit. (On a note, a page or a screen found in a scene, its rules are the page look's to erase.)
 *
 * A `field` (a cheque's amount, a form's line, see closer-look.ts) has its one underline erased
 * whatever was taken for rulings, and that look is taken unless its line holds fewer digits: an
 * underline turned a degree or two touches the digits standing on it, and one shape with them,
 * it was taken for no digit ("23784" read "4784"). A box's top, a row of boxes and a comb stay
 * (their sides and teeth would be left as 1s: test combs read 51 → 45 of 60 before the comb was
 * told from an underline). Validation (MNIST training digits, 400 of each,
 * `npx tsx scripts/bench/real-numbers.ts --split=validation --count=400 --src`): cheque amounts
 * 82.5 → 84.0% exact, boxed forms 85.5 → 86.0%; composed numbers 95.3 → 95.0% (300,
 * scripts/bench/composed-validation.ts: a 9 with a tiny loop, its underline erased, read as 1).
 * A field with two or more rules and no underline to erase is a wide crop of a ruled sheet, and
 * looked at again as a sheet (a real notebook photo, "561247", read "261" before).
 */
export function lookPastRules(luminance: Luminance, seen: Look, ink: LookOptions = {}, field = false): Look {
  const { analysis } = seen;
  if (analysis.surface || analysis.polarity !== 'dark-on-light') return seen;
  const sheet = analysis.rulings >= SHEET_RULES;
  const underlined = field ? erasedLook(luminance, seen, ink, true) : seen;
  return underlined === seen && sheet ? erasedLook(luminance, seen, ink, false) : underlined;
}

/** `seen` looked at again with its rules erased (only a field's underline when `field`), or `seen` itself. */
function erasedLook(luminance: Luminance, seen: Look, ink: LookOptions, field: boolean): Look {
  const { analysis } = seen;
  const line = strokeLines(seen.strokes)[0]?.strokes;
  const seenHeight = line ? lineHeight(line) : UNSEEN_LINE * Math.min(analysis.width, analysis.height);
  const height = (seenHeight * analysis.scale) / luminance.scale;
  const box = line ? unionBox(line) : null;
  const middle = box ? ((box.y + box.height / 2) * analysis.scale) / luminance.scale : 0;
  const erased = eraseRules(luminance, {
    reach: RULE_REACH * height,
    lineHeight: height,
    ...(field ? { underlineBelow: middle } : {}),
  });
  if (erased === luminance) return seen;
  const look = lookPastPatterns(erased, { ...ink, findSurface: false });
  const lookLine = look ? (strokeLines(look.strokes)[0]?.strokes ?? []) : [];
  return look && lineDigits(lookLine) >= lineDigits(line ?? []) + (field ? 0 : 1) ? look : seen;
}
