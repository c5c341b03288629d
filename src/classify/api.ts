/**
 * The one-call functions: `classify()` and `classifyBatch()` on the page's shared default
 * classifier (the same one `<digit-recognizer>` uses), loaded on first use.
 */
import { sharedClassifier } from './shared-classifiers.js';
import type { Classifier, ClassifyOptions, DigitInput, Prediction } from './types.js';

export { loadClassifier } from './load-classifier.js';
export { preprocess } from './preprocess-input.js';

/**
 * The shared classifier behind `classify()` and every `<digit-recognizer>` with the default
 * model, loaded on first use: a page that uses both downloads the model once.
 *
 * @example
 * ```ts
 * // Start the download early, e.g. when the page loads, so the first answer is instant.
 * void getDefaultClassifier();
 * ```
 */
export function getDefaultClassifier(): Promise<Classifier> {
  return sharedClassifier(undefined).promise;
}

/**
 * Reads one handwritten digit from an image, with the shared default classifier.
 *
 * @example
 * ```ts
 * const { digit, confidence, uncertain } = await classify(fileInput.files[0]);
 * ```
 */
export async function classify(input: DigitInput, options?: ClassifyOptions): Promise<Prediction> {
  return (await getDefaultClassifier()).classify(input, options);
}

/**
 * Reads a digit from each image in one model call; results follow the order of `inputs`.
 *
 * @example
 * ```ts
 * const predictions = await classifyBatch([...fileInput.files]);
 * ```
 */
export async function classifyBatch(inputs: DigitInput[], options?: ClassifyOptions): Promise<Prediction[]> {
  return (await getDefaultClassifier()).classifyBatch(inputs, options);
}
