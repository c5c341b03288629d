/**
 * Max (dilation) or min (erosion) filters of a 0/1 mask over a (2r+1)² square, as the surface
 * search opens and closes regions of its coarse copy. Outside the image never changes the result
 * (it counts as unset for a dilation and as set for an erosion), so a region running off the
 * frame keeps its border.
 */

/** The mask between the two passes, reused from call to call, made again when the length changes. */
let scratchRows = new Uint8Array(0);

/**
 * Dilation (`dilate`) or erosion of a 0/1 `mask` over a (2·`radius`+1)² square, into `out`:
 * along rows, then along columns. Over 3×3 (the commonest) each pass takes the OR or AND of a
 * pixel and its two neighbours in one step, which is faster than counting, in the order the mask
 * is stored; a separate OR of shifted copies, each its own pass, was not.
 */
export function morph(
  mask: Uint8Array,
  width: number,
  height: number,
  radius: number,
  dilate: boolean,
  out: Uint8Array = new Uint8Array(mask.length),
): Uint8Array {
  if (scratchRows.length !== mask.length) scratchRows = new Uint8Array(mask.length);
  const rows = scratchRows;
  if (radius === 1) {
    if (dilate) {
      orAlongRows(mask, rows, width, height);
      orAlongColumns(rows, out, width, height);
    } else {
      andAlongRows(mask, rows, width, height);
      andAlongColumns(rows, out, width, height);
    }
  } else {
    for (let row = 0; row < mask.length; row += width) slideLine(mask, rows, row, 1, width, radius, dilate);
    for (let x = 0; x < width; x++) slideLine(rows, out, x, width, height, radius, dilate);
  }
  return out;
}

/** Each pixel OR its left and right neighbours (those in the image). */
function orAlongRows(from: Uint8Array, to: Uint8Array, width: number, height: number): void {
  for (let row = 0; row < height * width; row += width) {
    const last = row + width - 1;
    if (width === 1) {
      to[row] = from[row]!;
      continue;
    }
    to[row] = from[row]! | from[row + 1]!;
    for (let p = row + 1; p < last; p++) to[p] = from[p - 1]! | from[p]! | from[p + 1]!;
    to[last] = from[last - 1]! | from[last]!;
  }
}

/** Each pixel AND its left and right neighbours (those in the image). */
function andAlongRows(from: Uint8Array, to: Uint8Array, width: number, height: number): void {
  for (let row = 0; row < height * width; row += width) {
    const last = row + width - 1;
    if (width === 1) {
      to[row] = from[row]!;
      continue;
    }
    to[row] = from[row]! & from[row + 1]!;
    for (let p = row + 1; p < last; p++) to[p] = from[p - 1]! & from[p]! & from[p + 1]!;
    to[last] = from[last - 1]! & from[last]!;
  }
}

/** Each pixel OR its neighbours above and below (those in the image). */
function orAlongColumns(from: Uint8Array, to: Uint8Array, width: number, height: number): void {
  const size = width * height;
  if (height === 1) {
    to.set(from);
    return;
  }
  for (let p = 0; p < width; p++) to[p] = from[p]! | from[p + width]!;
  for (let p = width; p < size - width; p++) to[p] = from[p - width]! | from[p]! | from[p + width]!;
  for (let p = size - width; p < size; p++) to[p] = from[p - width]! | from[p]!;
}

/** Each pixel AND its neighbours above and below (those in the image). */
function andAlongColumns(from: Uint8Array, to: Uint8Array, width: number, height: number): void {
  const size = width * height;
  if (height === 1) {
    to.set(from);
    return;
  }
  for (let p = 0; p < width; p++) to[p] = from[p]! & from[p + width]!;
  for (let p = width; p < size - width; p++) to[p] = from[p - width]! & from[p]! & from[p + width]!;
  for (let p = size - width; p < size; p++) to[p] = from[p - width]! & from[p]!;
}

/**
 * One row or column of a wider {@link morph}: `length` pixels from `start`, `stride` apart. A
 * window slides along it counting the set pixels, so the cost does not grow with the radius
 * (measured faster than counting down every column at once, a row at a time); outside the image
 * is unset for a dilation and set for an erosion.
 */
function slideLine(
  from: Uint8Array,
  to: Uint8Array,
  start: number,
  stride: number,
  length: number,
  radius: number,
  dilate: boolean,
): void {
  const window = 2 * radius + 1;
  const outside = dilate ? 0 : 1;
  let count = dilate ? 0 : radius;
  for (let i = 0; i < radius && i < length; i++) count += from[start + i * stride]!;
  if (!dilate && radius > length) count += radius - length;
  let at = start;
  for (let i = 0; i < length; i++, at += stride) {
    const entering = i + radius;
    count += entering < length ? from[at + radius * stride]! : outside;
    to[at] = dilate ? (count > 0 ? 1 : 0) : count === window ? 1 : 0;
    count -= i >= radius ? from[at - radius * stride]! : outside;
  }
}
