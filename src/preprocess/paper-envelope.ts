/**
 * The paper's level where a shadow's edge crosses the page. Block percentiles and their median
 * (ink.ts) spread a lit block's level a block or two into the shadow beside it, and there the
 * shadowed paper reads as ink: a band along the edge is taken for a stroke. A grey-level closing
 * (for dark ink; an opening for light ink) of small blocks' means fills in every stroke narrower
 * than its window but follows a step in the lighting exactly: a step has no valley to fill.
 */
import type { Grid } from './block-grid.js';
import type { Luminance } from './luminance.js';

/** The mean of each `block`×`block` block of `image`. */
function blockMeans(image: Luminance, block: number): Grid {
  const { width, height, values } = image;
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const sums = new Float32Array(columns * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / block) * columns;
    const line = y * width;
    for (let bx = 0; bx < columns; bx++) {
      const end = line + Math.min(width, (bx + 1) * block);
      let sum = 0;
      for (let i = line + bx * block; i < end; i++) sum += values[i]!;
      sums[row + bx] = sums[row + bx]! + sum;
    }
  }
  for (let by = 0; by < rows; by++) {
    const tall = Math.min(block, height - by * block);
    for (let bx = 0; bx < columns; bx++)
      sums[by * columns + bx] = sums[by * columns + bx]! / (tall * Math.min(block, width - bx * block));
  }
  return { values: sums, columns, rows, block };
}

/**
 * Max (`bright`) or min of `values` over 2r+1 cells along rows (`alongRows`) or columns, the
 * window cut at the grid's ends, in three steps a cell whatever `r` (van Herk and Gil-Werman:
 * running maxima forward and backward within windows' worth of cells, padded at both ends).
 */
function slide(values: Float32Array, columns: number, rows: number, r: number, bright: boolean, alongRows: boolean) {
  const out = new Float32Array(values.length);
  const lines = alongRows ? rows : columns;
  const length = alongRows ? columns : rows;
  const step = alongRows ? 1 : columns;
  const span = 2 * r + 1;
  const padded = length + 2 * r;
  const forward = new Float32Array(padded);
  const backward = new Float32Array(padded);
  // A min filter is a max filter of the negated values; the pads at either end never win.
  const line = new Float32Array(padded).fill(-Infinity);
  const sign = bright ? 1 : -1;
  for (let l = 0; l < lines; l++) {
    const start = alongRows ? l * columns : l;
    for (let i = 0; i < length; i++) line[r + i] = sign * values[start + i * step]!;
    forward[0] = line[0]!;
    for (let j = 1; j < padded; j++) {
      const v = line[j]!;
      const f = forward[j - 1]!;
      forward[j] = j % span === 0 || f < v ? v : f;
    }
    backward[padded - 1] = line[padded - 1]!;
    for (let j = padded - 2; j >= 0; j--) {
      const v = line[j]!;
      const g = backward[j + 1]!;
      backward[j] = (j + 1) % span === 0 || g < v ? v : g;
    }
    // Cell i's window is padded cells i … i + 2r.
    for (let i = 0; i < length; i++) {
      const a = backward[i]!;
      const b = forward[i + 2 * r]!;
      out[start + i * step] = sign * (a > b ? a : b);
    }
  }
  return out;
}

/**
 * The paper's level from `block`-pixel blocks: their means closed (dark ink: the brighter
 * envelope) or opened (light ink) over (2·`radius`+1)² blocks, so that any stroke or blot
 * narrower than that window goes, and a shadow's edge stays where it is.
 */
export function paperEnvelope(image: Luminance, block: number, radius: number, darkInk: boolean): Grid {
  const grid = blockMeans(image, block);
  const { columns, rows } = grid;
  let v = grid.values;
  // A closing is a max filter then a min filter; an opening the other way round.
  for (const bright of [darkInk, !darkInk]) {
    v = slide(v, columns, rows, radius, bright, true);
    v = slide(v, columns, rows, radius, bright, false);
  }
  return { ...grid, values: v };
}
