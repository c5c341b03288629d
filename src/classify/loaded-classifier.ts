/**
 * A classifier on the thread it is loaded on (the page's, or the reading worker's): the model,
 * the backend and the verdicts. `loadClassifier()` (`load-classifier.ts`) chooses the thread.
 */
import { MODEL_SIZE } from '../preprocess/mnist-normalize.js';
import type { ModelFiles, PackageAssets } from './asset-types.js';
import { currentAssets } from './assets.js';
import { currentBackend, ensureBackend, wasmUrlsIn } from './backend.js';
import { DigitRecognizerError, throwIfAborted } from './errors.js';
import { loadNetwork } from './model-loader.js';
import type { Network } from './network.js';
import { preprocess, preprocessNumbered } from './preprocess-input.js';
import { verdictOf } from './verdict.js';
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
/** Default `notDigitScore` at or above which a prediction is `uncertain`: not a digit. */
export const DEFAULT_NOT_DIGIT_ABOVE = 0.5;
/**
 * Ink covering more of a squarish box than this is a blot or a photo, not a handwritten digit.
 * (A "1" drawn as a straight bar covers its thin box entirely, so thin boxes are exempt.)
 */
const MAX_DIGIT_COVERAGE = 0.75;
const BLOT_MIN_ASPECT = 0.5;

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

/** Classifiers whose `dispose()` ran: a shared one is then loaded afresh on the next request. */
const disposedClassifiers = new WeakSet<Classifier>();

/** Marks a classifier disposed (a worker's, when its worker stops). */
export function markDisposed(classifier: Classifier): void {
  disposedClassifiers.add(classifier);
}

/** True once `classifier.dispose()` ran. */
export function isDisposed(classifier: Classifier): boolean {
  return disposedClassifiers.has(classifier);
}

/** An option that is a share, 0–1, or its default. */
function threshold(name: string, value: number | undefined, fallback: number): number {
  const t = value ?? fallback;
  if (!(t >= 0 && t <= 1))
    throw new DigitRecognizerError('INVALID_INPUT', `${name} must be between 0 and 1; got ${t}.`);
  return t;
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

  readonly worker = false;

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
    const thresholds = {
      uncertainBelow: threshold('uncertainBelow', options.uncertainBelow, DEFAULT_UNCERTAIN_BELOW),
      notDigitAbove: threshold('notDigitAbove', options.notDigitAbove, DEFAULT_NOT_DIGIT_ABOVE),
    };
    if (images.length === 0) return [];
    const batch = new Float32Array(images.length * MODEL_SIZE * MODEL_SIZE);
    images.forEach((img, i) => batch.set(img, i * MODEL_SIZE * MODEL_SIZE));
    const values = await network.infer(batch, images.length);
    const k = network.classes;
    return images.map((_, i) => {
      const hint = hints[i];
      const squarish = hint
        ? Math.min(hint.box.width, hint.box.height) >= BLOT_MIN_ASPECT * Math.max(hint.box.width, hint.box.height)
        : false;
      const blot = hint ? squarish && hint.inkCoverage > MAX_DIGIT_COVERAGE : false;
      return verdictOf(values.subarray(i * k, i * k + k), thresholds, blot);
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
    const pres = await Promise.all(inputs.map(preprocessNumbered));
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
    disposedClassifiers.add(this);
  }
}

/** An absolute URL for a `modelUrl` or `wasmPath` option; relative ones resolve against the page. */
function pageUrl(url: string | URL, what: 'model' | 'wasm'): string {
  try {
    return new URL(String(url), typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch (error) {
    const code = what === 'model' ? 'MODEL_LOAD_FAILED' : 'INVALID_INPUT';
    const message =
      what === 'model'
        ? `Could not load the model from ${String(url)}: not a valid URL`
        : `wasmPath must be a URL; got ${String(url)}.`;
    throw new DigitRecognizerError(code, message, { cause: error });
  }
}

/** Where `options` load from: the model's files, the `.wasm` files and the backend to try first. */
export function loadSources(options: LoadOptions): {
  model: ModelFiles;
  wasm: PackageAssets['wasm'];
  backend: BackendName;
} {
  const assets = currentAssets();
  const model =
    options.modelUrl === undefined ? assets.digitModel : { json: pageUrl(options.modelUrl, 'model'), files: {} };
  const wasm = options.wasmPath === undefined ? assets.wasm : wasmUrlsIn(pageUrl(options.wasmPath, 'wasm'));
  const backend = options.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') {
    throw new DigitRecognizerError('INVALID_INPUT', `backend must be 'wasm' or 'cpu'; got ${String(backend)}.`);
  }
  return { model, wasm, backend };
}

/** A 1 as MNIST draws it: a bar 3 pixels wide and 20 tall, centred in 28×28. */
function clearOne(): Float32Array {
  const pixels = new Float32Array(MODEL_SIZE * MODEL_SIZE);
  for (let y = 4; y < 24; y++) pixels.set([0.6, 1, 0.6], y * MODEL_SIZE + 13);
  return pixels;
}

/** Loads the model and starts the backend on this thread (see `loadClassifier()`). */
export async function loadClassifierHere(options: LoadOptions = {}): Promise<Classifier> {
  const { model, wasm, backend } = loadSources(options);
  // Download the model while the backend starts; the weights become tensors once it has.
  const backendReady = ensureBackend(backend, wasm);
  backendReady.catch(() => undefined);
  const network = await loadNetwork(model, { signal: options.signal, onProgress: options.onProgress, backendReady });
  const classifier = new LoadedClassifier(network, model.json);
  // Warm up: the first inference compiles kernels and allocates; do it before users wait. Before
  // the classifier is handed out, only what a clear digit needs (the shipped model's scout is sure
  // of a clear 1, and reads it alone); the rest a task later, off the first answer's path: a
  // blank image is no digit the scout or the verdict member is sure of, so every member runs.
  await classifier.classifyPreprocessed(clearOne());
  setTimeout(() => {
    classifier.classifyPreprocessed(new Float32Array(MODEL_SIZE * MODEL_SIZE)).catch(() => undefined);
  }, 0);
  return classifier;
}
