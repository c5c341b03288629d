/**
 * A drawing made on a canvas (a drawing pad, a digit drawn in a paint program, chalk-white on a
 * black canvas): most of it is one exact shade of paper, around its whole border, and every
 * other pixel is ink on one side of it, all darker or all lighter. A photo never is: its paper
 * has noise, grain and shading. Such a drawing has no writing surface in it to look for, and its
 * paper's level and its ink's side need no estimating: both are known exactly. Estimating them
 * was a large part of the first answer's time (code run once, before the browser compiles it);
 * worse, a bold digit filling the canvas looked like a screen or a note.
 */
import type { Polarity } from '../classify/types.js';
import type { Luminance } from './luminance.js';
import type { Box } from './mnist-normalize.js';

/** At least this share of the pixels is the paper's one shade… */
const MIN_PAPER_SHARE = 0.6;
/** …and this share of the border's (a digit drawn up to the edge leaves the rest). */
const MIN_BORDER_PAPER_SHARE = 0.9;

/** A clean drawing's paper: its one shade, the side of it its ink lies on, and where the ink is. */
export interface CleanPaper {
  level: number;
  polarity: Polarity;
  /** The box around every pixel that is not paper; null on a blank canvas. */
  ink: Box | null;
}

/** The border's pixels, once each. */
function borderOf({ values, width, height }: Luminance): Float32Array {
  const inner = Math.max(0, height - 2);
  const border = new Float32Array(height > 1 ? 2 * width + 2 * inner : width);
  let n = 0;
  for (let x = 0; x < width; x++) border[n++] = values[x]!;
  if (height > 1) for (let x = 0; x < width; x++) border[n++] = values[(height - 1) * width + x]!;
  for (let y = 1; y < height - 1; y++) {
    border[n++] = values[y * width]!;
    border[n++] = width > 1 ? values[y * width + width - 1]! : values[y * width]!;
  }
  return border;
}

/**
 * The paper of `image` when it is a clean drawing: at least `MIN_PAPER_SHARE` of its pixels, and
 * `MIN_BORDER_PAPER_SHARE` of its border's, are exactly one shade, and every other pixel lies on
 * one side of it; null otherwise. The border is looked at first: a photo's is never one shade, so
 * a photo costs a few hundred pixels. A blank canvas counts too (no ink: dark ink on light paper,
 * light ink on dark).
 */
export function cleanDrawingPaper(image: Luminance): CleanPaper | null {
  const border = borderOf(image);
  // The shade most of the border has, if one has most of it (a majority vote, then a count).
  let paper = border[0]!;
  let votes = 0;
  for (let i = 0; i < border.length; i++) {
    const v = border[i]!;
    if (votes === 0) {
      paper = v;
      votes = 1;
    } else votes += v === paper ? 1 : -1;
  }
  let onPaper = 0;
  for (let i = 0; i < border.length; i++) if (border[i] === paper) onPaper++;
  if (onPaper < MIN_BORDER_PAPER_SHARE * border.length) return null;
  const { values, width, height } = image;
  // Paper pixels cost one comparison each (the first reading on a page runs this uncompiled).
  let ink = 0;
  let lighter = false;
  let darker = false;
  let [minX, minY, maxX, maxY] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    const end = (y + 1) * width;
    for (let i = y * width; i < end; i++) {
      if (values[i] === paper) continue;
      if (values[i]! > paper) lighter = true;
      else darker = true;
      if (lighter && darker) return null;
      ink++;
      const x = i - y * width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (values.length - ink < MIN_PAPER_SHARE * values.length) return null;
  const lightInk = lighter || (!darker && paper < 0.5);
  return {
    level: paper,
    polarity: lightInk ? 'light-on-dark' : 'dark-on-light',
    ink: maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
  };
}
