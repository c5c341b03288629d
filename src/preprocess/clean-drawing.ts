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
 * `MIN_BORDER_PAPER_SHARE` of its border's, are exactly its lightest value?
 */
export function isCleanDrawing(image: Luminance): boolean {
  const { values, width, height } = image;
  let lightest = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > lightest) lightest = values[i]!;
  let paper = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === lightest) paper++;
  if (paper < MIN_PAPER_SHARE * values.length) return false;
  let border = 0;
  let onBorder = 0;
  for (let x = 0; x < width; x++) {
    for (const y of height > 1 ? [0, height - 1] : [0]) {
      border++;
      if (values[y * width + x] === lightest) onBorder++;
    }
  }
  for (let y = 1; y < height - 1; y++) {
    for (const x of width > 1 ? [0, width - 1] : [0]) {
      border++;
      if (values[y * width + x] === lightest) onBorder++;
    }
  }
  return onBorder >= MIN_BORDER_PAPER_SHARE * border;
}
