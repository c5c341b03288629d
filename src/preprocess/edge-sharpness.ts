/**
 * How sharp a candidate sheet's edge is, and where the edges between regions are, measured in
 * brightness and, when the image has one, in colour: a cream note lying on a white sheet is
 * hardly brighter than it, but plainly yellower.
 */
import { bilinear, coarseChroma, type Grid } from './coarse-image.js';
import { hypot2 } from './hypot.js';
import type { Luminance } from './luminance.js';
import { gradientMagnitude, sobel } from './regions.js';

/** One channel of the working image and of its coarse copy. */
export interface Channel {
  /** The working image's channel, each value to be taken `weight` times (1 if not given). */
  image: Pick<Luminance, 'values' | 'width' | 'height'> & { weight?: number };
  coarse: Float32Array;
}

/** Places along a candidate's edge where its sharpness is measured. */
const EDGE_SAMPLES = 64;
/** The least step across an edge (in the channel's units) for its sharpness to be judged. */
export const MIN_EDGE_STEP = 0.025;

/**
 * Colour counts for half as much as brightness: JPEG stores colour coarsely, in blocks whose
 * steps are sharp but small, where a cream note on a white sheet is a large step.
 */
const CHROMA_WEIGHT = 0.75;

/** The brightness channel, then the two colour channels when the image has a colour. */
export function channels(image: Luminance, grid: Grid): Channel[] {
  const out: Channel[] = [{ image, coarse: grid.values }];
  const colour = coarseChroma(image, grid);
  const chroma = image.chroma;
  if (!colour || !chroma) return out;
  const scaled = (values: Float32Array): Float32Array => {
    const out = new Float32Array(values.length);
    for (let i = 0; i < out.length; i++) out[i] = values[i]! * CHROMA_WEIGHT;
    return out;
  };
  // The working image's channels are weighted where they are sampled: a few hundred values.
  const plane = (values: Float32Array): Channel['image'] => ({
    values,
    width: chroma.width,
    height: chroma.height,
    weight: CHROMA_WEIGHT,
  });
  out.push({ image: plane(chroma.redGreen), coarse: scaled(colour.redGreen) });
  out.push({ image: plane(chroma.yellowBlue), coarse: scaled(colour.yellowBlue) });
  return out;
}

/** The coarse copy's steepest gradient in any of `channels` (see gradientMagnitude). */
export function channelGradients(channels: Channel[], grid: Grid): Float32Array {
  const { width, height } = grid;
  const [first, ...rest] = channels.map((c) => gradientMagnitude(c.coarse, width, height));
  for (const gradients of rest) for (let i = 0; i < first!.length; i++) first![i] = Math.max(first![i]!, gradients[i]!);
  return first!;
}

/**
 * Share of the region's edge (away from the frame's border) where a channel changes within
 * about two working pixels: true of a sheet's cut edge, never of a shadow, gradient or vignette,
 * whose change spreads over many pixels. At each place the channel that changes most across the
 * edge on the coarse copy is judged.
 */
export function sharpEdgeShare(channels: Channel[], grid: Grid, filled: Uint8Array): number {
  const { width, height, factor } = grid;
  const reach = 2 * factor + 3;
  const edge: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      if (filled[p] && !(filled[p - 1] && filled[p + 1] && filled[p - width] && filled[p + width])) edge.push(p);
    }
  }
  // Some 64 places along the edge tell as much as all of them.
  const step = Math.max(1, Math.floor(edge.length / EDGE_SAMPLES));
  const profile = new Float32Array(2 * reach + 1);
  const gradient = new Float64Array(2);
  let edges = 0;
  let sharp = 0;
  for (let e = 0; e < edge.length; e += step) {
    const p = edge[e]!;
    const x = p % width;
    const y = (p - x) / width;
    // The normal from the coarse copy's gradient (Sobel), in the channel that changes most.
    let image = channels[0]!.image;
    let [gx, gy, norm] = [0, 0, 0];
    for (const channel of channels) {
      sobel(channel.coarse, p, width, gradient);
      const size = hypot2(gradient[0]!, gradient[1]!);
      if (size > norm) [image, gx, gy, norm] = [channel.image, gradient[0]!, gradient[1]!, size];
    }
    if (norm < 1e-6) continue;
    const nx = gx / norm;
    const ny = gy / norm;
    const weight = image.weight ?? 1;
    const cx = (x + 0.5) * factor;
    const cy = (y + 0.5) * factor;
    // The channel along the normal, each sample the mean of three across it.
    for (let t = -reach; t <= reach; t++) {
      const px = cx + nx * t;
      const py = cy + ny * t;
      profile[t + reach] =
        (bilinear(image, px - ny, py + nx, weight) +
          bilinear(image, px, py, weight) +
          bilinear(image, px + ny, py - nx, weight)) /
        3;
    }
    const across = Math.abs(profile[2 * reach]! - profile[0]!);
    edges++;
    if (across < MIN_EDGE_STEP) continue;
    let steepest = 0;
    for (let t = 1; t < 2 * reach; t++) steepest = Math.max(steepest, Math.abs(profile[t + 1]! - profile[t - 1]!));
    if (steepest > 0.5 * across) sharp++;
  }
  return edges === 0 ? 0 : sharp / edges;
}

/** How far (coarse pixels) either side of an edge its whole step is measured. */
const STEP_REACH = 3;
/**
 * The least gradient, as a share of the whole step across the edge, for the edge to count as
 * sharp: a cut edge's step is over in a pixel or two, a shadow's penumbra spreads over many.
 */
const MIN_SHARP_SLOPE = 0.3;

/**
 * `gradients` (see channelGradients) with soft edges set to 0: the penumbra of a shadow falling
 * across a note and the desk is an edge, but not of the note, and would cut it in two.
 */
export function withoutSoftEdges(
  gradients: Float32Array,
  channels: Channel[],
  grid: Grid,
  least: number,
): Float32Array {
  const { width, height } = grid;
  const out = gradients.slice();
  const gradient = new Float64Array(2);
  const at = (values: Float32Array, x: number, y: number): number =>
    values[Math.min(height - 1, Math.max(0, Math.round(y))) * width + Math.min(width - 1, Math.max(0, Math.round(x)))]!;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      if (gradients[p]! <= least) continue;
      let values = channels[0]!.coarse;
      let [gx, gy, norm] = [0, 0, 0];
      for (const { coarse } of channels) {
        sobel(coarse, p, width, gradient);
        const size = hypot2(gradient[0]!, gradient[1]!);
        if (size > norm) [values, gx, gy, norm] = [coarse, gradient[0]!, gradient[1]!, size];
      }
      if (norm < 1e-6) continue;
      const [nx, ny] = [(STEP_REACH * gx) / norm, (STEP_REACH * gy) / norm];
      const step = Math.abs(at(values, x + nx, y + ny) - at(values, x - nx, y - ny));
      if (norm / 8 < MIN_SHARP_SLOPE * step) out[p] = 0;
    }
  }
  return out;
}

const edgeMapsOf = new WeakMap<Channel[], { all: Float32Array; sharp?: Float32Array }>();

/**
 * Where the edges of `channels` are: all of them (see channelGradients) and, made when first
 * asked for, the sharp ones only (see withoutSoftEdges, for edges steeper than `least`); made
 * once for a set of channels however often they are asked for.
 */
export function edgeMaps(channels: Channel[], grid: Grid, least: number): { all: Float32Array; sharp(): Float32Array } {
  let made = edgeMapsOf.get(channels);
  if (!made) edgeMapsOf.set(channels, (made = { all: channelGradients(channels, grid) }));
  const cache = made;
  return { all: cache.all, sharp: () => (cache.sharp ??= withoutSoftEdges(cache.all, channels, grid, least)) };
}
