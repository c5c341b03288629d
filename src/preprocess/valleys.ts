/**
 * Which pixels could be a stroke, dark or light, for the polarity test: a stroke lies below (dark
 * ink) or above (light ink) what is on both sides of it, along a row or a column, a little way
 * off. A shadow's or a sheet's edge is a step, one side above the pixel and the other below it,
 * so it counts as neither; the paper between two strokes lies above both, but not above the
 * page's local level.
 */
import type { Luminance } from './luminance.js';

/**
 * The neighbours are looked at this far off, as a share of the image's longest side: a thin pen
 * line and a marker's stroke (up to twice the farthest) both fit between them.
 */
const REACHES = [1 / 80, 1 / 32, 1 / 12];

/**
 * For every second pixel each way: how far it lies below both neighbours at one of the
 * distances, along a row or a column, and below `local` (the page's level there), the lesser of
 * the two (`below`); and the same above (`above`).
 */
export function valleysAndRidges(image: Luminance, local: Float32Array): { below: Float32Array; above: Float32Array } {
  const { width, height, values } = image;
  const side = Math.max(width, height);
  const reaches = REACHES.map((k) => Math.max(2, Math.round(side * k)));
  const columns = Math.ceil(width / 2);
  const below = new Float32Array(columns * Math.ceil(height / 2));
  const above = new Float32Array(below.length);
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const at = y * width + x;
      const v = values[at]!;
      let valley = 0;
      let ridge = 0;
      for (const d of reaches) {
        if (x >= d && x + d < width) {
          const a = values[at - d]!;
          const b = values[at + d]!;
          valley = Math.max(valley, Math.min(a, b) - v);
          ridge = Math.max(ridge, v - Math.max(a, b));
        }
        if (y >= d && y + d < height) {
          const a = values[at - d * width]!;
          const b = values[at + d * width]!;
          valley = Math.max(valley, Math.min(a, b) - v);
          ridge = Math.max(ridge, v - Math.max(a, b));
        }
      }
      const i = (y >> 1) * columns + (x >> 1);
      below[i] = Math.min(valley, Math.max(0, local[at]! - v));
      above[i] = Math.min(ridge, Math.max(0, v - local[at]!));
    }
  }
  return { below, above };
}
