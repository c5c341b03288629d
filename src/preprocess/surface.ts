/**
 * The writing surface in a scene: a note, card, page or screen lying inside the frame, found
 * the way document scanners find a page, on a coarse copy of the image:
 * 1. shrink to about 128 px and take a 3×3 median, so handwriting and fine texture (wood grain,
 *    a mat's grid, a weave) fade into their surroundings;
 * 2. split light from dark (Otsu) and take the largest region of each tone, holes filled (the
 *    writing on a note is a hole in it);
 * 3. keep a region only if it looks like a sheet: convex, mostly of one tone, a real step in
 *    brightness from what is around it, with a *sharp* edge (a shadow or a vignette is soft),
 *    and not the whole frame;
 * 4. its convex hull, simplified to its corners, is the outline; the ink is read only inside
 *    that outline moved inwards, so the sheet's edge and its shadow are never ink.
 * No surface (a crop, a canvas drawing, a page filling the frame) leaves today's path unchanged.
 */
import type { Luminance } from './luminance.js';
import {
  convexHull,
  insetPolygon,
  polygonArea,
  polygonSpans,
  fitQuadrilateral,
  simplifyPolygon,
  type Point,
  type RowSpans,
} from './polygon.js';

/** A writing surface found in the working image. */
export interface Surface {
  /** The outline's corners, in working pixels. */
  corners: Point[];
  /** The outline moved inwards past the sheet's edge: where ink is read. */
  inner: Point[];
  /** Is the surface lighter than what is around it (paper) or darker (a screen)? */
  light: boolean;
}

/** Longest side of the coarse copy the surface is found on. */
const GRID_SIDE = 128;
/** A surface covers at least this share of the frame, and at most the next (else it is the frame). */
const MIN_AREA = 0.08;
const MAX_AREA = 0.94;
/** Region area over its hull's area: sheets are convex, desks around them are not. */
const MIN_SOLIDITY = 0.88;
/** Share of the filled region that is of its own tone (the rest is writing on it). */
const MIN_OWN_TONE = 0.75;
/** Brightness step (luminance) between the surface and its surroundings. */
const MIN_STEP = 0.06;
/** Share of the edge that must be sharp (a paper edge, not a shadow's penumbra). */
const MIN_SHARP_SHARE = 0.55;
/**
 * 4π·area/perimeter² of the hull: 0.79 for a square, 0.59 for a 3:1 card; a thick stroke of a
 * digit (a "1" is convex too) is far longer than wide.
 */
const MIN_COMPACTNESS = 0.5;
/** Places along a candidate's edge where its sharpness is measured. */
const EDGE_SAMPLES = 64;
/** Images smaller than this are crops already. */
const MIN_IMAGE_SIDE = 64;

interface Grid {
  values: Float32Array;
  width: number;
  height: number;
  /** Working pixels per grid pixel. */
  factor: number;
}

export function coarseCopy(image: Luminance): Grid {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / GRID_SIDE));
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const sums = new Float32Array(width * height);
  const values = image.values;
  for (let gy = 0; gy < height; gy++) {
    const out = gy * width;
    for (let y = gy * factor; y < (gy + 1) * factor; y++) {
      let p = y * image.width;
      for (let gx = 0; gx < width; gx++) {
        let sum = 0;
        for (let k = 0; k < factor; k++) sum += values[p++]!;
        sums[out + gx]! += sum;
      }
    }
  }
  const area = factor * factor;
  for (let i = 0; i < sums.length; i++) sums[i]! /= area;
  return { values: median3(sums, width, height), width, height, factor };
}

function median3(values: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(values.length);
  const near = new Float32Array(9);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = Math.min(height - 1, Math.max(0, y + dy)) * width;
        for (let dx = -1; dx <= 1; dx++) {
          // Insertion sort as the values arrive: nine values sort faster by hand than by sort().
          const v = values[row + Math.min(width - 1, Math.max(0, x + dx))]!;
          let k = n++;
          while (k > 0 && near[k - 1]! > v) {
            near[k] = near[k - 1]!;
            k--;
          }
          near[k] = v;
        }
      }
      out[y * width + x] = near[4]!;
    }
  }
  return out;
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

/** The largest 4-connected region of pixels where `mask` is set. */
function largestRegion(mask: Uint8Array, width: number): Uint8Array | null {
  const labels = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  let bestId = 0;
  let bestArea = 0;
  let id = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    id++;
    let area = 0;
    let top = 0;
    labels[start] = id;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      area++;
      const x = p % width;
      if (x > 0 && mask[p - 1] && !labels[p - 1]) {
        labels[p - 1] = id;
        stack[top++] = p - 1;
      }
      if (x < width - 1 && mask[p + 1] && !labels[p + 1]) {
        labels[p + 1] = id;
        stack[top++] = p + 1;
      }
      if (p >= width && mask[p - width] && !labels[p - width]) {
        labels[p - width] = id;
        stack[top++] = p - width;
      }
      if (p + width < mask.length && mask[p + width] && !labels[p + width]) {
        labels[p + width] = id;
        stack[top++] = p + width;
      }
    }
    if (area > bestArea) {
      bestArea = area;
      bestId = id;
    }
  }
  if (bestId === 0) return null;
  const region = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) region[i] = labels[i] === bestId ? 1 : 0;
  return region;
}

/** The region with its holes filled: everything the outside cannot reach without crossing it. */
function fillHoles(region: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(region.length);
  const stack: number[] = [];
  const seed = (p: number): void => {
    if (!region[p] && !outside[p]) {
      outside[p] = 1;
      stack.push(p);
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
  while (stack.length > 0) {
    const p = stack.pop()!;
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

function compactness(polygon: Point[]): number {
  let perimeter = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    perimeter += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return perimeter > 0 ? (4 * Math.PI * polygonArea(polygon)) / perimeter ** 2 : 0;
}

/** Hull of a region from each row's extreme pixels, in grid pixel-corner coordinates. */
function regionHull(region: Uint8Array, width: number, height: number): Point[] {
  const points: Point[] = [];
  for (let y = 0; y < height; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = 0; x < width; x++) {
      if (region[y * width + x]) {
        if (lo < 0) lo = x;
        hi = x;
      }
    }
    if (lo >= 0) points.push({ x: lo, y }, { x: lo, y: y + 1 }, { x: hi + 1, y }, { x: hi + 1, y: y + 1 });
  }
  return convexHull(points);
}

function bilinear(image: Luminance, x: number, y: number): number {
  const { width, height, values } = image;
  const cx = Math.min(width - 1.001, Math.max(0, x - 0.5));
  const cy = Math.min(height - 1.001, Math.max(0, y - 0.5));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * width + x0;
  return (
    (1 - fy) * ((1 - fx) * values[i]! + fx * values[i + 1]!) +
    fy * ((1 - fx) * values[i + width]! + fx * values[i + width + 1]!)
  );
}

/**
 * Share of the region's edge (away from the frame's border) where brightness changes within
 * about two working pixels: true of a sheet's cut edge, never of a shadow, gradient or vignette,
 * whose change spreads over many pixels.
 */
function sharpEdgeShare(image: Luminance, grid: Grid, filled: Uint8Array): number {
  const { width, height, factor, values } = grid;
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
    // The normal from the coarse copy's gradient (Sobel).
    const at = (dx: number, dy: number): number => values[p + dy * width + dx]!;
    const gx = at(1, -1) + 2 * at(1, 0) + at(1, 1) - at(-1, -1) - 2 * at(-1, 0) - at(-1, 1);
    const gy = at(-1, 1) + 2 * at(0, 1) + at(1, 1) - at(-1, -1) - 2 * at(0, -1) - at(1, -1);
    const norm = Math.hypot(gx, gy);
    if (norm < 1e-6) continue;
    const nx = gx / norm;
    const ny = gy / norm;
    const cx = (x + 0.5) * factor;
    const cy = (y + 0.5) * factor;
    // Brightness along the normal, each sample the mean of three across it.
    for (let t = -reach; t <= reach; t++) {
      const px = cx + nx * t;
      const py = cy + ny * t;
      profile[t + reach] =
        (bilinear(image, px - ny, py + nx) + bilinear(image, px, py) + bilinear(image, px + ny, py - nx)) / 3;
    }
    const across = Math.abs(profile[2 * reach]! - profile[0]!);
    edges++;
    if (across < MIN_STEP) continue;
    let steepest = 0;
    for (let t = 1; t < 2 * reach; t++) steepest = Math.max(steepest, Math.abs(profile[t + 1]! - profile[t - 1]!));
    if (steepest > 0.5 * across) sharp++;
  }
  return edges === 0 ? 0 : sharp / edges;
}

interface Candidate {
  filled: Uint8Array;
  light: boolean;
  borderContact: number;
  /** Median brightness of the surface and of what is around it. */
  level: number;
  around: number;
  /** Its corners, in grid pixels. */
  outline: Point[];
}

/** Where between the surroundings' level and the surface's the threshold is set again. */
const REFINED_THRESHOLD = 0.6;

/** The region of one tone that could be a sheet, or null. */
export function candidate(grid: Grid, threshold: number, light: boolean): Candidate | null {
  const { width, height, values } = grid;
  const count = width * height;
  const tone = new Uint8Array(count);
  for (let i = 0; i < count; i++) tone[i] = values[i]! > threshold === light ? 1 : 0;
  const region = largestRegion(tone, width);
  if (!region) return null;
  const filled = fillHoles(region, width, height);
  let area = 0;
  let own = 0;
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < count; i++) {
    if (filled[i]) {
      area++;
      own += region[i]!;
      inside += values[i]!;
    } else {
      outside += values[i]!;
    }
  }
  if (area < MIN_AREA * count || area > MAX_AREA * count || own < MIN_OWN_TONE * area) return null;
  const level = inside / area;
  const around = outside / (count - area);
  if ((light ? level - around : around - level) < MIN_STEP) return null;
  const hull = regionHull(filled, width, height);
  const hullArea = polygonArea(hull);
  if (area < MIN_SOLIDITY * hullArea || compactness(hull) < MIN_COMPACTNESS) return null;
  const corners = fitQuadrilateral(simplifyPolygon(hull));
  let border = 0;
  for (let x = 0; x < width; x++) border += filled[x]! + filled[(height - 1) * width + x]!;
  for (let y = 1; y < height - 1; y++) border += filled[y * width]! + filled[y * width + width - 1]!;
  const borderContact = border / (2 * (width + height) - 4);
  // Four straight sides, unless it runs off the frame: a filled "0" or "8" is as convex as a
  // note, but round.
  if (!corners && borderContact === 0) return null;
  return { filled, light, borderContact, level, around, outline: corners ?? simplifyPolygon(hull) };
}

/** Working pixels the outline is moved inwards by: past the edge's blur and the grid's coarseness. */
function insetDistance(grid: Grid): number {
  return 1.5 * grid.factor + 2;
}

/**
 * Finds the writing surface in a working image, or null when there is none to find (the image
 * is the page, or a crop, or a drawing).
 */
export function findSurface(image: Luminance): Surface | null {
  if (Math.max(image.width, image.height) < MIN_IMAGE_SIDE) return null;
  const grid = coarseCopy(image);
  const threshold = otsu(grid.values);
  // Paper on a desk first (the common case); a dark screen only when no paper is found.
  for (const light of [true, false]) {
    const first = candidate(grid, threshold, light);
    if (!first) continue;
    // Otsu's split sits midway; a light desk's grain above it joins the note. Split again
    // nearer the surface's own level, now that it and its surroundings are known.
    const c = candidate(grid, first.around + REFINED_THRESHOLD * (first.level - first.around), light) ?? first;
    // A half-frame region touching the border (a shadow, a lit half) is not a sheet we can see.
    if (c.borderContact > 0.5) continue;
    if (sharpEdgeShare(image, grid, c.filled) < MIN_SHARP_SHARE) continue;
    const { factor, width, height } = grid;
    const hull = c.outline;
    const corners = hull.map((p) => ({ x: p.x * factor, y: p.y * factor }));
    const onBorder = (a: Point, b: Point): boolean =>
      (a.x <= 0.5 && b.x <= 0.5) ||
      (a.y <= 0.5 && b.y <= 0.5) ||
      (a.x >= width - 0.5 && b.x >= width - 0.5) ||
      (a.y >= height - 0.5 && b.y >= height - 0.5);
    const inner = insetPolygon(hull, insetDistance(grid) / factor, onBorder).map((p) => ({
      x: p.x * factor,
      y: p.y * factor,
    }));
    return { corners, inner, light: c.light };
  }
  return null;
}

/**
 * The surface's inner outline as pixel spans of a `width`×`height` image; `transform` maps
 * working pixels to that image's (for the second look at a region in full detail).
 */
export function surfaceSpans(
  surface: Surface,
  width: number,
  height: number,
  transform: (p: Point) => Point = (p) => p,
): RowSpans {
  return polygonSpans(surface.inner.map(transform), width, height);
}
