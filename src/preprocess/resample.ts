/**
 * Separable image resampling with a triangle filter whose support widens when shrinking, as
 * Pillow's `BILINEAR` does: downscaling averages every source pixel instead of skipping most of
 * them, so thin strokes survive a 4000 px → 20 px reduction.
 */

/** One output sample: the first source index it reads and the weights from there on. */
interface Tap {
  start: number;
  weights: Float32Array;
}

function taps(sourceSize: number, targetSize: number, offset: number, scale: number): Tap[] {
  // `scale` is source pixels per target pixel; `offset` is where target pixel 0 starts in source.
  const support = Math.max(1, scale);
  const result: Tap[] = [];
  for (let i = 0; i < targetSize; i++) {
    const centre = offset + (i + 0.5) * scale;
    const start = Math.max(0, Math.floor(centre - support));
    const end = Math.min(sourceSize, Math.ceil(centre + support));
    const weights = new Float32Array(Math.max(0, end - start));
    let total = 0;
    for (let s = start; s < end; s++) {
      const w = Math.max(0, 1 - Math.abs((s + 0.5 - centre) / support));
      weights[s - start] = w;
      total += w;
    }
    if (total > 0) for (let k = 0; k < weights.length; k++) weights[k]! /= total;
    result.push({ start, weights });
  }
  return result;
}

/** A rectangle in source pixels; may extend past the image, which then reads as 0. */
export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Reads rows `y0..y1` and columns `x0..x1` (ends excluded) of a source image as one array,
 * `x1 − x0` values a row: a resampling reads only the part of the image it needs.
 */
export type WindowReader = (x0: number, y0: number, x1: number, y1: number) => Float32Array;

/**
 * Resamples `rect` of a single-channel `width`×`height` image to `targetWidth`×`targetHeight`.
 * Pixels outside the source read as 0 (background).
 */
export function resample(
  pixels: Float32Array,
  width: number,
  height: number,
  rect: SourceRect,
  targetWidth: number,
  targetHeight: number,
): Float32Array {
  return resampleWindow(() => pixels, width, height, rect, targetWidth, targetHeight, true);
}

/**
 * {@link resample} of an image that is never whole in memory: `read` gives the window of source
 * pixels the taps cover (the result is the same as resampling the whole image). With `whole`,
 * `read` gives the whole image instead.
 */
export function resampleWindow(
  read: WindowReader,
  width: number,
  height: number,
  rect: SourceRect,
  targetWidth: number,
  targetHeight: number,
  whole = false,
): Float32Array {
  const xTaps = taps(width, targetWidth, rect.x, rect.width / targetWidth);
  const yTaps = taps(height, targetHeight, rect.y, rect.height / targetHeight);
  // Horizontal pass over only the source rows that the vertical pass will read.
  const rowStart = yTaps.reduce((m, t) => Math.min(m, t.start), height);
  const rowEnd = yTaps.reduce((m, t) => Math.max(m, t.start + t.weights.length), 0);
  const rows = Math.max(0, rowEnd - rowStart);
  const columnStart = whole ? 0 : xTaps.reduce((m, t) => Math.min(m, t.start), width);
  const columnEnd = whole ? width : xTaps.reduce((m, t) => Math.max(m, t.start + t.weights.length), 0);
  const stride = Math.max(0, columnEnd - columnStart);
  const firstRow = whole ? 0 : rowStart;
  const pixels = whole ? read(0, 0, width, height) : read(columnStart, rowStart, columnEnd, rowEnd);
  const horizontal = new Float32Array(rows * targetWidth);
  for (let r = 0; r < rows; r++) {
    const rowOffset = (rowStart - firstRow + r) * stride - columnStart;
    for (let x = 0; x < targetWidth; x++) {
      const { start, weights } = xTaps[x]!;
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k]! * pixels[rowOffset + start + k]!;
      horizontal[r * targetWidth + x] = sum;
    }
  }
  const out = new Float32Array(targetWidth * targetHeight);
  for (let y = 0; y < targetHeight; y++) {
    const { start, weights } = yTaps[y]!;
    for (let x = 0; x < targetWidth; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) {
        sum += weights[k]! * horizontal[(start - rowStart + k) * targetWidth + x]!;
      }
      out[y * targetWidth + x] = sum;
    }
  }
  return out;
}
