/**
 * The one-call functions: `classify()` and `classifyBatch()` on the page's shared default
 * classifier (the same one `<digit-recognizer>` uses), loaded on first use.
 */
import { DigitRecognizerError, throwIfAborted } from './errors.js';
import { preprocess, preprocessNumbered } from './preprocess-input.js';
import { isSharedClassifierReady, sharedClassifier } from './shared-classifiers.js';
import type { Classifier, ClassifyOptions, DigitInput, Prediction } from './types.js';

export { loadClassifier } from './load-classifier.js';
export { preprocess };

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
 * The default classifier and `read()`'s result. While the model loads, the image is read once the
 * model's downloads are under way (a macrotask later: until then the loader only waits on
 * microtasks, and a long read would hold back its requests), so the page reads while it waits
 * for the network rather than after.
 */
async function whileLoading<T>(read: () => Promise<T>): Promise<[Classifier, T]> {
  if (isSharedClassifierReady(undefined)) return [await getDefaultClassifier(), await read()];
  const loading = getDefaultClassifier();
  const reading = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(read);
  return Promise.all([loading, reading]);
}

/**
 * Reads one handwritten digit from an image, with the shared default classifier. On the first
 * call the image is read while the model downloads, not after it, and a bad input is reported
 * without waiting for the model.
 *
 * @example
 * ```ts
 * const { digit, confidence, uncertain } = await classify(fileInput.files[0]);
 * ```
 */
export async function classify(input: DigitInput, options: ClassifyOptions = {}): Promise<Prediction> {
  throwIfAborted(options.signal);
  const [classifier, pre] = await whileLoading(() => preprocess(input));
  throwIfAborted(options.signal);
  return classifier.classifyPreprocessed(pre, options);
}

/**
 * Reads a digit from each image in one model call; results follow the order of `inputs`.
 *
 * @example
 * ```ts
 * const predictions = await classifyBatch([...fileInput.files]);
 * ```
 */
export async function classifyBatch(inputs: DigitInput[], options: ClassifyOptions = {}): Promise<Prediction[]> {
  if (!Array.isArray(inputs)) {
    throw new DigitRecognizerError('INVALID_INPUT', 'classifyBatch() needs an array of inputs.');
  }
  throwIfAborted(options.signal);
  const [classifier, pres] = await whileLoading(() => Promise.all(inputs.map(preprocessNumbered)));
  throwIfAborted(options.signal);
  return classifier.classifyPreprocessedBatch(pres, options);
}
