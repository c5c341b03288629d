/**
 * The contrast each pixel's ink is measured against, when strokes are compared with the strongest
 * ink near them rather than with the page's: a row of digits written with less pressure (or in
 * pencil) under a row in dark pen has strokes half as dark, and measured against the dark row
 * they fall under the stroke threshold in pieces (a 9 whose loop breaks off reads as a 4), or
 * the row is lost.
 *
 * Used where every line of a sheet is looked for (`readNumber(…, { lines: true })`): the
 * validation sheets (`npx tsx scripts/bench/pen-rows.ts --src`, MNIST training digits, 60
 * sheets) read their lighter rows 33% → 73%, the rows in one pen 89.0% → 87.7%, with the
 * constants below. The look at one number does not use it: on photos of a note on a desk it
 * turns the desk's grain at the note's edge into strokes.
 */
import { upsample, type Grid } from './block-grid.js';
import type { RowSpans } from './polygon.js';
import { IDENTITY, scratchQuantiles } from './quantiles.js';

/** Blocks across the image's longest side: a few digits' widths each. */
const BLOCKS_ACROSS = 12;
/** A block's peak is this share of its darkest pixel (a stroke's core is a little lighter). */
const PEAK_SHARE = 0.85;
/** A block's contrast is at least this share of the page's: faint ink is stretched 2.5 times at most. */
const FAINTEST = 0.4;

/** The side of the blocks ink is measured in, for an image this large. */
function blockSide(width: number, height: number): number {
  return Math.max(8, Math.ceil(Math.max(width, height) / BLOCKS_ACROSS));
}

/** Marks (1) the blocks that lie wholly where ink can be: inside `inside`, or all of them. */
function innerBlocks(width: number, height: number, block: number, inside?: RowSpans): Grid {
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const values = new Float32Array(columns * rows).fill(1);
  if (inside) {
    for (let y = 0; y < height; y++) {
      const row = Math.floor(y / block) * columns;
      for (let bx = 0; bx < columns; bx++) {
        if (inside.from[y]! > bx * block || inside.to[y]! < Math.min(width, (bx + 1) * block)) values[row + bx] = 0;
      }
    }
  }
  return { values, columns, rows, block };
}

/**
 * Per pixel, the contrast to divide its ink (`raw` less `floor`) by: the darkest ink within a
 * block of it, between {@link FAINTEST} of the page's `contrast` and `contrast` itself. Within a
 * block of the image's edge or of the outline of `inside`, the page's contrast: there a
 * vignetted corner, a shadow or the desk's grain would be stretched into strokes.
 */
export function localContrast(
  raw: Float32Array,
  width: number,
  height: number,
  floor: number,
  contrast: number,
  inside?: RowSpans,
): Float32Array {
  const block = blockSide(width, height);
  const inner = innerBlocks(width, height, block, inside);
  const { columns, rows } = inner;
  const darkest = new Float32Array(columns * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / block) * columns;
    for (let x = 0; x < width; x++) {
      const cell = row + Math.floor(x / block);
      const v = raw[y * width + x]!;
      if (v > darkest[cell]!) darkest[cell] = v;
    }
  }
  const levels = new Float32Array(columns * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      let edge = y === 0 || x === 0 || y === rows - 1 || x === columns - 1;
      let m = 0;
      for (let dy = -1; dy <= 1 && !edge; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const cell = (y + dy) * columns + x + dx;
          if (!inner.values[cell]) edge = true;
          m = Math.max(m, darkest[cell]!);
        }
      }
      levels[y * columns + x] = edge
        ? contrast
        : Math.min(contrast, Math.max(FAINTEST * contrast, PEAK_SHARE * m - floor));
    }
  }
  return upsample({ values: levels, columns, rows, block }, width, height, new Float32Array(width * height));
}

/**
 * Ink this faint (measured against the ink near it, above the floor of {@link FAINT_SIGMAS}) is
 * a stroke's when it runs on from one: a block's darkest ink is often the same digit's, and a
 * stroke that fades along its length (the loop of a 9 lighter than its stem, the tops of a row of
 * 0s in a vignetted photo, the side of a 0 a ballpoint barely touched) broke off there.
 */
export const FAINT_INK = 0.1;

/**
 * Faint ink is measured from a lower floor than strokes: this many (robust) standard deviations
 * of the paper's ink above its median, where strokes start at four. A ballpoint pressed lightly
 * leaves a line a fifth as dark as the rest of the digit; from the strokes' floor (the paper's
 * noise with a wide margin) it was mostly gone, and a 0 lost its side and read as a 1.
 *
 * Only as low as the paper around it allows: per block, the block's median ink and
 * {@link BLOCK_SIGMAS} of its own deviations above it (the highest of its neighbours'), so a
 * desk's wood grain or a fabric's weave, whose blocks are noisy, keeps its floor and does not run
 * on from a stroke (with the page's floor alone, validation numbers on desks read 740 → 739 of 800,
 * the grain round a note read as a "1").
 *
 * Chosen on validation sheets (`npx tsx scripts/bench/pen-rows.ts --src`, 60 sheets and 30 of
 * uneven pressure), rows read before → now:
 *
 * | | before | the page's floor 2σ, {@link FAINT_INK} 0.1 | (0.2) | block floors, 0.1 | (0.15) |
 * |---|---|---|---|---|---|
 * | one pen | 68/73 | 68 | 68 | 67 | 67 |
 * | a row lighter | 58/69 | 60 | 59 | 60 | 59 |
 * | uneven pressure | 31/77 | 40 | 37 | 37 | 34 |
 */
export const FAINT_SIGMAS = 2;
/** A block's floor for faint ink: this many of its own deviations above its median (1.5: the same). */
const BLOCK_SIGMAS = 2;

/** Bins of a block's histogram of ink: a precision of 1/512. */
const NOISE_BINS = 512;

/**
 * The ink above the floor faint ink is measured from, against `local` (see {@link localContrast}):
 * per block, the block's median ink and {@link BLOCK_SIGMAS} deviations above it, between
 * `least` (the page's median and {@link FAINT_SIGMAS} deviations) and `most` (the strokes' floor).
 */
export function faintInk(
  raw: Float32Array,
  local: Float32Array,
  width: number,
  height: number,
  least: number,
  most: number,
): Float32Array {
  const block = blockSide(width, height);
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const own = new Float32Array(columns * rows);
  const cell = scratchQuantiles(0, NOISE_BINS);
  const spread = scratchQuantiles(1, NOISE_BINS);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      cell.clear();
      const x0 = bx * block;
      const x1 = Math.min(width, x0 + block);
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        cell.addRange(raw, y * width + x0, y * width + x1);
      }
      const median = cell.at(0.5);
      spread.clear();
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        spread.addRange(raw, y * width + x0, y * width + x1, { ...IDENTITY, shift: median, absolute: true });
      }
      own[by * columns + bx] = median + BLOCK_SIGMAS * 1.4826 * spread.at(0.5);
    }
  }
  const levels = new Float32Array(columns * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < rows && xx >= 0 && xx < columns) m = Math.max(m, own[yy * columns + xx]!);
        }
      }
      levels[y * columns + x] = Math.min(most, Math.max(least, m));
    }
  }
  // The floor at each pixel, then (in place) the ink above it.
  const faint = upsample({ values: levels, columns, rows, block }, width, height, new Float32Array(width * height));
  for (let i = 0; i < faint.length; i++) faint[i] = Math.min(1, Math.max(0, (raw[i]! - faint[i]!) / local[i]!));
  return faint;
}

/**
 * Faint ink joins a stroke only where it stands out as a stroke itself: above the ink on both
 * sides of it, across some direction, by this share of its own (the sides at most half as dark).
 * A vignetted corner, a shadow's soft edge or lit paper fade smoothly, and along them one side is
 * always as dark: without this, the faint edge of a photo's dark corner ran on from the digit
 * beside it, the two were one mark that touched the border, and the digit was lost ("81139"
 * read "1139"). Validation sheets (`npx tsx scripts/bench/pen-rows.ts --src`, 60 sheets): rows
 * in one pen 89.0 → 93.2% read, a row written lighter the same (84.1%); at 0.7, or with the
 * sides looked at 2 and 4 px off only, or 2, 4 and 6, the same.
 */
const SIDE_SHARE = 0.5;
/** How far off the sides are looked at (working pixels): a thin pen's line to a marker's. */
const SIDE_OFFSETS = [2, 4, 8];
/** Across a row, a column and both diagonals. */
const DIRECTIONS = [
  [1, 0],
  [0, 1],
  [1, 1],
  [1, -1],
] as const;

/**
 * Does the pixel at (x, y) stand above the ink on both sides of it, across some direction? The
 * sides are read as they stand while faint ink is being joined: a side already joined has been
 * stretched, which only makes the test stricter (as measured above).
 */
function strokeLike(ink: Float32Array, width: number, height: number, x: number, y: number): boolean {
  const share = SIDE_SHARE * ink[y * width + x]!;
  for (const d of SIDE_OFFSETS) {
    for (const [dx, dy] of DIRECTIONS) {
      const x0 = x - d * dx;
      const y0 = y - d * dy;
      const x1 = x + d * dx;
      const y1 = y + d * dy;
      if (x0 < 0 || x1 >= width || Math.min(y0, y1) < 0 || Math.max(y0, y1) >= height) continue;
      if (ink[y0 * width + x0]! <= share && ink[y1 * width + x1]! <= share) return true;
    }
  }
  return false;
}

/**
 * Faint ink that runs on from a stroke: pixels whose `faint` ink (see {@link faintInk}) is above
 * `low` and stands out as a stroke (see {@link SIDE_SHARE}), joined (through such pixels) to one
 * whose `ink` is above `high`, take their faint ink stretched by `high / low`, so a stroke that
 * fades stays one stroke. `ink` in place.
 */
export function joinFaintInk(
  ink: Float32Array,
  faint: Float32Array,
  width: number,
  height: number,
  low: number,
  high: number,
): void {
  const seen = new Uint8Array(ink.length);
  const stack: number[] = [];
  for (let i = 0; i < ink.length; i++) {
    if (ink[i]! <= high) continue;
    seen[i] = 1;
    stack.push(i);
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % width;
    const y = (p - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        const q = yy * width + xx;
        if (seen[q] || faint[q]! <= low || !strokeLike(faint, width, height, xx, yy)) continue;
        seen[q] = 1;
        ink[q] = Math.max(ink[q]!, Math.min(1, (faint[q]! * high) / low));
        stack.push(q);
      }
    }
  }
}
