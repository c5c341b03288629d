/**
 * The public functions: `loadClassifier()` for explicit control, and `classify()`,
 * `classifyBatch()` and `preprocess()` on a shared default classifier loaded on first use.
 */
import { tensor4d, tidy } from '@tensorflow/tfjs-core';
import { decode } from '../preprocess/decode.js';
import { MODEL_SIZE } from '../preprocess/mnist-normalize.js';
import { preprocessImage } from '../preprocess/pipeline.js';
import { assetUrl, DEFAULT_MODEL_PATH, WASM_DIR } from './assets.js';
import { currentBackend, ensureBackend } from './backend.js';
import { DigitRecognizerError } from './errors.js';
import { loadNetwork } from './model-loader.js';
import type { Network } from './network.js';
import type {
  BackendName,
  Classifier,
  ClassifyOptions,
  DigitInput,
  LoadOptions,
  Prediction,
  Preprocessed,
} from './types.js';

/** Default confidence below which a prediction is `uncertain`. */
export const DEFAULT_UNCERTAIN_BELOW = 0.7;
/**
 * Ink covering more of a squarish box than this is a blot or a photo, not a handwritten digit.
 * (A "1" drawn as a straight bar covers its thin box entirely, so thin boxes are exempt.)
 */
const MAX_DIGIT_COVERAGE = 0.75;
const BLOT_MIN_ASPECT = 0.5;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

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

function toPixels(input: Preprocessed | Float32Array): Float32Array {
  const pixels = input instanceof Float32Array ? input : input?.pixels;
  if (!(pixels instanceof Float32Array) || pixels.length !== MODEL_SIZE * MODEL_SIZE) {
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      `A preprocessed image is ${MODEL_SIZE * MODEL_SIZE} floats (28×28).`,
    );
  }
  return pixels;
}

class LoadedClassifier implements Classifier {
  private network: Network | null;

  constructor(
    network: Network,
    readonly modelUrl: string,
  ) {
    this.network = network;
  }

  get backend(): BackendName {
    return currentBackend();
  }

  private live(): Network {
    if (!this.network) throw new DigitRecognizerError('DISPOSED', 'This classifier was disposed; load a new one.');
    return this.network;
  }

  private async run(
    images: Float32Array[],
    hints: Array<Preprocessed | null>,
    options: ClassifyOptions,
  ): Promise<Prediction[]> {
    const network = this.live();
    const threshold = options.uncertainBelow ?? DEFAULT_UNCERTAIN_BELOW;
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new DigitRecognizerError('INVALID_INPUT', `uncertainBelow must be between 0 and 1; got ${threshold}.`);
    }
    if (images.length === 0) return [];
    const batch = new Float32Array(images.length * MODEL_SIZE * MODEL_SIZE);
    images.forEach((img, i) => batch.set(img, i * MODEL_SIZE * MODEL_SIZE));
    const output = tidy(() => network.predict(tensor4d(batch, [images.length, MODEL_SIZE, MODEL_SIZE, 1])));
    let values: Float32Array;
    try {
      values = (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
    return images.map((_, i) => {
      const probabilities = Array.from(values.subarray(i * 10, i * 10 + 10));
      const sum = probabilities.reduce((a, b) => a + b, 0) || 1;
      for (let d = 0; d < 10; d++) probabilities[d] = probabilities[d]! / sum;
      let digit = 0;
      for (let d = 1; d < 10; d++) if (probabilities[d]! > probabilities[digit]!) digit = d;
      const confidence = probabilities[digit]!;
      const hint = hints[i];
      const squarish = hint
        ? Math.min(hint.box.width, hint.box.height) >= BLOT_MIN_ASPECT * Math.max(hint.box.width, hint.box.height)
        : false;
      const blot = hint ? squarish && hint.inkCoverage > MAX_DIGIT_COVERAGE : false;
      return { digit, confidence, probabilities, uncertain: confidence < threshold || blot };
    });
  }

  async classify(input: DigitInput, options: ClassifyOptions = {}): Promise<Prediction> {
    this.live();
    throwIfAborted(options.signal);
    const pre = await preprocess(input);
    throwIfAborted(options.signal);
    const [prediction] = await this.run([pre.pixels], [pre], options);
    return prediction!;
  }

  async classifyBatch(inputs: DigitInput[], options: ClassifyOptions = {}): Promise<Prediction[]> {
    this.live();
    if (!Array.isArray(inputs)) {
      throw new DigitRecognizerError('INVALID_INPUT', 'classifyBatch() needs an array of inputs.');
    }
    throwIfAborted(options.signal);
    const pres = await Promise.all(
      inputs.map((input, i) =>
        preprocess(input).catch((error: DigitRecognizerError) => {
          throw new DigitRecognizerError(error.code, `Input ${i}: ${error.message}`, { cause: error });
        }),
      ),
    );
    throwIfAborted(options.signal);
    return this.run(
      pres.map((p) => p.pixels),
      pres,
      options,
    );
  }

  async classifyPreprocessed(input: Preprocessed | Float32Array, options: ClassifyOptions = {}): Promise<Prediction> {
    const pixels = toPixels(input);
    const [prediction] = await this.run([pixels], [input instanceof Float32Array ? null : input], options);
    return prediction!;
  }

  async classifyPreprocessedBatch(
    inputs: Array<Preprocessed | Float32Array>,
    options: ClassifyOptions = {},
  ): Promise<Prediction[]> {
    if (!Array.isArray(inputs)) {
      throw new DigitRecognizerError('INVALID_INPUT', 'classifyPreprocessedBatch() needs an array.');
    }
    return this.run(
      inputs.map(toPixels),
      inputs.map((input) => (input instanceof Float32Array ? null : input)),
      options,
    );
  }

  dispose(): void {
    this.network?.dispose();
    this.network = null;
    if (defaultClassifier) {
      void defaultClassifier.then(
        (c) => {
          if (c === this) defaultClassifier = null;
        },
        () => undefined,
      );
    }
  }
}

/**
 * Loads the model (once per call) and starts the backend. Use it to choose the model URL, the
 * `.wasm` folder or the backend, to show download progress, or to free memory with `dispose()`.
 *
 * @example
 * ```ts
 * const classifier = await loadClassifier({ onProgress: (f) => (bar.value = f) });
 * const { digit } = await classifier.classify(canvas);
 * classifier.dispose();
 * ```
 */
export async function loadClassifier(options: LoadOptions = {}): Promise<Classifier> {
  const modelUrl = String(options.modelUrl ?? assetUrl(DEFAULT_MODEL_PATH));
  let resolved: string;
  try {
    resolved = new URL(modelUrl, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch (error) {
    throw new DigitRecognizerError('MODEL_LOAD_FAILED', `Could not load the model from ${modelUrl}: not a valid URL`, {
      cause: error,
    });
  }
  const wasmPath = String(options.wasmPath ?? assetUrl(WASM_DIR));
  const preferred = options.backend ?? 'wasm';
  if (preferred !== 'wasm' && preferred !== 'cpu') {
    throw new DigitRecognizerError('INVALID_INPUT', `backend must be 'wasm' or 'cpu'; got ${String(preferred)}.`);
  }
  // Download the model while the backend starts; the weights become tensors once it has.
  const backendReady = ensureBackend(preferred, wasmPath.endsWith('/') ? wasmPath : `${wasmPath}/`);
  backendReady.catch(() => undefined);
  const network = await loadNetwork(resolved, { signal: options.signal, onProgress: options.onProgress, backendReady });
  const classifier = new LoadedClassifier(network, resolved);
  // Warm up: the first inference compiles kernels and allocates; do it before users wait.
  await classifier.classifyPreprocessed(new Float32Array(MODEL_SIZE * MODEL_SIZE));
  return classifier;
}

let defaultClassifier: Promise<Classifier> | null = null;

/**
 * The shared classifier behind `classify()`, loaded on first use with the default options.
 *
 * @example
 * ```ts
 * // Start the download early, e.g. when the page loads, so the first answer is instant.
 * void getDefaultClassifier();
 * ```
 */
export function getDefaultClassifier(): Promise<Classifier> {
  if (!defaultClassifier) {
    const loading = loadClassifier();
    defaultClassifier = loading;
    // A failed load (offline, 404) is retried on the next call instead of failing forever.
    loading.catch(() => {
      if (defaultClassifier === loading) defaultClassifier = null;
    });
  }
  return defaultClassifier;
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
