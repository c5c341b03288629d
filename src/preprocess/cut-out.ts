/**
 * The digit's strokes cut out of the ink with their soft edges, and normalised the MNIST way:
 * thin pen strokes are thickened to MNIST's weight first.
 */
import { INK_THRESHOLD, inkBounds, mnistNormalize, type Box } from './mnist-normalize.js';
import type { InkAnalysis } from './pipeline.js';
import { resample } from './resample.js';

/** Side of the intermediate the digit is drawn at when its strokes need adjusting. */
const STROKE_CANVAS = 80;
/** Stroke width relative to the digit's longest side, as in MNIST (≈2.5 px in 20). */
const TARGET_STROKE = 0.11;
const THIN_STROKE = 0.075;
/** How far (px) from a kept stroke its faint, anti-aliased edge pixels are kept. */
const EDGE_REACH = 2;

/** Grayscale max filter with a (2r+1)² square, separable. */
function dilate(image: Float32Array, size: number, radius: number): Float32Array {
  const tmp = new Float32Array(image.length);
  const out = new Float32Array(image.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 0;
      for (let d = -radius; d <= radius; d++) {
        const xx = x + d;
        if (xx >= 0 && xx < size) v = Math.max(v, image[y * size + xx]!);
      }
      tmp[y * size + x] = v;
    }
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 0;
      for (let d = -radius; d <= radius; d++) {
        const yy = y + d;
        if (yy >= 0 && yy < size) v = Math.max(v, tmp[yy * size + x]!);
      }
      out[y * size + x] = v;
    }
  }
  return out;
}

function stretchToPeak(values: Float32Array): void {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  if (max > 0 && max < 1) for (let i = 0; i < values.length; i++) values[i]! /= max;
}

/** One digit, normalised: the model's 28×28, and its box in working pixels. */
export interface NormalizedDigit {
  pixels: Float32Array;
  box: Box;
  inkCoverage: number;
}

/** Some strokes cut out of the ink: a `width`×`height` crop whose top left is (`x`, `y`). */
export interface InkCutOut {
  ink: Float32Array;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The ink's bounds in the crop, soft edges included (as in training). */
  box: Box;
  /** Stroke pixels, and how many of them lie on a stroke's edge (for the stroke width). */
  area: number;
  boundary: number;
}

/**
 * `out[at + k·outStride]` = is any of `line[start + i·stride]` set for `i` within EDGE_REACH of
 * `from + k` (and in `[0, length)`), for `from + k` in `[from, to)`: a max filter of a 0/1 line
 * by a running count.
 */
function slideMax(
  line: Uint8Array,
  start: number,
  stride: number,
  from: number,
  to: number,
  length: number,
  out: Uint8Array,
  at: number,
  outStride: number,
): void {
  let lo = Math.max(0, from - EDGE_REACH);
  let hi = Math.min(length - 1, from + EDGE_REACH);
  let count = 0;
  for (let i = lo; i <= hi; i++) count += line[start + i * stride]!;
  for (let i = from, o = at; i < to; i++, o += outStride) {
    out[o] = count > 0 ? 1 : 0;
    const nextLo = Math.max(0, i + 1 - EDGE_REACH);
    const nextHi = Math.min(length - 1, i + 1 + EDGE_REACH);
    if (nextHi > hi) count += line[start + nextHi * stride]!;
    if (nextLo > lo) count -= line[start + lo * stride]!;
    lo = nextLo;
    hi = nextHi;
  }
}

/**
 * Over the crop `[x0, x1)×[y0, y1)`: is a kept stroke within EDGE_REACH pixels (a square), looking
 * only at columns `[fromX, toX)`? A max filter of the kept strokes, one direction at a time.
 */
function keptNearby(
  analysis: InkAnalysis,
  keep: ReadonlySet<number>,
  crop: { x0: number; x1: number; y0: number; y1: number },
  fromX: number,
  toX: number,
): Uint8Array {
  const { width, height, labels } = analysis;
  const { x0, x1, y0, y1 } = crop;
  // The kept strokes over the crop and a margin of EDGE_REACH, clipped to where one may look.
  const mx0 = Math.max(fromX, x0 - EDGE_REACH);
  const mx1 = Math.min(toX, x1 + EDGE_REACH);
  const my0 = Math.max(0, y0 - EDGE_REACH);
  const my1 = Math.min(height, y1 + EDGE_REACH);
  const mw = mx1 - mx0;
  const rows = new Uint8Array(mw * (my1 - my0));
  // Whether each label is kept, looked up by index rather than in the set for every pixel.
  let most = 0;
  for (const label of keep) most = Math.max(most, label);
  const kept = new Uint8Array(most + 1);
  for (const label of keep) kept[label] = 1;
  for (let y = my0; y < my1; y++) {
    for (let x = mx0; x < mx1; x++) {
      const label = labels[y * width + x]!;
      if (label <= most && kept[label]) rows[(y - my0) * mw + (x - mx0)] = 1;
    }
  }
  const w = x1 - x0;
  const span = my1 - my0;
  // Each pass slides a window along its line counting the kept pixels in it: cold code (a page's
  // first reading) paid for looking at every pixel of every window.
  const across = new Uint8Array(w * span);
  for (let y = 0; y < span; y++) {
    slideMax(rows, y * mw, 1, x0 - mx0, x1 - mx0, mw, across, y * w, 1);
  }
  const near = new Uint8Array(w * (y1 - y0));
  for (let x = 0; x < w; x++) slideMax(across, x, w, y0 - my0, y1 - my0, span, near, x, w);
  return near;
}

/**
 * Cuts the strokes in `keep` (optionally only columns `[fromX, toX)`) out of the ink, with their
 * soft edges; null when nothing is left.
 */
export function cutOutInk(
  analysis: InkAnalysis,
  keep: ReadonlySet<number>,
  fromX = 0,
  toX = analysis.width,
): InkCutOut | null {
  const { width, height, labels } = analysis;
  // Work on the strokes' own region only: a line of six digits is six small crops, not six
  // copies of the page.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of analysis.components) {
    if (!keep.has(c.id)) continue;
    minX = Math.min(minX, c.box.x);
    minY = Math.min(minY, c.box.y);
    maxX = Math.max(maxX, c.box.x + c.box.width);
    maxY = Math.max(maxY, c.box.y + c.box.height);
  }
  const x0 = Math.max(fromX, minX - EDGE_REACH);
  const x1 = Math.min(toX, maxX + EDGE_REACH);
  const y0 = Math.max(0, minY - EDGE_REACH);
  const y1 = Math.min(height, maxY + EDGE_REACH);
  if (!(x1 > x0 && y1 > y0)) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  const ink = new Float32Array(w * h);
  const near = keptNearby(analysis, keep, { x0, x1, y0, y1 }, fromX, toX);
  let area = 0;
  let boundary = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = y * width + x;
      const local = (y - y0) * w + (x - x0);
      const label = labels[p]!;
      if (label !== 0) {
        if (!keep.has(label)) continue;
        ink[local] = analysis.ink[p]!;
        area++;
        const edge =
          x === fromX ||
          y === 0 ||
          x === toX - 1 ||
          y === height - 1 ||
          labels[p - 1] !== label ||
          labels[p + 1] !== label ||
          labels[p - width] !== label ||
          labels[p + width] !== label;
        if (edge) boundary++;
        continue;
      }
      if (near[local]) ink[local] = analysis.ink[p]!;
    }
  }
  // The box includes the soft edges, measured as in training (INK_THRESHOLD), so the model
  // gets the same crop for an MNIST digit as it learned from.
  const box = inkBounds(ink, w, h, INK_THRESHOLD);
  if (!box || area === 0) return null;
  return { ink, x: x0, y: y0, width: w, height: h, box, area, boundary };
}

/** Normalises cut-out strokes the MNIST way, thickening thin pen strokes first. */
export function normalizeCutOut(cut: InkCutOut): NormalizedDigit {
  const { ink, width: w, height: h, box, area, boundary } = cut;
  const longest = Math.max(box.width, box.height);
  const strokeWidth = boundary > 0 ? (2 * area) / boundary : 1;
  const relativeStroke = strokeWidth / longest;

  let pixels: Float32Array;
  if (longest > STROKE_CANVAS || relativeStroke < THIN_STROKE) {
    // Draw the digit at 80×80 first: cheap to work on, and thin pen strokes can be thickened
    // to MNIST's weight there instead of fading to grey at 20×20.
    const window = {
      x: box.x + box.width / 2 - longest / 2,
      y: box.y + box.height / 2 - longest / 2,
      width: longest,
      height: longest,
    };
    let canvas = resample(ink, w, h, window, STROKE_CANVAS, STROKE_CANVAS);
    stretchToPeak(canvas);
    if (relativeStroke < THIN_STROKE) {
      const radius = Math.max(1, Math.round(((TARGET_STROKE - relativeStroke) * STROKE_CANVAS) / 2));
      canvas = dilate(canvas, STROKE_CANVAS, radius);
    }
    const k = STROKE_CANVAS / longest;
    const inner: Box = {
      x: (box.x - window.x) * k,
      y: (box.y - window.y) * k,
      width: box.width * k,
      height: box.height * k,
    };
    pixels = mnistNormalize(canvas, STROKE_CANVAS, STROKE_CANVAS, inner);
  } else {
    pixels = mnistNormalize(ink, w, h, box);
  }
  stretchToPeak(pixels);
  return {
    pixels,
    box: { x: box.x + cut.x, y: box.y + cut.y, width: box.width, height: box.height },
    inkCoverage: area / Math.max(1, box.width * box.height),
  };
}

/**
 * Cuts the strokes in `keep` (optionally only columns `[fromX, toX)`) out of the ink, with their
 * soft edges, and normalises them the MNIST way, thickening thin pen strokes first.
 */
export function normalizeDigit(
  analysis: InkAnalysis,
  keep: ReadonlySet<number>,
  fromX = 0,
  toX = analysis.width,
): NormalizedDigit | null {
  const cut = cutOutInk(analysis, keep, fromX, toX);
  return cut ? normalizeCutOut(cut) : null;
}
