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
 * Draws a made-up camera frame: a light note, a little turned, on a darker desk, with a stroke
 * on it, the size of a real frame. Reading it runs every part of a real frame's reading (the
 * surface, the ink inside it, the model), so none of it is compiled on the first real frame.
 */
function warmUpFrame(number: boolean): HTMLCanvasElement {
  const frame = document.createElement('canvas');
  frame.width = number ? 480 : 240;
  frame.height = number ? 180 : 240;
  const ctx = frame.getContext('2d');
  if (!ctx) return frame;
  const { width, height } = frame;
  ctx.fillStyle = '#6b4a34';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(0.08);
  ctx.fillStyle = '#f4efd8';
  ctx.fillRect(-width * 0.35, -height * 0.35, width * 0.7, height * 0.7);
  ctx.strokeStyle = '#1b1b2a';
  ctx.lineWidth = Math.max(3, height / 30);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(-height * 0.12, -height * 0.2);
  ctx.lineTo(height * 0.12, -height * 0.2);
  ctx.lineTo(-height * 0.04, height * 0.22);
  ctx.stroke();
  ctx.restore();
  return frame;
}

/** The classifiers (and modes) a made-up frame was already read with. */
const warmedUp = new WeakMap<Classifier, Set<boolean>>();

/**
 * Reads a made-up frame (see {@link warmUpFrame}) once per classifier and mode, so the first
 * real frame does not pay for compiling the reading code and the model's kernels. Run while the
 * model is idle or the camera starts; never rejects.
 */
export async function warmUpFrameReading(options: Omit<FrameReadOptions, 'signal'>): Promise<void> {
  const modes = warmedUp.get(options.classifier) ?? new Set<boolean>();
  warmedUp.set(options.classifier, modes);
  if (modes.has(options.number)) return;
  modes.add(options.number);
  await readCameraFrame(warmUpFrame(options.number), { ...options, signal: new AbortController().signal });
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
