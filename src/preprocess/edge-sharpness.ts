/**
 * How sharp a candidate sheet's edge is, and where the edges between regions are, measured in
 * brightness and, when the image has one, in colour: a cream note lying on a white sheet is
 * hardly brighter than it, but plainly yellower.
 */
import { bilinear, coarseChroma, type Grid } from './coarse-image.js';
import type { Luminance } from './luminance.js';
import { gradientMagnitude } from './regions.js';

/** One channel of the working image and of its coarse copy. */
export interface Channel {
  image: Pick<Luminance, 'values' | 'width' | 'height'>;
  coarse: Float32Array;
}

/** Places along a candidate's edge where its sharpness is measured. */
const EDGE_SAMPLES = 64;
/** The least step across an edge (in the channel's units) for its sharpness to be judged. */
export const MIN_EDGE_STEP = 0.025;

/** The brightness channel, then the two colour channels when the image has a colour. */
export function channels(image: Luminance, grid: Grid): Channel[] {
  const out: Channel[] = [{ image, coarse: grid.values }];
  const colour = coarseChroma(image, grid);
  const chroma = image.chroma;
  if (!colour || !chroma) return out;
  const plane = (values: Float32Array): Channel['image'] => ({ values, width: chroma.width, height: chroma.height });
  out.push({ image: plane(chroma.redGreen), coarse: colour.redGreen });
  out.push({ image: plane(chroma.yellowBlue), coarse: colour.yellowBlue });
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
  let edges = 0;
  let sharp = 0;
  for (let e = 0; e < edge.length; e += step) {
    const p = edge[e]!;
    const x = p % width;
    const y = (p - x) / width;
    // The normal from the coarse copy's gradient (Sobel), in the channel that changes most.
    let best: { channel: Channel; gx: number; gy: number; norm: number } | null = null;
    for (const channel of channels) {
      const values = channel.coarse;
      const at = (dx: number, dy: number): number => values[p + dy * width + dx]!;
      const gx = at(1, -1) + 2 * at(1, 0) + at(1, 1) - at(-1, -1) - 2 * at(-1, 0) - at(-1, 1);
      const gy = at(-1, 1) + 2 * at(0, 1) + at(1, 1) - at(-1, -1) - 2 * at(0, -1) - at(1, -1);
      const norm = Math.hypot(gx, gy);
      if (!best || norm > best.norm) best = { channel, gx, gy, norm };
    }
    if (!best || best.norm < 1e-6) continue;
    const { image } = best.channel;
    const nx = best.gx / best.norm;
    const ny = best.gy / best.norm;
    const cx = (x + 0.5) * factor;
    const cy = (y + 0.5) * factor;
    // The channel along the normal, each sample the mean of three across it.
    for (let t = -reach; t <= reach; t++) {
      const px = cx + nx * t;
      const py = cy + ny * t;
      profile[t + reach] =
        (bilinear(image, px - ny, py + nx) + bilinear(image, px, py) + bilinear(image, px + ny, py - nx)) / 3;
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
