/**
 * A drawing made on a canvas (a drawing pad, a digit drawn in a paint program): most of it is
 * one exact shade of paper, the lightest in the image, around its whole border, and everything
 * else is darker ink. A photo never is: its paper has noise, grain and shading. Such a drawing
 * has no writing surface in it to look for, and looking takes most of the first answer's time
 * (the surface search runs over the whole image in code not yet optimised).
 */
import type { Luminance } from './luminance.js';

/** At least this share of the pixels is the paper's one shade… */
const MIN_PAPER_SHARE = 0.6;
/** …and this share of the border's (a digit drawn up to the edge leaves the rest). */
const MIN_BORDER_PAPER_SHARE = 0.9;

/**
 * Is `image` a clean drawing: at least `MIN_PAPER_SHARE` of its pixels, and
 * `MIN_BORDER_PAPER_SHARE` of its border's, are exactly its lightest value? The border is looked
 * at first: a photo's is never one shade, so a photo costs a few hundred pixels.
 */
export function isCleanDrawing(image: Luminance): boolean {
  const { values, width, height } = image;
  const border: number[] = [];
  for (let x = 0; x < width; x++) {
    border.push(values[x]!);
    if (height > 1) border.push(values[(height - 1) * width + x]!);
  }
  for (let y = 1; y < height - 1; y++) {
    border.push(values[y * width]!);
    if (width > 1) border.push(values[y * width + width - 1]!);
  }
  const counts = new Map<number, number>();
  let paper = border[0]!;
  for (const v of border) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > counts.get(paper)!) paper = v;
  }
  if (counts.get(paper)! < MIN_BORDER_PAPER_SHARE * border.length) return false;
  let same = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > paper) return false;
    if (values[i] === paper) same++;
  }
  return same >= MIN_PAPER_SHARE * values.length;
}
