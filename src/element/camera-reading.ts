/**
 * Reading one camera frame: a digit (`preprocess()` and the classifier) or, in number mode, a
 * number (`readNumber()`). A frame with no digit in it is no answer, not an error: the camera is
 * often pointed at nothing in particular.
 */
import { readNumber } from '../index.js';
import type { Classifier } from '../index.js';
import type { LiveReading } from './camera-controller.js';
import { readDigit } from './card-reading.js';

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
      // Nothing but marks that are no digits: no answer.
      if (reading.digits.length === 0) return null;
      return { key: reading.text, reading, boxes: reading.digits.map((digit) => digit.box) };
    }
    const { prediction, preprocessed } = await readDigit(classifier, frame, { uncertainBelow, signal });
    // A letter, a doodle or two digits in the box: no answer, as for an empty frame.
    if (prediction.reason === 'not-a-digit') return null;
    return { key: String(prediction.digit), prediction, boxes: [preprocessed.box] };
  } catch {
    // EMPTY_IMAGE (nothing in the box), an aborted read, a frame the browser could not give.
    return null;
  }
}

/**
 * Reads a made-up frame once (a stroke on white, the size of a real frame) so the first real
 * frame does not pay for compiling the reading code and the model's kernels. Run while the
 * camera starts; never rejects.
 */
export async function warmUpFrameReading(options: Omit<FrameReadOptions, 'signal'>): Promise<void> {
  const frame = document.createElement('canvas');
  frame.width = options.number ? 480 : 240;
  frame.height = options.number ? 180 : 240;
  const ctx = frame.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, frame.width, frame.height);
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 12;
  ctx.beginPath();
  ctx.moveTo(frame.width / 2, frame.height * 0.2);
  ctx.lineTo(frame.width / 2, frame.height * 0.8);
  ctx.stroke();
  await readCameraFrame(frame, { ...options, signal: new AbortController().signal });
}

/** Where a camera's frames get their model and settings: the element's, read afresh each time. */
export interface FrameReadingSource {
  classifier(): Promise<Classifier>;
  numberMode(): boolean;
  uncertainBelow(): number;
}

/** The camera controller's `readFrame` and `warmUp`, reading with `source`'s model and mode. */
export function frameReading(source: FrameReadingSource): {
  readFrame(frame: HTMLCanvasElement, signal: AbortSignal): Promise<LiveReading | null>;
  warmUp(): Promise<void>;
} {
  const settings = () => ({ number: source.numberMode(), uncertainBelow: source.uncertainBelow() });
  return {
    readFrame: async (frame, signal) =>
      readCameraFrame(frame, { classifier: await source.classifier(), ...settings(), signal }),
    warmUp: async () => {
      const classifier = await source.classifier().catch(() => null);
      if (classifier) await warmUpFrameReading({ classifier, ...settings() });
    },
  };
}
