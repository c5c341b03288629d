/**
 * A coarse copy of the working image, about 128 px a side, on which the writing surface is
 * looked for: block means then a 3×3 median, so handwriting and fine texture (wood grain, a mat's
 * grid, a weave) fade into their surroundings while a sheet's edge stays.
 */
import type { Luminance } from './luminance.js';
import { median3 } from './median3.js';

/** Longest side of the coarse copy. */
const GRID_SIDE = 128;

/** The coarse copy. */
export interface Grid {
  values: Float32Array;
  width: number;
  height: number;
  /** Working pixels per grid pixel. */
  factor: number;
}

/** Block means of `image`, then a 3×3 median. */
export function coarseCopy(image: Luminance): Grid {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / GRID_SIDE));
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const values = median3(blockMeans(image.values, image.width, factor, width, height), width, height);
  return { values, width, height, factor };
}

/** The coarse colour made for a grid, kept so that its several users make it once. */
const chromaOfGrid = new WeakMap<Grid, { redGreen: Float32Array; yellowBlue: Float32Array }>();

/** The image's colour on `grid`, made the same way; null when it has none. */
export function coarseChroma(
  image: Luminance,
  grid: Grid,
): { redGreen: Float32Array; yellowBlue: Float32Array } | null {
  const { chroma } = image;
  if (!chroma || chroma.width !== image.width || chroma.height !== image.height) return null;
  const made = chromaOfGrid.get(grid);
  if (made) return made;
  const { factor, width, height } = grid;
  const coarse = (values: Float32Array): Float32Array =>
    median3(blockMeans(values, image.width, factor, width, height), width, height);
  const colour = { redGreen: coarse(chroma.redGreen), yellowBlue: coarse(chroma.yellowBlue) };
  chromaOfGrid.set(grid, colour);
  return colour;
}

function blockMeans(
  values: Float32Array,
  rowLength: number,
  factor: number,
  width: number,
  height: number,
): Float32Array {
  const sums = new Float32Array(width * height);
  for (let gy = 0; gy < height; gy++) {
    const out = gy * width;
    for (let y = gy * factor; y < (gy + 1) * factor; y++) {
      let p = y * rowLength;
      for (let gx = 0; gx < width; gx++) {
        let sum = 0;
        for (let k = 0; k < factor; k++) sum += values[p++]!;
        sums[out + gx]! += sum;
      }
    }
  }
  const area = factor * factor;
  for (let i = 0; i < sums.length; i++) sums[i]! /= area;
  return sums;
}

/** Otsu's threshold over 256 levels. */
export function otsu(values: Float32Array): number {
  const counts = new Float64Array(256);
  for (const v of values) counts[Math.min(255, Math.max(0, Math.floor(v * 256)))]!++;
  const total = values.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * counts[i]!;
  let below = 0;
  let belowSum = 0;
  let best = 0;
  let threshold = 0.5;
  for (let i = 0; i < 255; i++) {
    below += counts[i]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    belowSum += i * counts[i]!;
    const between = below * above * (belowSum / below - (sum - belowSum) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = (i + 1) / 256;
    }
  }
  return threshold;
}

/**
 * `image` at (`x`, `y`) (pixel centres at .5), bilinearly; with `weight`, of the image with every
 * value times `weight` (rounded to 32 bits, as an array of them would hold it).
 */
export function bilinear(
  image: Pick<Luminance, 'values' | 'width' | 'height'>,
  x: number,
  y: number,
  weight = 1,
): number {
  const { width, height, values } = image;
  const cx = Math.min(width - 1.001, Math.max(0, x - 0.5));
  const cy = Math.min(height - 1.001, Math.max(0, y - 0.5));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * width + x0;
  let a = values[i]!;
  let b = values[i + 1]!;
  let c = values[i + width]!;
  let d = values[i + width + 1]!;
  if (weight !== 1) {
    a = Math.fround(a * weight);
    b = Math.fround(b * weight);
    c = Math.fround(c * weight);
    d = Math.fround(d * weight);
  }
  return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
}
