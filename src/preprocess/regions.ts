/**
 * Regions of a coarse mask: the largest of one tone, the areas that edges enclose, holes filled,
 * and the convex hull of a region.
 */
import { convexHull, polygonArea, type Point } from './polygon.js';
import { hypot2 } from './hypot.js';
import { morph } from './morphology.js';
import { forEachRowSpan } from './row-spans.js';

/**
 * Arrays reused from call to call for what never leaves this module (labels, stacks, a mask
 * between two passes): a browser pays for every array it allocates, in zeroing it and in
 * garbage collections, and finding the surface makes dozens of these.
 */
const scratch = { labels: new Int32Array(0), stack: new Int32Array(0) };
const scratchMasks: Uint8Array[] = [];

/** Scratch `name`, at least `length` long, its values left as they were. */
function scratchInts(name: keyof typeof scratch, length: number): Int32Array {
  if (scratch[name].length < length) scratch[name] = new Int32Array(length);
  return scratch[name];
}

/**
 * Scratch mask `k`, `length` long, its values left as they were; made again when the length
 * changes (a view of a longer one would do, but V8 reads and writes views more slowly).
 */
function scratchMask(k: number, length: number): Uint8Array {
  if (scratchMasks[k]?.length !== length) scratchMasks[k] = new Uint8Array(length);
  return scratchMasks[k]!;
}

/** Scratch masks: for fillHoles()'s outside, and between an opening's or closing's two morphologies. */
const PASS = 0;
const BETWEEN = 1;
/** The mask of where edges are not, in edgeRegions(). */
const OPEN = 2;

/**
 * The `count` largest 4-connected regions of pixels where `mask` is set, largest first, each of
 * at least `minArea` pixels.
 */
export function largestRegions(mask: Uint8Array, width: number, count: number, minArea = 1): Uint8Array[] {
  const labels = scratchInts('labels', mask.length).fill(0, 0, mask.length);
  // A pixel is pushed at most twice: once from the run above it, once from the run below.
  const stack = scratchInts('stack', 2 * mask.length + 1);
  const areas: Array<{ id: number; area: number }> = [];
  /** Pushes the first pixel of every unlabelled run of the mask in `[from, to]`; the new top. */
  const seedRuns = (from: number, to: number, top: number): number => {
    let inRun = false;
    for (let p = from; p <= to; p++) {
      const open = mask[p] !== 0 && labels[p] === 0;
      if (open && !inRun) stack[top++] = p;
      inRun = open;
    }
    return top;
  };
  let id = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    id++;
    let area = 0;
    let top = 0;
    stack[top++] = start;
    // Scanline fill: each seed is widened to its whole run in the row, and the runs above and
    // below it seed the next ones.
    while (top > 0) {
      const seed = stack[--top]!;
      if (labels[seed]) continue;
      const row = seed - (seed % width);
      let left = seed;
      while (left > row && mask[left - 1] && !labels[left - 1]) left--;
      let right = seed;
      while (right < row + width - 1 && mask[right + 1] && !labels[right + 1]) right++;
      labels.fill(id, left, right + 1);
      area += right - left + 1;
      if (row > 0) top = seedRuns(left - width, right - width, top);
      if (row + width < mask.length) top = seedRuns(left + width, right + width, top);
    }
    if (area >= minArea) areas.push({ id, area });
  }
  const wanted = areas.sort((a, b) => b.area - a.area).slice(0, count);
  const regions = wanted.map(() => new Uint8Array(mask.length));
  // Which of the wanted regions each label is (−1: none): one pass over the labels fills them all.
  const slot = new Int32Array(id + 1).fill(-1);
  wanted.forEach((region, k) => (slot[region.id] = k));
  for (let i = 0; i < mask.length; i++) {
    const k = slot[labels[i]!]!;
    if (k >= 0) regions[k]![i] = 1;
  }
  return regions;
}

/** The region with its holes filled: everything the outside cannot reach without crossing it. */
export function fillHoles(region: Uint8Array, width: number, height: number): Uint8Array {
  const outside = scratchMask(PASS, region.length).fill(0);
  // Each pixel is pushed once at most: it is marked as it is pushed.
  const stack = scratchInts('stack', region.length);
  let top = 0;
  const seed = (p: number): void => {
    if (!region[p] && !outside[p]) {
      outside[p] = 1;
      stack[top++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (top > 0) {
    const p = stack[--top]!;
    const x = p % width;
    if (x > 0) seed(p - 1);
    if (x < width - 1) seed(p + 1);
    if (p >= width) seed(p - width);
    if (p + width < region.length) seed(p + width);
  }
  const filled = new Uint8Array(region.length);
  for (let i = 0; i < region.length; i++) filled[i] = outside[i] ? 0 : 1;
  return filled;
}

/** 4π·area/perimeter² of a polygon: 0.79 for a square, 0.59 for a 3:1 card, lower for a stroke. */
export function compactness(polygon: Point[]): number {
  let perimeter = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    perimeter += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return perimeter > 0 ? (4 * Math.PI * polygonArea(polygon)) / perimeter ** 2 : 0;
}

/** Hull of a region from each row's extreme pixels, in grid pixel-corner coordinates. */
export function regionHull(region: Uint8Array, width: number, height: number): Point[] {
  const points: Point[] = [];
  forEachRowSpan(region, width, height, (y, lo, hi) => {
    points.push({ x: lo, y }, { x: lo, y: y + 1 }, { x: hi + 1, y }, { x: hi + 1, y: y + 1 });
  });
  return convexHull(points);
}

/** Gradient magnitude (Sobel, per pixel) of a `width`×`height` image; 0 on its border. */
export function gradientMagnitude(values: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const gradient = new Float64Array(2);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      sobel(values, p, width, gradient);
      out[p] = hypot2(gradient[0]!, gradient[1]!) / 8;
    }
  }
  return out;
}

/** The Sobel gradient (x, y) of `values` at pixel `p` of a `width`-wide image, into `out`. */
export function sobel(values: Float32Array, p: number, width: number, out: Float64Array): void {
  const nw = values[p - width - 1]!;
  const n = values[p - width]!;
  const ne = values[p - width + 1]!;
  const w = values[p - 1]!;
  const e = values[p + 1]!;
  const sw = values[p + width - 1]!;
  const s = values[p + width]!;
  const se = values[p + width + 1]!;
  out[0] = ne + 2 * e + se - nw - 2 * w - sw;
  out[1] = sw + 2 * s + se - nw - 2 * n - ne;
}

/**
 * The areas that sharp edges enclose, largest first (those of at least `minArea` pixels): where a
 * sheet and what is around it are alike in brightness (a pink note on light oak, paper on
 * paper), its edge still parts them. An edge is where `gradients` (see gradientMagnitude)
 * exceeds `gradient`, widened by a pixel to close small gaps.
 */
export function edgeRegions(
  gradients: Float32Array,
  width: number,
  height: number,
  gradient: number,
  minArea: number,
): Uint8Array[] {
  const open = scratchMask(OPEN, gradients.length);
  for (let i = 0; i < open.length; i++) open[i] = gradients[i]! > gradient ? 0 : 1;
  const enclosed = morph(open, width, height, 1, false, scratchMask(BETWEEN, open.length));
  return largestRegions(enclosed, width, REGIONS, minArea).map((region) => grow(region, width, height));
}

/** How many of the largest regions are tried as sheets. */
const REGIONS = 3;

/** The region and its 8 neighbours: back out to the edge the widening took it from. */
function grow(region: Uint8Array, width: number, height: number): Uint8Array {
  return morph(region, width, height, 1, true);
}

/**
 * Morphological opening: cuts links narrower than about 2r+1 pixels, such as a pen lying
 * against the note, which would join the two into one shape that is no sheet.
 */
export function openRegion(region: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const eroded = morph(region, width, height, radius, false, scratchMask(BETWEEN, region.length));
  return morph(eroded, width, height, radius, true);
}

/**
 * Morphological closing: fills notches narrower than about 2r+1 pixels, such as a stroke of the
 * digit that runs to the note's edge and would open a way in from outside.
 */
export function closeRegion(region: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const dilated = morph(region, width, height, radius, true, scratchMask(BETWEEN, region.length));
  return morph(dilated, width, height, radius, false);
}
