/**
 * Reading one camera frame: a digit (`preprocess()` and the classifier) or, in number mode, a
 * number (`readNumber()`). A frame with no digit in it is no answer, not an error: the camera is
 * often pointed at nothing in particular.
 */
import { preprocess, readNumber } from '../index.js';
import type { Classifier } from '../index.js';
import type { LiveReading } from './camera-controller.js';

export interface FrameReadOptions {
  classifier: Classifier;
  number: boolean;
  uncertainBelow: number;
  signal: AbortSignal;
}

/** The frame's digit or number with boxes in the frame's pixels; null when there is none. */
export async function readCameraFrame(
  frame: HTMLCanvasElement,
  { classifier, number, uncertainBelow, signal }: FrameReadOptions,
): Promise<LiveReading | null> {
  try {
    if (number) {
      const reading = await readNumber(frame, { classifier, uncertainBelow, signal });
      if (reading.digits.length === 0) return null;
      return { key: reading.text, reading, boxes: reading.digits.map((digit) => digit.box) };
    }
    const preprocessed = await preprocess(frame);
    signal.throwIfAborted();
    const prediction = await classifier.classifyPreprocessed(preprocessed, { uncertainBelow, signal });
    return { key: String(prediction.digit), prediction, boxes: [preprocessed.box] };
  } catch {
    // EMPTY_IMAGE (nothing in the box), an aborted read, a frame the browser could not give.
    return null;
  }
}
