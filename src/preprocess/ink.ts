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

const BINS = 1024;

/**
 * Quantiles of values in [0, 1] from a histogram: linear time, where sorting a photo's
 * 300k pixels several times took longer than everything else together.
 */
class Quantiles {
  private readonly counts = new Uint32Array(BINS);
  private total = 0;

  add(value: number): void {
    this.counts[Math.min(BINS - 1, Math.max(0, Math.floor(value * BINS)))]!++;
    this.total++;
  }

  static of(values: ArrayLike<number>, from = 0, to = values.length): Quantiles {
    const q = new Quantiles();
    for (let i = from; i < to; i++) q.add(values[i]!);
    return q;
  }

  get size(): number {
    return this.total;
  }

  /**
   * The value below which a share `p` of the values lie: the lower edge of its bin, or the
   * upper edge with `upper`. Edges keep exact 0 and 1 exact, so a clean MNIST digit (0 background,
   * 1 ink) passes through unchanged.
   */
  at(p: number, upper = false): number {
    if (this.total === 0) return 0;
    const rank = p * (this.total - 1);
    let seen = 0;
    for (let b = 0; b < BINS; b++) {
      seen += this.counts[b]!;
      if (seen > rank) return (b + (upper ? 1 : 0)) / BINS;
    }
    return 1;
  }
}

/** Dark ink on light paper, or light ink (chalk, MNIST) on dark? Ink is the minority tone. */
export function detectPolarity(values: ArrayLike<number>): Polarity {
  const q = Quantiles.of(values);
  const median = q.at(0.5);
  const darkTail = median - q.at(0.01);
  const lightTail = q.at(0.99) - median;
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
  // Blocks of a twelfth of the image: lighting changes slowly, and a thick blot or a bold
  // marker stroke spanning several blocks must not be mistaken for paper.
  const block = Math.max(8, Math.ceil(Math.max(width, height) / 12));
  const gw = Math.ceil(width / block);
  const gh = Math.ceil(height / block);
  const grid = new Float32Array(gw * gh);
  for (let by = 0; by < gh; by++) {
    for (let bx = 0; bx < gw; bx++) {
      const cell = new Quantiles();
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        for (let x = bx * block; x < Math.min(width, (bx + 1) * block); x++) cell.add(values[y * width + x]!);
      }
      grid[by * gw + bx] = cell.at(darkInk ? 0.75 : 0.25);
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
  const polarity = detectPolarity(values);
  const darkInk = polarity === 'dark-on-light';
  const background = estimateBackground(image, darkInk, Quantiles.of(values).at(0.5));
  const raw = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const bg = background[i]!;
    // Relative to the local paper level, so a shadowed corner has the same ink as a lit one.
    raw[i] = darkInk
      ? Math.max(0, (bg - values[i]!) / Math.max(bg, 0.1))
      : Math.max(0, (values[i]! - bg) / Math.max(1 - bg, 0.1));
  }
  // Noise floor from the background's spread (median absolute deviation), robust to the ink.
  const median = Quantiles.of(raw).at(0.5);
  const deviations = new Quantiles();
  for (let i = 0; i < raw.length; i++) deviations.add(Math.abs(raw[i]! - median));
  const sigma = 1.4826 * deviations.at(0.5);
  const floor = median + 4 * sigma;
  const above = new Quantiles();
  for (let i = 0; i < raw.length; i++) if (raw[i]! > floor + 1e-3) above.add(raw[i]!);
  const peak = above.size > 0 ? Math.max(floor, above.at(0.99, true)) : floor;
  const contrast = peak - floor;
  const ink = new Float32Array(raw.length);
  if (contrast > 0) {
    for (let i = 0; i < raw.length; i++) ink[i] = Math.min(1, Math.max(0, (raw[i]! - floor) / contrast));
  }
  return { ink, width, height, polarity, contrast };
}
