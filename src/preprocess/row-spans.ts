/** The rows of a mask region, each as the span from its first set pixel to its last. */

/**
 * Calls `visit(y, first, last)` for each row of `region` (a `width`×`height` mask) holding a set
 * pixel, with its first set pixel from the left and its last from the right: the pixels between
 * are never read.
 */
export function forEachRowSpan(
  region: Uint8Array,
  width: number,
  height: number,
  visit: (y: number, first: number, last: number) => void,
): void {
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = 0;
    while (first < width && !region[row + first]) first++;
    if (first === width) continue;
    let last = width - 1;
    while (!region[row + last]) last--;
    visit(y, first, last);
  }
}
