/**
 * Coarse grids of blocks over an image (a lighting level, a local ink peak) and their spread
 * back to every pixel.
 */

/** One value per `block`×`block` block of an image, row by row. */
export interface Grid {
  values: Float32Array;
  columns: number;
  rows: number;
  block: number;
}

/** The grid spread to every pixel, bilinearly, into `out`. */
export function upsample(grid: Grid, width: number, height: number, out: Float32Array): Float32Array {
  const { columns, rows, block, values } = grid;
  // Each column's two cells and weight, worked out once rather than on every row.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const weight = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const gx = Math.min(columns - 1, Math.max(0, (x + 0.5) / block - 0.5));
    left[x] = Math.floor(gx);
    right[x] = Math.min(columns - 1, left[x]! + 1);
    weight[x] = gx - left[x]!;
  }
  // The two grid rows interpolated along x, shared by every pixel row between them (a block's
  // worth): the same sums, in the same order, as interpolating them again on each row.
  const top = new Float64Array(width);
  const bottom = new Float64Array(width);
  let made = -1;
  for (let y = 0; y < height; y++) {
    const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(gy);
    const fy = gy - y0;
    if (y0 !== made) {
      const above = y0 * columns;
      const below = Math.min(rows - 1, y0 + 1) * columns;
      for (let x = 0; x < width; x++) {
        const fx = weight[x]!;
        top[x] = (1 - fx) * values[above + left[x]!]! + fx * values[above + right[x]!]!;
        bottom[x] = (1 - fx) * values[below + left[x]!]! + fx * values[below + right[x]!]!;
      }
      made = y0;
    }
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = (1 - fy) * top[x]! + fy * bottom[x]!;
  }
  return out;
}
