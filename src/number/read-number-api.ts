/**
 * The public `readNumber()`: reads with the classifier it is given (the page's shared one by
 * default), in that classifier's Web Worker when it has one.
 */
import { getDefaultClassifier } from '../classify/api.js';
import { DigitRecognizerError } from '../classify/errors.js';
import type { DigitInput } from '../classify/types.js';
import { workerOf } from '../worker/worker-classifier.js';
import { readNumber as readNumberHere, type NumberReading, type ReadNumberOptions } from './read-number.js';

/**
 * Reads a handwritten number: finds each digit (merging the strokes of one digit, splitting
 * touching ones, ignoring specks and underlines) and classifies them left to right. With a
 * classifier from `loadClassifier({ worker: true })`, the whole reading runs in its worker.
 *
 * @example
 * ```ts
 * const { text, confidence, digits } = await readNumber(photoOfPostcode);
 * ```
 */
export async function readNumber(input: DigitInput, options: ReadNumberOptions = {}): Promise<NumberReading> {
  if (input === null || input === undefined) {
    throw new DigitRecognizerError('INVALID_INPUT', `readNumber() needs an image; got ${String(input)}.`);
  }
  const { classifier: given, ...rest } = options;
  const classifier = given ?? (await getDefaultClassifier());
  const worker = workerOf(classifier);
  if (worker) return worker.readNumber(input, rest);
  return readNumberHere(input, { ...rest, classifier });
}
