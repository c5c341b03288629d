/**
 * Ink that is not handwriting, taken out before a line is cut into digits: the fine printed
 * lines of a cheque's security background, a form's boxes and comb, the rule the number is
 * written on. A handwritten stroke has a pen's width and runs in every direction; a printed
 * pattern line is thinner than the pen, and a box or rule is a long straight run that is thin
 * across. Crossings stay: where a digit's stroke crosses a rule, the pixel is the stroke's.
 */
import { labelComponents, STROKE_THRESHOLD, type Component } from '../preprocess/components.js';
import { markOutlineContact, type InkAnalysis } from '../preprocess/pipeline.js';
import { surfaceSpans } from '../preprocess/surface.js';
import type { Luminance } from '../preprocess/luminance.js';
import { extremeAlong } from '../preprocess/rank-filter.js';
import { isRuling } from '../preprocess/rulings.js';

/** Chamfer distance (3-4 weights, in pixels) from each ink pixel to the nearest background pixel. */
export function distanceToBackground(mask: Uint8Array, width: number, height: number): Float32Array {
  const big = 1e6;
  const d = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) d[i] = mask[i] ? big : 0;
  // Outside the image counts as background (0).
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      let v = d[i]!;
      if (x > 0) v = Math.min(v, d[i - 1]! + 3);
      else v = Math.min(v, 3);
      if (y > 0) {
        v = Math.min(
          v,
          d[i - width]! + 3,
          x > 0 ? d[i - width - 1]! + 4 : 4,
          x < width - 1 ? d[i - width + 1]! + 4 : 4,
        );
      } else v = Math.min(v, 3);
      d[i] = v;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      let v = d[i]!;
      if (x < width - 1) v = Math.min(v, d[i + 1]! + 3);
      else v = Math.min(v, 3);
      if (y < height - 1) {
        v = Math.min(
          v,
          d[i + width]! + 3,
          x < width - 1 ? d[i + width + 1]! + 4 : 4,
          x > 0 ? d[i + width - 1]! + 4 : 4,
        );
      } else v = Math.min(v, 3);
      d[i] = v;
    }
  }
  for (let i = 0; i < d.length; i++) d[i]! /= 3;
  return d;
}

/** 1 where `labels` marks ink (any mark), 0 elsewhere. */
export function inkMask(labels: Int32Array): Uint8Array {
  const mask = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) mask[i] = labels[i]! > 0 ? 1 : 0;
  return mask;
}

/** The greatest `depth` among each label's pixels (a mark's half width at its thickest), by label. */
export function deepestByLabel(labels: Int32Array, depth: Float32Array): Float32Array {
  let last = 0;
  for (let i = 0; i < labels.length; i++) last = Math.max(last, labels[i]!);
  const deepest = new Float32Array(last + 1);
  for (let i = 0; i < labels.length; i++)
    if (labels[i]) deepest[labels[i]!] = Math.max(deepest[labels[i]!]!, depth[i]!);
  return deepest;
}

/**
 * Half the pen's width: the typical greatest depth (distance to the paper) of the big strokes.
 * Thin printed lines are many but shallow; the digits are the deepest ink.
 */
export function penHalfWidth(mask: Uint8Array, depth: Float32Array, width: number, height: number): number {
  const { labels, components } = labelComponents(Float32Array.from(mask), width, height, 0.5);
  const deepest = deepestByLabel(labels, depth);
  const biggest = components.reduce((m, c) => Math.max(m, c.area), 0);
  const depths = components
    .filter((c) => c.area >= 0.2 * biggest)
    .map((c) => deepest[c.id]!)
    .sort((a, b) => a - b);
  return depths[Math.floor(depths.length / 2)] ?? 0;
}

/** Horizontal and vertical run lengths of `mask` through each pixel. */
function runLengths(mask: Uint8Array, width: number, height: number): { across: Uint16Array; down: Uint16Array } {
  const across = new Uint16Array(mask.length);
  const down = new Uint16Array(mask.length);
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      if (!mask[y * width + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && mask[y * width + end]) end++;
      across.fill(Math.min(65535, end - x), y * width + x, y * width + end);
      x = end;
    }
  }
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (!mask[y * width + x]) {
        y++;
        continue;
      }
      let end = y;
      while (end < height && mask[end * width + x]) end++;
      for (let yy = y; yy < end; yy++) down[yy * width + x] = Math.min(65535, end - y);
      y = end;
    }
  }
  return { across, down };
}

/** Max (`bright`) or min filter over a (2r+1)² square, separable. */
function rank(values: Float32Array, width: number, height: number, r: number, bright: boolean): Float32Array {
  return extremeAlong(extremeAlong(values, width, height, r, bright, true), width, height, r, bright, false);
}

/** Closings already made, by image and radius: readNumber() looks at one image in several ways. */
const closings = new WeakMap<Luminance, Map<number, Luminance>>();

/**
 * A grey closing of dark-on-light luminance: dark lines narrower than 2r+1 pixels (a printed
 * pattern's) fill in with the paper around them, while a pen's strokes, wider, keep their shape.
 */
export function closeLuminance(image: Luminance, r: number): Luminance {
  const made = closings.get(image) ?? new Map<number, Luminance>();
  closings.set(image, made);
  const known = made.get(r);
  if (known) return known;
  const { width, height, values } = image;
  const closed = { ...image, values: rank(rank(values, width, height, r, true), width, height, r, false) };
  made.set(r, closed);
  return closed;
}

/** Below this half width (pixels) the pen is too thin to tell its strokes from print by width. */
const MIN_PEN_HALF_WIDTH = 1.8;

/** A piece at least this share of the line's height tall may be a digit drawn with a thinner pen. */
const TALL_PIECE = 0.6;

/** Ink that was no mark comes back as one no taller than this many line heights. */
const FREED_HEIGHT = 1.5;

/** The labels of the analysis' ink that are taller than `limit` (pixels), marks or not. */
function tallMarks(analysis: InkAnalysis, limit: number): Set<number> {
  const { labels, width } = analysis;
  const top = new Map<number, number>();
  const tall = new Set<number>();
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i]!;
    if (!id) continue;
    const y = Math.floor(i / width);
    const first = top.get(id);
    if (first === undefined) top.set(id, y);
    else if (y - first + 1 > limit) tall.add(id);
  }
  return tall;
}

/** Is a removed (rule) pixel within 2 px of (x, y)? */
function nearRemoved(remove: Uint8Array, width: number, height: number, x: number, y: number): boolean {
  for (let yy = Math.max(0, y - 2); yy <= Math.min(height - 1, y + 2); yy++) {
    for (let xx = Math.max(0, x - 2); xx <= Math.min(width - 1, x + 2); xx++) if (remove[yy * width + xx]) return true;
  }
  return false;
}

/** A box side a digit crosses is still this share thin (its crossings are the pen's width). */
const CROSSED_SIDE_THIN = 0.6;

/**
 * The sides of printed boxes: thin vertical runs from a removed rule down to another, whatever
 * their length (an empty box's sides are the only marks there, and as tall as a digit). A side
 * a digit crosses (a digit too big for its box) keeps the crossing, which is the digit's: its
 * run may reach past the rule into the digit's stroke, and is thin from one rule to the other
 * but where the digit crosses it; only its thin pixels go.
 */
function removeBoxSides(
  mask: Uint8Array,
  remove: Uint8Array,
  across: Uint16Array,
  width: number,
  height: number,
  thin: number,
): void {
  const sides: Array<[number, number, number, boolean]> = [];
  const atRule = (x: number, y: number): boolean => nearRemoved(remove, width, height, x, y);
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (!mask[y * width + x] || remove[y * width + x]) {
        y++;
        continue;
      }
      let end = y;
      let thinPixels = 0;
      while (end < height && mask[end * width + x] && !remove[end * width + x]) {
        if (across[end * width + x]! <= thin) thinPixels++;
        end++;
      }
      const length = end - y;
      if (length >= 3 && thinPixels >= 0.8 * length && atRule(x, y - 1) && atRule(x, end)) {
        sides.push([x, y, end, false]);
      } else if (length >= 3 && thinPixels >= CROSSED_SIDE_THIN * length) {
        // From the first row beside a rule to the last: where the run meets the rules.
        let top = y - 1;
        while (top < end && !atRule(x, top)) top++;
        let bottom = end;
        while (bottom > top && !atRule(x, bottom)) bottom--;
        let thinBetween = 0;
        for (let r = top + 1; r < bottom; r++) if (across[r * width + x]! <= thin) thinBetween++;
        const between = bottom - top - 1;
        if (between >= 3 && thinBetween >= CROSSED_SIDE_THIN * between) sides.push([x, top + 1, bottom, true]);
      }
      y = end;
    }
  }
  for (const [x, from, to, crossed] of sides) {
    for (let y = from; y < to; y++) if (!crossed || across[y * width + x]! <= thin) remove[y * width + x] = 1;
  }
}

/** 1 at each label of `ids` below `size`, by label: a per-pixel test without a set lookup. */
function flagsOf(ids: ReadonlySet<number>, size: number): Uint8Array {
  const flags = new Uint8Array(size);
  for (const id of ids) if (id >= 0 && id < size) flags[id] = 1;
  return flags;
}

/** How {@link suppressPatterns} judges what is handwriting. */
export interface SuppressOptions {
  /** Typical digit height on the line (working pixels): straight runs longer than this are print. */
  lineHeight: number;
  /** The marks of the line being read, when known: the pen's width is theirs. */
  line?: readonly Component[];
}

/**
 * The analysis with printed patterns, boxes and rules taken out of its ink, and its strokes
 * labelled again. Returns the analysis unchanged when nothing was taken out.
 */
export function suppressPatterns(analysis: InkAnalysis, options: SuppressOptions): InkAnalysis {
  const { width, height, ink } = analysis;
  const mask = new Uint8Array(ink.length);
  let inked = 0;
  for (let i = 0; i < ink.length; i++) {
    mask[i] = ink[i]! > STROKE_THRESHOLD ? 1 : 0;
    inked += mask[i]!;
  }
  if (inked === 0) return analysis;
  const depth = distanceToBackground(mask, width, height);
  // The pen's width is the digit-sized ink's: a note's edge and its shadow may be far thicker,
  // and so may a shadow's band along the edge of what can be seen.
  const tall = tallMarks(analysis, FREED_HEIGHT * options.lineHeight);
  for (const c of analysis.components) if (c.touchesBorder) tall.add(c.id);
  const labelled = analysis.labels;
  const digitSized = new Uint8Array(mask.length);
  let labelCount = 1;
  for (let i = 0; i < labelled.length; i++) labelCount = Math.max(labelCount, labelled[i]! + 1);
  const tallLabel = flagsOf(tall, labelCount);
  for (let i = 0; i < mask.length; i++) digitSized[i] = mask[i] && !tallLabel[labelled[i]!] ? 1 : 0;
  // The line's own marks first: below a number written with a thin pen, a note's edge and its
  // shadow leave thick pieces of digit size, and the digits went as print ("No digits found").
  // Validation: boxed forms 84.0 → 84.7% (300), numbers on desks +1 of 300 (salt 3), cheques,
  // numbers on a page and desks (salt 2) read the same.
  const lineLabel = flagsOf(new Set((options.line ?? []).map((c) => c.id)), labelCount);
  const lineInk = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) lineInk[i] = digitSized[i] && lineLabel[labelled[i]!] ? 1 : 0;
  const half =
    penHalfWidth(lineInk, depth, width, height) ||
    penHalfWidth(digitSized, depth, width, height) ||
    penHalfWidth(mask, depth, width, height);
  const remove = new Uint8Array(mask.length);
  // 1. Straight runs longer than a digit and thin across: rules, a box's sides, an underline.
  const thin = Math.max(2, 0.9 * half);
  const { across, down } = runLengths(mask, width, height);
  const long = 1.15 * options.lineHeight;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if ((across[i]! >= long && down[i]! <= thin) || (down[i]! >= long && across[i]! <= thin)) remove[i] = 1;
  }
  removeBoxSides(mask, remove, across, width, height, thin);
  // 2. What is left that is nowhere as thick as the pen: a printed label's letters, a comb's
  // ticks, the stubs of a pattern. A digit has the pen's width somewhere, and is kept whole.
  if (half >= MIN_PEN_HALF_WIDTH) {
    const core = Math.min(2, Math.max(1.01, 0.55 * half));
    const left = new Float32Array(mask.length);
    for (let i = 0; i < mask.length; i++) left[i] = mask[i] && !remove[i] ? 1 : 0;
    const pieces = labelComponents(left, width, height, 0.5);
    const deepest = deepestByLabel(pieces.labels, depth);
    // A piece as tall as a digit (a thin-penned "1") needs to be thinner still to go.
    const print = pieces.components.map(
      (c) => deepest[c.id]! < (c.box.height >= TALL_PIECE * options.lineHeight ? 0.7 : 1) * core,
    );
    for (let i = 0; i < mask.length; i++) if (pieces.labels[i] && print[pieces.labels[i]! - 1]) remove[i] = 1;
  }
  let removed = 0;
  for (let i = 0; i < remove.length; i++) removed += remove[i]!;
  if (removed === 0) return analysis;
  const cleaned = new Float32Array(ink);
  for (let i = 0; i < cleaned.length; i++) if (remove[i]) cleaned[i] = Math.min(cleaned[i]!, STROKE_THRESHOLD * 0.5);
  const { labels, components: all } = labelComponents(cleaned, width, height);
  // As the first look marked them: what hugs the note's outline is what is left of its edge.
  if (analysis.surface) markOutlineContact(all, labels, surfaceSpans(analysis.surface, width, height));
  // Ink that was no mark before comes back only as a digit freed from the print it touched (a
  // comb's teeth): what is taller than the digits is a note's edge or its shadow.
  const marks = new Set(analysis.components.map((c) => c.id));
  const wasMark = new Uint8Array(all.length + 1);
  for (let i = 0; i < labels.length; i++) if (labels[i] && marks.has(analysis.labels[i]!)) wasMark[labels[i]!] = 1;
  const components = all.filter(
    (c) =>
      (wasMark[c.id] || c.box.height <= FREED_HEIGHT * options.lineHeight) &&
      !isRuling(c, labels, { width, height }, analysis.page, analysis.surface !== null),
  );
  return { ...analysis, ink: cleaned, labels, components };
}
