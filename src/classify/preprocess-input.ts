/**
 * `preprocess()`: any accepted input, decoded and turned into the 28×28 image the model sees.
 */
import { decode } from '../preprocess/decode.js';
import { preprocessImage } from '../preprocess/pipeline.js';
import { DigitRecognizerError } from './errors.js';
import type { DigitInput, Preprocessed } from './types.js';

/**
 * Turns any input into the 28×28 image the model sees, with the crop box and ink polarity.
 *
 * @example
 * ```ts
 * const { pixels, box, polarity } = await preprocess(file);
 * ```
 */
export async function preprocess(input: DigitInput): Promise<Preprocessed> {
  if (input === null || input === undefined) {
    throw new DigitRecognizerError('INVALID_INPUT', `classify() needs an image; got ${String(input)}.`);
  }
  try {
    const decoded = await decode(input);
    try {
      return preprocessImage(decoded);
    } finally {
      decoded.release?.();
    }
  } catch (error) {
    if (error instanceof DigitRecognizerError) throw error;
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      `The input could not be read: ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  }
}

/** `preprocess()` of the `i`-th input of a batch: its error says which input it was. */
export function preprocessNumbered(input: DigitInput, i: number): Promise<Preprocessed> {
  return preprocess(input).catch((error: DigitRecognizerError) => {
    throw new DigitRecognizerError(error.code, `Input ${i}: ${error.message}`, { cause: error });
  });
}
