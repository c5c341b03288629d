/**
 * Luminance → ink map (0 background … 1 ink): detects which way the ink goes, removes paper
 * tint and uneven lighting with a coarse background estimate, and stretches the contrast so
 * strokes reach 1 whatever the pen, paper or exposure.
 */
import type { Polarity } from '../classify/types.js';
import type { Luminance } from './luminance.js';

/** An ink map, 0 = background, 1 = ink, in the working image's pixels. */
export interface InkMap {
  ink: Float32Array;
  width: number;
  height: number;
  polarity: Polarity;
  /** Ink level above the noise floor, in luminance units; near 0 means a blank image. */
  contrast: number;
}

function percentile(sorted: Float32Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))]!;
}

function sortedCopy(values: Float32Array): Float32Array {
  return values.slice().sort();
}

/** Dark ink on light paper, or light ink (chalk, MNIST) on dark? Ink is the minority tone. */
export function detectPolarity(sorted: Float32Array): Polarity {
  const median = percentile(sorted, 0.5);
  const darkTail = median - percentile(sorted, 0.01);
  const lightTail = percentile(sorted, 0.99) - median;
  return darkTail >= lightTail ? 'dark-on-light' : 'light-on-dark';
}

/**
 * The background level at every pixel: per-block percentiles on a coarse grid, spread with a
 * 3×3 max (or min) so strokes thinner than a block never count as background, then bilinear.
 */
function estimateBackground(image: Luminance, darkInk: boolean, uniform: number): Float32Array {
  const { width, height, values } = image;
  const background = new Float32Array(width * height);
  if (Math.max(width, height) < 64) return background.fill(uniform);
  const block = Math.max(8, Math.ceil(Math.max(width, height) / 24));
  const gw = Math.ceil(width / block);
  const gh = Math.ceil(height / block);
  const grid = new Float32Array(gw * gh);
  const scratch = new Float32Array(block * block);
  for (let by = 0; by < gh; by++) {
    for (let bx = 0; bx < gw; bx++) {
      let n = 0;
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        for (let x = bx * block; x < Math.min(width, (bx + 1) * block); x++) scratch[n++] = values[y * width + x]!;
      }
      const cell = scratch.subarray(0, n).sort();
      grid[by * gw + bx] = percentile(cell, darkInk ? 0.75 : 0.25);
    }
  }
  const spread = new Float32Array(gw * gh);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      let v = darkInk ? -Infinity : Infinity;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= gh || xx >= gw) continue;
          const g = grid[yy * gw + xx]!;
          v = darkInk ? Math.max(v, g) : Math.min(v, g);
        }
      }
      spread[y * gw + x] = v;
    }
  }
  for (let y = 0; y < height; y++) {
    const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const fx = gx - x0;
      background[y * width + x] =
        (1 - fy) * ((1 - fx) * spread[y0 * gw + x0]! + fx * spread[y0 * gw + x1]!) +
        fy * ((1 - fx) * spread[y1 * gw + x0]! + fx * spread[y1 * gw + x1]!);
    }
  }
  return background;
}

/** Builds the ink map of a luminance image. */
export function extractInk(image: Luminance): InkMap {
  const { width, height, values } = image;
  const sorted = sortedCopy(values);
  const polarity = detectPolarity(sorted);
  const darkInk = polarity === 'dark-on-light';
  const background = estimateBackground(image, darkInk, percentile(sorted, 0.5));
  const raw = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const bg = background[i]!;
    // Relative to the local paper level, so a shadowed corner has the same ink as a lit one.
    raw[i] = darkInk
      ? Math.max(0, (bg - values[i]!) / Math.max(bg, 0.1))
      : Math.max(0, (values[i]! - bg) / Math.max(1 - bg, 0.1));
  }
  // Noise floor from the background's spread (median absolute deviation), robust to the ink.
  const rawSorted = sortedCopy(raw);
  const median = percentile(rawSorted, 0.5);
  const deviations = raw.map((v) => Math.abs(v - median)).sort();
  const sigma = 1.4826 * percentile(deviations, 0.5);
  const floor = median + 4 * sigma;
  const above: number[] = [];
  for (let i = 0; i < raw.length; i++) if (raw[i]! > floor + 1e-6) above.push(raw[i]!);
  above.sort((a, b) => a - b);
  const peak = above.length > 0 ? above[Math.floor(0.99 * (above.length - 1))]! : floor;
  const contrast = peak - floor;
  const ink = new Float32Array(raw.length);
  if (contrast > 0) {
    for (let i = 0; i < raw.length; i++) ink[i] = Math.min(1, Math.max(0, (raw[i]! - floor) / contrast));
  }
  return { ink, width, height, polarity, contrast };
}
