/**
 * `loadClassifier()`: a classifier on the page's main thread, or, with `worker: true`, in a Web
 * Worker, falling back to the main thread (with one console warning) where a worker cannot run.
 */
import { currentAssets, getAssetPath } from './assets.js';
import { loadClassifierHere, loadSources } from './loaded-classifier.js';
import type { Classifier, LoadOptions } from './types.js';
import { startPackageWorker } from './worker-url.js';
import { loadInWorker } from '../worker/worker-classifier.js';

let warned = false;

/** Says once per page why images are read on the main thread after all. */
function warnOnce(why: string): void {
  if (warned) return;
  warned = true;
  console.warn(`digit-recognizer: ${why}, so images are read on the main thread (the page may stutter).`);
}

/** Why a worker cannot read here, or null when it can. */
function workerMissing(): string | null {
  if (typeof Worker !== 'function') return 'Web Workers are not available here';
  if (typeof OffscreenCanvas !== 'function') return 'OffscreenCanvas is not available here for a worker to draw on';
  if (typeof createImageBitmap !== 'function') return 'createImageBitmap() is not available here';
  return null;
}

/** The classifier in a new worker, or null (with the reason said once) when none could start. */
async function loadInNewWorker(options: LoadOptions): Promise<Classifier | null> {
  const missing = workerMissing();
  if (missing) {
    warnOnce(missing);
    return null;
  }
  const { model, wasm, backend } = loadSources(options);
  let worker: Worker;
  try {
    worker = startPackageWorker(getAssetPath());
  } catch (error) {
    warnOnce(`the reading worker could not start (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const classifier = await loadInWorker(worker, {
    assets: { ...currentAssets(), digitModel: model, wasm },
    modelUrl: null,
    backend,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  if (!classifier) {
    warnOnce(
      'the reading worker could not start (its script was not found, or the Content-Security-Policy forbids it: ' +
        "allow it with worker-src 'self' blob:)",
    );
  }
  return classifier;
}

/**
 * Loads the model (once per call) and starts the backend. Use it to choose the model URL, the
 * `.wasm` folder or the backend, to show download progress, to read off the main thread
 * (`worker: true`), or to free memory with `dispose()`.
 *
 * @example
 * ```ts
 * const classifier = await loadClassifier({ worker: true, onProgress: (f) => (bar.value = f) });
 * const { digit } = await classifier.classify(canvas);
 * classifier.dispose();
 * ```
 */
export async function loadClassifier(options: LoadOptions = {}): Promise<Classifier> {
  if (options.worker) {
    const inWorker = await loadInNewWorker(options);
    if (inWorker) return inWorker;
  }
  return loadClassifierHere(options);
}
