/** How a region of a coarse mask meets the frame's border: a band across it, or its share of the border. */
import { forEachRowSpan } from './row-spans.js';

/**
 * Does `region` run from one side of the frame to the opposite one, and fill more than
 * `maxStrip` of the frame across or run along a third side? Then it is a lit or shaded
 * band, not a sheet. A narrower one may be a slip of paper or a card photographed close, running
 * off the frame at both ends.
 */
export function spansFrame(region: Uint8Array, width: number, height: number, maxStrip: number): boolean {
  let top = 0;
  let bottom = 0;
  let left = 0;
  let right = 0;
  let minX = width;
  let maxX = -1;
  let minY = height;
  let maxY = -1;
  forEachRowSpan(region, width, height, (y, first, last) => {
    if (first < minX) minX = first;
    if (last > maxX) maxX = last;
    if (y < minY) minY = y;
    maxY = y;
  });
  for (let x = 0; x < width; x++) {
    top |= region[x]!;
    bottom |= region[(height - 1) * width + x]!;
  }
  for (let y = 0; y < height; y++) {
    left |= region[y * width]!;
    right |= region[y * width + width - 1]!;
  }
  // A strip that also runs along a third side is what a straight shadow's edge leaves of a page.
  return (
    (top === 1 && bottom === 1 && (left === 1 || right === 1 || maxX - minX + 1 > maxStrip * width)) ||
    (left === 1 && right === 1 && (top === 1 || bottom === 1 || maxY - minY + 1 > maxStrip * height))
  );
}

/** Share of the frame's border that `region` lies along. */
export function borderShare(region: Uint8Array, width: number, height: number): number {
  let along = 0;
  for (let x = 0; x < width; x++) along += region[x]! + region[(height - 1) * width + x]!;
  for (let y = 0; y < height; y++) along += region[y * width]! + region[y * width + width - 1]!;
  return along / (2 * (width + height));
}
