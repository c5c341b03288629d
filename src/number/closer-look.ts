/**
 * `readNumber()`'s closer look at a line of digits that came out small in the first look (a
 * number on a note on a desk, a phone number on a photographed page): the line is read again
 * from the full-resolution image, at a size where its strokes are clear.
 */
import { unionBox, type Component } from '../preprocess/components.js';
import type { Decoded } from '../preprocess/decode.js';
import { WORKING_SIDE } from '../preprocess/luminance.js';
import type { Box } from '../preprocess/mnist-normalize.js';
import { regionAround, surfaceInCrop, toInputBox, type InkAnalysis } from '../preprocess/pipeline.js';
import { mostProminentLine } from './find-line.js';
import { lookPastPatterns, type Look } from './first-look.js';
import { eraseRules, RULE_REACH } from './rule-eraser.js';
import { lineHeight } from './segment.js';

/** A line of digits shorter than this (working pixels) is read again from the full image… */
const DETAIL_BELOW_LINE = 24;
/** …at a scale that makes it about this tall… */
const DETAIL_LINE = 48;
/** …with this margin around it, in line heights… */
const DETAIL_MARGIN = 0.6;
/** …and this much more at either end of the line. */
const DETAIL_ALONG = 3;

/**
 * An image at least this many times as long as it is tall, with no sheet in it, is a field cut
 * out on its own (a form's boxes, a cheque's amount). When print was taken out of it, its line of
 * digits is read closer when shorter than `FIELD_BELOW_LINE`, at a scale that makes it
 * `FIELD_LINE` tall: a 650×140 form shrunk to the working side leaves nine digits 25 px tall,
 * squeezed between its box sides. Chosen on validation numbers (MNIST training digits, 300 of
 * each kind): boxed forms 78.3 → 82.3% exact, cheque amounts 72.7 → 72.3%; see `FIELD_SPAN`.
 */
const FIELD_ASPECT = 2;
const FIELD_BELOW_LINE = 36;
const FIELD_LINE = 64;
/**
 * Seen closer, a field's strokes count only within this many line heights of the digits the
 * working copy found once print was taken out: up close a printed label's letters and an empty
 * box's sides are as thick as the pen's core, and would stay (without it, validation boxed forms
 * read 84.0%, but a label beside the field was read as digits in 7 forms of 60 in the Node tests,
 * and empty boxes as "111").
 */
const FIELD_SPAN = 0.3;
/**
 * Past the digits' end, a stroke still counts when it starts within `FIELD_FOLLOW` line heights of
 * the last one kept, is at least `FIELD_FOLLOW_WIDTH` of a line height wide and
 * `FIELD_FOLLOW_HEIGHT` tall, and lies on the line: the working copy loses a thin last digit
 * against the last box's side. Validation boxed forms 82.3 → 84.0% exact, cheque amounts 72.3%
 * unchanged; following the line leftwards too, as low, read 83.7% and took in a label's letters (see
 * FIELD_LEAD_HEIGHT).
 */
const FIELD_FOLLOW = 1;
const FIELD_FOLLOW_WIDTH = 0.25;
const FIELD_FOLLOW_HEIGHT = 0.4;
/**
 * Before the digits' start, the same, for a stroke at least `FIELD_LEAD_HEIGHT` line heights
 * tall: the working copy loses a thin first digit against the field's left side too. A printed
 * label's letters stay out: they are smaller than handwritten digits, and the label tests hold.
 * Validation cheque amounts 72.7 → 73.3% exact (a thin open 4 and a thin 3 kept; at 0.7 the 4's
 * short stem alone came back, read as a 1), boxed forms 84.7% and pages unchanged
 * (`npx tsx scripts/bench/real-numbers.ts --split=validation --count=300 --src`).
 */
const FIELD_LEAD_HEIGHT = 0.5;

/**
 * An image at most this many pixels on its longer side is a crop too, whatever its shape, when
 * no note or sheet is found in it: a cheque's amount box around two or three digits is less than
 * twice as wide as tall, and read as a scene, with its tint, its printed pattern broke the digits
 * into specks ("1128" read as nothing, "60" as one mark that is no digit). A photo of a note on a
 * desk that small is still a scene (its tint is taken out as a field's is: 400 numbers on desks
 * drawn 400 px wide read the same, 363). Validation (MNIST training digits, 400 each): cheque
 * amounts 343 → 364 read exactly (with the slivers of print left out, see line-reading.ts), boxed
 * forms, 300 composed numbers and the real-photo dev set the same.
 */
const FIELD_SIDE = 400;

/** Is the image long and thin, a field cut out on its own (see {@link FIELD_ASPECT})? */
export function longField(decoded: Decoded): boolean {
  const { sourceWidth: w, sourceHeight: h } = decoded;
  return Math.max(w, h) >= FIELD_ASPECT * Math.min(w, h);
}

/** Is the image small enough to be a field cut out on its own, whatever its shape (see {@link FIELD_SIDE})? */
export function smallImage(decoded: Decoded): boolean {
  return Math.max(decoded.sourceWidth, decoded.sourceHeight) <= FIELD_SIDE;
}

/**
 * Is the image a field cut out on its own, no scene, given the first look at it (`seen`): long
 * and thin, or small with no note or sheet found in it (see {@link FIELD_SIDE})?
 */
export function isField(decoded: Decoded, seen: Look): boolean {
  return longField(decoded) || (smallImage(decoded) && !seen.analysis.surface);
}

/**
 * `close`'s strokes that lie along the line where `plain` (the working copy, print taken out)
 * found the digits: see {@link FIELD_SPAN}.
 */
export function alongPlainDigits(close: Found, plain: Found): Found {
  const { scale } = plain.analysis;
  const span = toInputBox(unionBox(plain.strokes), scale);
  const height = lineHeight(plain.strokes) * scale;
  const reach = FIELD_SPAN * height;
  const inInput = (c: Component): Box => {
    const s = close.analysis.scale;
    return {
      x: close.origin.x + c.box.x * s,
      y: close.origin.y + c.box.y * s,
      width: c.box.width * s,
      height: c.box.height * s,
    };
  };
  let end = span.x + span.width + reach;
  let start = span.x - reach;
  const kept = new Set<Component>();
  const beyond: Array<{ c: Component; box: Box }> = [];
  const before: Array<{ c: Component; box: Box }> = [];
  for (const c of close.strokes) {
    const box = inInput(c);
    const x = box.x + box.width / 2;
    if (x >= start && x <= end) kept.add(c);
    else if (x > end) beyond.push({ c, box });
    else before.push({ c, box });
  }
  const onLine = (box: Box, minHeight: number): boolean => {
    const overlap = Math.min(box.y + box.height, span.y + span.height) - Math.max(box.y, span.y);
    return box.width >= FIELD_FOLLOW_WIDTH * height && box.height >= minHeight * height && overlap >= 0.5 * box.height;
  };
  // A thin last digit the working copy lost among the box sides: a stroke that follows the line
  // on, step by step, and is a digit's shape, not a bare upright (an empty box's side).
  beyond.sort((a, b) => a.box.x - b.box.x);
  for (const { c, box } of beyond) {
    if (box.x > end + FIELD_FOLLOW * height) break;
    if (!onLine(box, FIELD_FOLLOW_HEIGHT)) continue;
    kept.add(c);
    end = Math.max(end, box.x + box.width);
  }
  // A thin first digit too (see FIELD_LEAD_HEIGHT).
  before.sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width));
  for (const { c, box } of before) {
    if (box.x + box.width < start - FIELD_FOLLOW * height) break;
    if (!onLine(box, FIELD_LEAD_HEIGHT)) continue;
    kept.add(c);
    start = Math.min(start, box.x);
  }
  return { ...close, strokes: close.strokes.filter((c) => kept.has(c)) };
}

/** A closer look whose line has more than this many strokes per stroke of the first is in shreds. */
const SHREDS = 1.6;
/** …whose strokes are mostly shorter than this share of the line's height. */
const SHRED_HEIGHT = 0.7;

/**
 * Up close, a piece at least this share of the line's height tall… Chosen on validation numbers
 * (MNIST training digits): on desks 86.0 → 86.5% (a thin pen's "0038" read "17073623"), cheque
 * amounts, boxed forms and pages unchanged; fields are left out (with them boxed forms lost 2 of
 * 300, their squeezed digits rightly come apart up close).
 */
const BROKEN_PIECE = 0.3;
/** …two or more of them in a mark no wider than this share of its height (one digit)… */
const ONE_DIGIT_WIDTH = 1.2;
/** …in at least this share of the first look's marks: strokes broken up. */
const BROKEN_SHARE = 0.5;

/** The number's ink and strokes, and where its pixels sit in the input's. */
export interface Found {
  analysis: InkAnalysis;
  strokes: Component[];
  /** Input pixels of the analysis' pixel (0, 0). */
  origin: { x: number; y: number };
  /** The line's height (analysis pixels) as a first look measured it, before print could blur it. */
  lineHeight?: number;
  /**
   * A field's printed pattern, boxes or rules were taken out of the line's ink: its strokes may
   * have gaps where the print crossed them.
   */
  printTakenOut?: boolean;
}

/** A line's crop is read at most this many times the working side long… */
const LINE_SIDE_MAX = 2;

/**
 * …with no more pixels than a square working copy: a line `width`×`height` long and thin is read
 * `WORKING_SIDE`·√(aspect) long, up to `LINE_SIDE_MAX` working sides.
 */
function lineSide(width: number, height: number): number {
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
  return Math.round(WORKING_SIDE * Math.min(LINE_SIDE_MAX, Math.max(1, Math.sqrt(aspect))));
}

/**
 * A number small in a big photo (a note on a desk) is found on the small working copy, then read
 * again from the full-resolution image at a size where its strokes are clear. So is a `field`
 * (see {@link FIELD_ASPECT}) whose digits print squeezes.
 */
export function readInDetail(
  decoded: Decoded,
  first: Found,
  { onSurface = true, sheet = false, field = false, ruled = false } = {},
): Found {
  const { analysis, strokes } = first;
  const height = lineHeight(strokes);
  // A line small enough for the usual closer look is read at its usual size (at the field's,
  // cheques lost their first digits).
  const asField = field && height >= DETAIL_BELOW_LINE;
  const below = asField ? FIELD_BELOW_LINE : DETAIL_BELOW_LINE;
  const target = asField ? FIELD_LINE : DETAIL_LINE;
  if (!decoded.detail || analysis.scale <= 1.01 || height >= below) return first;
  const box = toInputBox(unionBox(strokes), analysis.scale);
  // Wider along the line: a digit the first look lost (run into a rule at that scale) is found.
  const margin = DETAIL_MARGIN * height * analysis.scale;
  // A long line is read as wide as the working copy's pixels allow, not squeezed into its side.
  const side = lineSide(box.width + 2 * margin, box.height + 2 * margin);
  // A long number is read whole, at a smaller size if need be.
  const k = Math.min(1, target / (height * analysis.scale), !sheet ? 1 : (side - 4) / (box.width + 2 * margin + 4));
  // No longer than the line's side at the crop's scale, or the crop would be shrunk again.
  const along = Math.max(0, Math.min(DETAIL_ALONG * height * analysis.scale, (side / k - box.width - 2 * margin) / 2));
  const region = regionAround(
    { ...box, x: box.x - along, width: box.width + 2 * along },
    margin,
    decoded.sourceWidth,
    decoded.sourceHeight,
  );
  // Rounding the region out to whole pixels must not take it past the line's side either.
  const size = Math.min(side, Math.round(Math.max(region.width, region.height) * k));
  const cropLine = (height * analysis.scale * size) / Math.max(region.width, region.height);
  const raw = decoded.detail(region, size);
  // Rules a digit sits on go before the ink is measured, or the digit goes with the rule.
  const crop =
    (sheet || ruled) && analysis.polarity === 'dark-on-light'
      ? eraseRules(raw, { reach: RULE_REACH * cropLine, lineHeight: cropLine })
      : raw;
  const close = lookPastPatterns(crop, {
    maxSide: side,
    polarity: analysis.polarity,
    blocksAcross: Math.max(4, Math.round(Math.max(crop.width, crop.height) / target)),
    ...(analysis.surface && onSurface ? { inside: surfaceInCrop(analysis.surface, analysis.scale, region, crop) } : {}),
  });
  // The first look stands when the second finds nothing (ink too faint up close), or finds its
  // strokes in shreds (a thin pen, faint on its paper, breaks up at the larger size), or most of
  // its digits broken in two.
  // Strokes a rule ran into may all have been taken for the rule: the print is taken out first.
  const shreds = (look: Look): boolean => {
    const line = mostProminentLine(look.strokes);
    const heights = line.map((c) => c.box.height).sort((a, b) => a - b);
    const expected = (height * analysis.scale) / look.analysis.scale;
    if (line.length > SHREDS * strokes.length + 1 && heights[heights.length >> 1]! < SHRED_HEIGHT * expected)
      return true;
    // …or most of the first look's marks broken in two or more pieces of some size each.
    if (field) return false;
    const k = look.analysis.scale / analysis.scale;
    // The middles of the pieces up close that are of some size, in the first look's pixels.
    const middles = line
      .filter((p) => p.box.height * k >= BROKEN_PIECE * height)
      .map((p) => ({
        x: region.x / analysis.scale + (p.box.x + p.box.width / 2) * k,
        y: region.y / analysis.scale + (p.box.y + p.box.height / 2) * k,
      }));
    const pieces = ({ box }: Component): number =>
      middles.filter(({ x, y }) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height)
        .length;
    const lineStrokes = mostProminentLine(strokes);
    // (A mark as wide as two digits is two touching digits, which up close may rightly come apart.)
    const broken = lineStrokes.filter((c) => c.box.width <= ONE_DIGIT_WIDTH * c.box.height && pieces(c) >= 2);
    return broken.length >= BROKEN_SHARE * lineStrokes.length;
  };
  if (close && !shreds(close))
    return {
      ...close,
      origin: { x: region.x, y: region.y },
      lineHeight: (height * analysis.scale) / close.analysis.scale,
    };
  return first;
}
