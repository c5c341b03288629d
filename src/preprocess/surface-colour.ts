/**
 * Colour-distance segmentation for the writing surface (see surface.ts): where a note is about
 * as bright as the desk (a pink note on light oak, cream paper on a grey table) it still differs
 * in colour. Every coarse pixel's distance from the desk's colour, the median of the frame's
 * border, is measured in units of the desk's own spread in each channel (wood grain varies in
 * brightness far more than in colour), split by Otsu, and the large regions far from the desk
 * are the sheets that may be there.
 */
import { coarseChroma, otsu, type Grid } from './coarse-image.js';
import { hypot3 } from './hypot.js';
import type { Luminance } from './luminance.js';
import { largestRegions, openRegion } from './regions.js';

/** Weight of the colour against the brightness in the channel a sheet is judged on. */
const CHROMA_WEIGHT = 2;
/** Radius of the opening that cuts a sheet free of the desk's grain where both stand out. */
const COLOUR_OPENING = 2;
/** Radius of the opening that cuts what hangs on a sheet by a neck. */
const NECK = 4;
/** Distance from the desk (in its spreads) beyond which all are alike: a pen is no more a sheet. */
const FAR_SPREADS = 16;
/** Where between the desk and a sheet's typical distance from it the split is made again. */
const REFINED_COLOUR = 0.5;
/** Share of a region's difference from the desk that must be colour, not brightness. */
const MIN_COLOUR_SHARE = 0.5;
/** The least spread of a desk's channel: below it, camera noise and JPEG make the difference. */
const MIN_SPREAD = 0.006;

/** A region unlike the desk in colour. */
export interface ColourRegion {
  region: Uint8Array;
  /** The region with what hangs on it by a neck (a stain, another card) cut away. */
  cut: () => Uint8Array | null;
  /**
   * The image and its coarse copy as one channel: the projection of each pixel's colour onto the
   * line from the desk's colour to the region's, where the region's edge is sharpest.
   */
  projected: { image: Luminance; grid: Grid };
}

/** Per channel, the median of the frame's outermost ring and its median absolute deviation. */
function deskColour(channels: Float32Array[], width: number, height: number): Array<{ level: number; spread: number }> {
  const ring: number[] = [];
  for (let x = 0; x < width; x++) ring.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) ring.push(y * width, y * width + width - 1);
  const median = (v: number[]): number => v.sort((a, b) => a - b)[v.length >> 1]!;
  return channels.map((values) => {
    const level = median(ring.map((p) => values[p]!));
    const spread = Math.max(MIN_SPREAD, median(ring.map((p) => Math.abs(values[p]! - level))));
    return { level, spread };
  });
}

/**
 * The `count` largest regions (of at least `minArea` coarse pixels) unlike the desk in colour,
 * when `image` has a colour; a second, higher split first when Otsu's lets the desk's strongest
 * grain join them.
 */
export function* colourRegions(grid: Grid, image: Luminance, minArea: number, count: number): Generator<ColourRegion> {
  const { width, height } = grid;
  const chroma = image.chroma;
  const colour = coarseChroma(image, grid);
  if (!colour || !chroma) return;
  const { redGreen, yellowBlue } = colour;
  const channels = [grid.values, redGreen, yellowBlue];
  const stats = deskColour(channels, width, height);
  const desk = stats.map((s) => s.level);
  const [sl, sa, sb] = stats.map((s) => 1 / s.spread) as [number, number, number];
  const size = width * height;
  const distance = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const d = hypot3(
      (grid.values[i]! - desk[0]!) * sl,
      (redGreen[i]! - desk[1]!) * sa,
      (yellowBlue[i]! - desk[2]!) * sb,
    );
    distance[i] = Math.min(1, d / FAR_SPREADS);
  }
  const regionsAbove = (threshold: number): Uint8Array[] => {
    const far = new Uint8Array(size);
    for (let i = 0; i < size; i++) far[i] = distance[i]! > threshold ? 1 : 0;
    return largestRegions(openRegion(far, width, height, COLOUR_OPENING), width, count, minArea);
  };
  const threshold = otsu(distance);
  const first = regionsAbove(threshold);
  const [largest] = first;
  let regions = first;
  if (largest) {
    const inside: number[] = [];
    for (let i = 0; i < size; i++) if (largest[i]) inside.push(distance[i]!);
    inside.sort((a, b) => a - b);
    const refined = REFINED_COLOUR * inside[inside.length >> 1]!;
    if (refined > threshold) regions = [...regionsAbove(refined), ...first];
  }
  const k = Math.sqrt(CHROMA_WEIGHT);
  for (const region of regions) {
    const mean = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < size; i++) {
      if (!region[i]) continue;
      n++;
      for (let c = 0; c < 3; c++) mean[c]! += channels[c]![i]!;
    }
    const axis = mean.map((m, c) => (m / n - desk[c]!) * (c === 0 ? 1 : k));
    const length = Math.hypot(...axis) || 1;
    const [u0, u1, u2] = axis.map((a) => a / length) as [number, number, number];
    // A region that differs from the desk mostly in brightness was judged by its tone already
    // (a grey image's strokes are far from its paper too).
    if (Math.hypot(u1, u2) < MIN_COLOUR_SHARE) continue;
    const project = (l: Float32Array, rg: Float32Array, yb: Float32Array): Float32Array => {
      const out = new Float32Array(l.length);
      for (let i = 0; i < l.length; i++) {
        out[i] = (l[i]! - desk[0]!) * u0 + k * ((rg[i]! - desk[1]!) * u1 + (yb[i]! - desk[2]!) * u2);
      }
      return out;
    };
    let projectedImage: Luminance | null = null;
    yield {
      region,
      cut: () => largestRegions(openRegion(region, width, height, NECK), width, 1, minArea)[0] ?? null,
      projected: {
        grid: { ...grid, values: project(grid.values, redGreen, yellowBlue) },
        // Made once asked for: only a region that looks like a sheet has its edge measured.
        get image(): Luminance {
          projectedImage ??= { ...image, values: project(image.values, chroma.redGreen, chroma.yellowBlue) };
          return projectedImage;
        },
      },
    };
  }
}
