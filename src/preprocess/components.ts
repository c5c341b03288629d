/**
 * Connected components of the ink (8-connected), and the choice of which ones make the digit:
 * specks, dust and the dark border of a photographed page are dropped.
 */
import type { Box } from './mnist-normalize.js';

/** Ink level above which a pixel is part of a stroke. */
export const STROKE_THRESHOLD = 0.35;

export interface Component {
  id: number;
  area: number;
  box: Box;
  touchesBorder: boolean;
}

export interface Labelled {
  labels: Int32Array;
  components: Component[];
}

/** The fill's stack, reused from call to call: each pixel is pushed once at most (labelled as pushed). */
let scratchStack = new Int32Array(0);

/** Labels every stroke pixel with its component id (0 = background), ids in the order found. */
export function labelComponents(
  ink: Float32Array,
  width: number,
  height: number,
  threshold = STROKE_THRESHOLD,
): Labelled {
  const size = width * height;
  const labels = new Int32Array(size);
  const components: Component[] = [];
  if (scratchStack.length < size) scratchStack = new Int32Array(size);
  const stack = scratchStack;
  for (let start = 0; start < size; start++) {
    if (labels[start] !== 0 || ink[start]! <= threshold) continue;
    const id = components.length + 1;
    let area = 0;
    let minX = width;
    let minY = height;
    let maxX = 0;
    let maxY = 0;
    labels[start] = id;
    stack[0] = start;
    let top = 1;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      // The 8 neighbours inside the image, looked at inline: before a page's first reading is
      // compiled, every call costs far more than the test it makes.
      const x0 = x > 0 ? x - 1 : x;
      const x1 = x < width - 1 ? x + 1 : x;
      const y0 = y > 0 ? y - 1 : y;
      const y1 = y < height - 1 ? y + 1 : y;
      for (let yy = y0; yy <= y1; yy++) {
        for (let q = yy * width + x0, end = yy * width + x1; q <= end; q++) {
          if (labels[q] === 0 && ink[q]! > threshold) {
            labels[q] = id;
            stack[top++] = q;
          }
        }
      }
    }
    components.push({
      id,
      area,
      box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
      touchesBorder: minX === 0 || minY === 0 || maxX === width - 1 || maxY === height - 1,
    });
  }
  return { labels, components };
}

/** A strip along a side of the image this long (share of that side) is the desk past a page's edge. */
const BORDER_STRIP = 0.3;

/**
 * A thin piece lying along a side of the image, at least {@link BORDER_STRIP} of it long: a strip of
 * desk (or the page's dark edge) past a sheet that fills the photo, no digit. (A stroke that only
 * reaches the image's edge at one end, as a drawn 1 or a 4's stem may, is not along it.)
 */
function alongBorder(c: Component, width: number, height: number): boolean {
  if (!isThinPiece(c)) return false;
  const { x, y, width: w, height: h } = c.box;
  if (h >= w) return (x === 0 || x + w === width) && h >= BORDER_STRIP * height;
  return (y === 0 || y + h === height) && w >= BORDER_STRIP * width;
}

/**
 * A piece at least five times longer than wide. Touching a surface's outline, it is what is
 * left of the sheet's edge, however short.
 */
export function isThinPiece(c: Component): boolean {
  return Math.min(c.box.width, c.box.height) <= 0.2 * Math.max(c.box.width, c.box.height);
}

/**
 * The components that make up the digit: the strokes (at least 4% of the biggest one), plus
 * small pieces close to them (a broken stroke); specks farther away, and big shapes touching
 * the image's edge when real strokes exist elsewhere (a table or page border), are dropped.
 */
export function digitComponents(all: Component[], width: number, height: number, onSurface = false): Component[] {
  const isFrame = (c: Component): boolean =>
    c.touchesBorder &&
    (c.box.width > 0.6 * width ||
      c.box.height > 0.6 * height ||
      (onSurface && isThinPiece(c)) ||
      alongBorder(c, width, height));
  let candidates = all;
  const inner = all.filter((c) => !isFrame(c));
  const biggestInner = inner.reduce((m, c) => Math.max(m, c.area), 0);
  if (inner.length > 0 && biggestInner >= 12) candidates = inner;
  const biggest = candidates.reduce((m, c) => Math.max(m, c.area), 0);
  const minArea = Math.max(2, 0.04 * biggest);
  const strokes = gatherAround(candidates.filter((c) => c.area >= minArea));
  if (strokes.length === 0) return strokes;
  const box = unionBox(strokes);
  const margin = 0.1 * Math.max(box.width, box.height);
  const near = (c: Component): boolean =>
    c.box.x >= box.x - margin &&
    c.box.y >= box.y - margin &&
    c.box.x + c.box.width <= box.x + box.width + margin &&
    c.box.y + c.box.height <= box.y + box.height + margin;
  return candidates.filter((c) => strokes.includes(c) || (c.area < minArea && near(c)));
}

/** Strokes farther from the digit than this share of its size are not part of it. */
const APART = 0.5;
/** Pixels a faint stroke may break over, however small the digit (a dotted 1). */
const BROKEN_GAP = 3;
/** A thin piece gives way to the biggest other stroke as the digit's seed if that has this share of its area. */
const SEED_SHARE = 0.25;

const gap = (a: Box, b: Box): number =>
  Math.hypot(
    Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width)),
    Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)),
  );

/**
 * The strokes that gather around the digit's biggest one, each within {@link APART} of the
 * digit's size from those gathered: a shadow in the note's corner, a clip or a second mark far
 * from the digit is not part of it. The seed is the biggest stroke, unless that is a thin piece
 * (an edge, a pen) and a stroke of some size that is not exists.
 */
function gatherAround(strokes: Component[]): Component[] {
  if (strokes.length <= 1) return strokes;
  const byArea = strokes.slice().sort((a, b) => b.area - a.area);
  const big = byArea.filter((c) => c.area >= SEED_SHARE * byArea[0]!.area);
  const seed = big.find((c) => !c.touchesBorder) ?? big.find((c) => !isThinPiece(c)) ?? byArea[0]!;
  const gathered = [seed];
  let box = seed.box;
  let rest = strokes.filter((c) => c !== seed);
  for (let grown = true; grown;) {
    grown = false;
    const size = Math.max(box.width, box.height);
    for (const c of rest) {
      if (gap(c.box, box) > APART * size + BROKEN_GAP) continue;
      gathered.push(c);
      box = unionBox([{ box } as Component, c]);
      grown = true;
    }
    rest = rest.filter((c) => !gathered.includes(c));
  }
  return gathered;
}

/** The smallest box holding all `components`. */
export function unionBox(components: Component[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { box } of components) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Does box `inner` lie within box `outer`, give or take a pixel? */
export const boxWithin = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** How far apart boxes `a` and `b` stand side by side (negative when they overlap across). */
export const sideGap = (a: Box, b: Box): number => Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
