/**
 * A sheet's sides checked one by one once its outline is found. The outline is judged as a whole
 * (most of its edge must be sharp), so one side may still be a soft step inside the sheet: the
 * edge of a shadow or of a band of lighter paper, where the sheet's true edge lies further out.
 * Ink beyond that side is never read, and a digit written near the edge is lost ("122605" read
 * "22605"). Such a side is moved out, parallel, to the first sharp edge beyond it, when the paper
 * between the two still looks like the sheet rather than the desk.
 */
import { bilinear, type Grid } from './coarse-image.js';
import { MIN_EDGE_STEP, type Channel } from './edge-sharpness.js';
import { moveEdges, signedArea, type Point } from './polygon.js';

/** Places along a side (between its ends' 15% and 85%) where it is looked at. */
const SIDE_SAMPLES = 20;
/** A side sharp at less than this share of its places is soft… */
const SOFT_SIDE = 0.5;
/** …and is moved out to a parallel edge sharp at this share of them at least… */
const FIRM_SIDE = 0.7;
/** …at most this share of the sheet's shorter extent away (coarse pixels)… */
const MAX_MOVE = 0.35;
/**
 * …when the paper between the two edges is at least this far from the desk's brightness towards
 * the sheet's (a shadowed strip of the sheet, not a strip of desk).
 */
const BAND_LIKE_SHEET = 0.5;

/** Sides shorter than this share of the frame are left alone (a patch in a corner is no sheet to mend). */
const MIN_SIDE = 0.3;
/** A step (in brightness or colour) is an edge when at least this share of the sheet's contrast with the desk. */
const EDGE_SHARE = 0.3;

interface Side {
  a: Point;
  b: Point;
  /** Outward unit normal. */
  nx: number;
  ny: number;
}

/** Place `k` of `side` moved `d` coarse pixels out, in working pixels (`factor` to a coarse one). */
function place(side: Side, k: number, d: number, factor: number): Point {
  const t = 0.15 + (0.7 * k) / (SIDE_SAMPLES - 1);
  return {
    x: (side.a.x + (side.b.x - side.a.x) * t + side.nx * d) * factor,
    y: (side.a.y + (side.b.y - side.a.y) * t + side.ny * d) * factor,
  };
}

/**
 * Across `side` moved `d` coarse pixels out: the share of its places (of all of them, so a side
 * partly out of the frame is seen less) where a step the sheet's way round, at least `least`,
 * is sharp; and at how many places it could be looked at inside the frame.
 */
function lookAcross(side: Side, d: number, grid: Grid, planes: Channel[], light: boolean, least: number) {
  const { factor } = grid;
  const luminance = planes[0]!.image;
  const reach = 2 * factor + 3;
  let sharp = 0;
  let seen = 0;
  for (let k = 0; k < SIDE_SAMPLES; k++) {
    const { x: cx, y: cy } = place(side, k, d, factor);
    if (cx < 0 || cy < 0 || cx >= luminance.width || cy >= luminance.height) continue;
    seen++;
    let best = 0;
    let steepest = 0;
    for (const { image } of planes) {
      const weight = image.weight ?? 1;
      const at = (s: number): number => bilinear(image, cx + side.nx * s, cy + side.ny * s, weight);
      const across = Math.abs(at(reach) - at(-reach));
      if (across <= best) continue;
      best = across;
      steepest = 0;
      for (let s = -reach + 1; s < reach; s++) steepest = Math.max(steepest, Math.abs(at(s + 1) - at(s - 1)));
    }
    // The sheet's side of the step is the lighter (a paper) or the darker (a screen).
    const step =
      bilinear(luminance, cx - side.nx * reach, cy - side.ny * reach) -
      bilinear(luminance, cx + side.nx * reach, cy + side.ny * reach);
    if (best >= least && steepest > 0.5 * best && (light ? step > 0 : step < 0)) sharp++;
  }
  return { share: seen === 0 ? 0 : sharp / SIDE_SAMPLES, seen };
}

/** Mean brightness along `side` moved `from`…`to` coarse pixels out. */
function bandLevel(side: Side, from: number, to: number, grid: Grid, luminance: Channel['image']): number {
  let sum = 0;
  let n = 0;
  for (let d = from; d <= to; d++) {
    for (let k = 0; k < SIDE_SAMPLES; k++) {
      const { x, y } = place(side, k, d, grid.factor);
      sum += bilinear(luminance, x, y);
      n++;
    }
  }
  return sum / n;
}

/**
 * `outline` (grid pixels) with each soft side moved out to the sheet's true edge where one is
 * found beyond it; sides along the frame's border (`onBorder`) stay.
 */
export function firmSides(
  outline: Point[],
  grid: Grid,
  planes: Channel[],
  sheet: { light: boolean; level: number; around: number },
  onBorder: (a: Point, b: Point) => boolean,
): Point[] {
  const { light } = sheet;
  // A step counts as an edge when it is a good part of the one between the sheet and the desk.
  const least = Math.max(2 * MIN_EDGE_STEP, EDGE_SHARE * Math.abs(sheet.level - sheet.around));
  // Only a sheet seen as four sides: the sides of a rounder outline are too short to be judged.
  const n = outline.length;
  if (n !== 4) return outline;
  const sign = signedArea(outline) > 0 ? 1 : -1;
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const extent = Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const furthest = Math.max(2, Math.round(MAX_MOVE * extent));
  const luminance = planes[0]!.image;
  const shifts = outline.map((a, i) => {
    const b = outline[(i + 1) % n]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < MIN_SIDE * Math.max(grid.width, grid.height) || onBorder(a, b)) return 0;
    // Outward: right of the edge for a counter-clockwise (positive area) polygon.
    const side: Side = { a, b, nx: ((b.y - a.y) / length) * sign, ny: (-(b.x - a.x) / length) * sign };
    if (lookAcross(side, 0, grid, planes, light, least).share >= SOFT_SIDE) return 0;
    // The edge is where the run of places it is seen from is at its middle.
    let first = 0;
    let last = 0;
    for (let d = 2; d <= furthest; d++) {
      const { share, seen } = lookAcross(side, d, grid, planes, light, least);
      const firm = seen >= 0.8 * SIDE_SAMPLES && share >= FIRM_SIDE;
      if (firm) [first, last] = [first || d, d];
      if (first && (!firm || d === furthest)) break;
      if (seen < 0.8 * SIDE_SAMPLES) break;
    }
    if (!first) return 0;
    const d = Math.round((first + last) / 2);
    const sheetLevel = bandLevel(side, -3, -2, grid, luminance);
    const band = bandLevel(side, 1, Math.max(1, d - 2), grid, luminance);
    const desk = bandLevel(side, d + 3, d + 4, grid, luminance);
    const towardsSheet = (band - desk) / (sheetLevel - desk || 1e-6);
    return towardsSheet >= BAND_LIKE_SHEET ? -d : 0;
  });
  if (shifts.every((s) => s === 0)) return outline;
  const moved = moveEdges(outline, shifts);
  // Moved out, the sides must still meet as a sheet's do: convex, the same way round.
  return convex(moved, sign) ? moved : outline;
}

/** Do the corners of `polygon` all turn the way `sign` says (1 counter-clockwise, -1 clockwise)? */
function convex(polygon: Point[], sign: number): boolean {
  return polygon.every((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    const c = polygon[(i + 2) % polygon.length]!;
    return sign * ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)) > 0;
  });
}
