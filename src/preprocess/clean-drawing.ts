/**
 * A drawing made on a canvas (a drawing pad, a digit drawn in a paint program, chalk-white on a
 * black canvas): most of it is one exact shade of paper, around its whole border, and every
 * other pixel is ink on one side of it, all darker or all lighter. A photo never is: its paper
 * has noise, grain and shading. Such a drawing has no writing surface in it to look for, and
 * looking takes most of the first answer's time (the surface search runs over the whole image in
 * code not yet optimised); worse, a bold digit filling the canvas looked like a screen or a note.
 */
import type { Luminance } from './luminance.js';

/** At least this share of the pixels is the paper's one shade… */
const MIN_PAPER_SHARE = 0.6;
/** …and this share of the border's (a digit drawn up to the edge leaves the rest). */
const MIN_BORDER_PAPER_SHARE = 0.9;

/**
 * Is `image` a clean drawing: at least `MIN_PAPER_SHARE` of its pixels, and
 * `MIN_BORDER_PAPER_SHARE` of its border's, are exactly one shade, its lightest or its darkest?
 * The border is looked at first: a photo's is never one shade, so a photo costs a few hundred
 * pixels.
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
  let lighter = false;
  let darker = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === paper) same++;
    else if (v > paper) lighter = true;
    else darker = true;
    if (lighter && darker) return false;
  }
  return same >= MIN_PAPER_SHARE * values.length;
}
