/**
 * The segment checker's second look at a piece: its ink at the scale of the line, not blown up
 * to fill 20×20 as the digit model sees it. Normalising hides size, and size tells a "21" (as
 * wide as the line is tall) from a wide "2", and a sliver cut off a digit from a "1".
 */
import { MODEL_SIZE } from '../preprocess/mnist-normalize.js';
import type { InkCutOut } from '../preprocess/pipeline.js';
import { resample } from '../preprocess/resample.js';

/** The view spans this many line heights (a square), centred on the piece. */
export const LINE_VIEW_SPAN = 1.6;

/** The piece's ink on a 28×28 square that spans {@link LINE_VIEW_SPAN} line heights. */
export function lineView(cut: InkCutOut, lineHeight: number): Float32Array {
  const { box } = cut;
  const side = Math.max(LINE_VIEW_SPAN * lineHeight, box.width, box.height, 1);
  const window = {
    x: box.x + box.width / 2 - side / 2,
    y: box.y + box.height / 2 - side / 2,
    width: side,
    height: side,
  };
  const view = resample(cut.ink, cut.width, cut.height, window, MODEL_SIZE, MODEL_SIZE);
  let peak = 0;
  for (const v of view) peak = Math.max(peak, v);
  if (peak > 0) for (let i = 0; i < view.length; i++) view[i]! /= peak;
  return view;
}
