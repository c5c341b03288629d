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
 * the two (`below`); and the same above (`above`). Pixels less than `least` from `local` are left
 * at 0, unmeasured.
 */
export function valleysAndRidges(
  image: Luminance,
  local: Float32Array,
  least = 0,
): { below: Float32Array; above: Float32Array } {
  const { width, height, values } = image;
  const side = Math.max(width, height);
  const reaches = Int32Array.from(REACHES, (k) => Math.max(2, Math.round(side * k)));
  const columns = Math.ceil(width / 2);
  const below = new Float32Array(columns * Math.ceil(height / 2));
  const above = new Float32Array(below.length);
  for (let y = 0; y < height; y += 2) {
    const row = (y >> 1) * columns;
    for (let x = 0; x < width; x += 2) {
      const at = y * width + x;
      const v = values[at]!;
      const dark = local[at]! - v;
      if (dark < least && -dark < least) continue;
      let valley = 0;
      let ridge = 0;
      for (let k = 0; k < reaches.length; k++) {
        const d = reaches[k]!;
        if (x >= d && x + d < width) {
          const a = values[at - d]!;
          const b = values[at + d]!;
          const t = (a < b ? a : b) - v;
          const u = v - (a < b ? b : a);
          if (t > valley) valley = t;
          if (u > ridge) ridge = u;
        }
        if (y >= d && y + d < height) {
          const a = values[at - d * width]!;
          const b = values[at + d * width]!;
          const t = (a < b ? a : b) - v;
          const u = v - (a < b ? b : a);
          if (t > valley) valley = t;
          if (u > ridge) ridge = u;
        }
      }
      below[row + (x >> 1)] = dark <= 0 ? 0 : valley < dark ? valley : dark;
      above[row + (x >> 1)] = dark >= 0 ? 0 : ridge < -dark ? ridge : -dark;
    }
  }
  return { below, above };
}
