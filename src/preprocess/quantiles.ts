/**
 * Quantiles of values in [0, 1] from a histogram, for the ink map's levels and tails (ink.ts).
 */

/** Bins of a whole image's histogram: a precision of 1/1024. */
const BINS = 1024;

/** How {@link Quantiles.addRange} maps each value before counting it. */
export interface Transform {
  /** Subtracted from each value… */
  shift: number;
  /** …and the difference taken as its size (a deviation), or kept signed. */
  absolute: boolean;
  /** Only values above this count. */
  above: number;
}

export const IDENTITY: Transform = { shift: 0, absolute: false, above: -Infinity };

/**
 * Quantiles of values in [0, 1] from a histogram: linear time, where sorting a photo's
 * 300k pixels several times took longer than everything else together.
 */
export class Quantiles {
  private readonly counts: Uint32Array;
  private total = 0;

  /** `bins` sets the precision (1/bins); lighting blocks need far less than whole images. */
  constructor(private readonly bins = BINS) {
    this.counts = new Uint32Array(bins);
  }

  /**
   * Empties the histogram for reuse: a browser takes tens of microseconds to allocate even a small
   * typed array, far longer than filling one block's histogram.
   */
  clear(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  /**
   * Adds `values[from..to)`, each as `v − shift` (or its absolute value with `absolute`),
   * leaving out those not above `above`: one tight loop where a call per value cost several
   * times more.
   */
  addRange(values: Float32Array, from: number, to: number, transform: Transform = IDENTITY): void {
    const { counts, bins } = this;
    const { shift, absolute, above } = transform;
    const last = bins - 1;
    let added = 0;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (!(v > above)) continue;
      const t = absolute ? Math.abs(v - shift) : v - shift;
      const bin = Math.floor(t * bins);
      counts[bin < 0 ? 0 : bin > last ? last : bin]!++;
      added++;
    }
    this.total += added;
  }

  /** Adds `0.5 + (a[i] − b[i]) / 2` for every `i`: how far each pixel lies from a local level. */
  addHalfDifferences(a: Float32Array, b: Float32Array): void {
    const { counts, bins } = this;
    const last = bins - 1;
    for (let i = 0; i < a.length; i++) {
      const bin = Math.floor((0.5 + (a[i]! - b[i]!) / 2) * bins);
      counts[bin < 0 ? 0 : bin > last ? last : bin]!++;
    }
    this.total += a.length;
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
    for (let b = 0; b < this.bins; b++) {
      seen += this.counts[b]!;
      if (seen > rank) return (b + (upper ? 1 : 0)) / this.bins;
    }
    return 1;
  }
}

/**
 * Histograms reused from call to call, each cleared when taken: a browser takes tens of
 * microseconds to allocate one (see Quantiles.clear), several per image, and as long again to
 * collect them. Slot `k` of each size is one histogram; no two in use at once may share a slot.
 */
const scratch = new Map<string, Quantiles>();

/** Scratch histogram `k` of `bins` bins, empty. */
export function scratchQuantiles(k: number, bins?: number): Quantiles {
  const key = `${k} ${bins ?? ''}`;
  let q = scratch.get(key);
  if (!q) scratch.set(key, (q = new Quantiles(bins)));
  else q.clear();
  return q;
}

/** The quantiles of all of `values`, in scratch histogram `k`. */
export function scratchQuantilesOf(k: number, values: Float32Array): Quantiles {
  const q = scratchQuantiles(k);
  q.addRange(values, 0, values.length);
  return q;
}
