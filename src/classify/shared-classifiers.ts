/**
 * One classifier per model URL and thread for the whole page: one on the main thread shared by
 * `classify()` and `readNumber()`, one in a Web Worker shared by every `<digit-recognizer>`. A
 * load that fails, or a classifier that was disposed, is forgotten, so the next request (e.g.
 * a Retry button) loads it afresh.
 */
import { currentAssets } from './assets.js';
import { loadClassifier } from './load-classifier.js';
import { isDisposed } from './loaded-classifier.js';
import type { Classifier } from './types.js';

type ProgressListener = (fraction: number) => void;

interface Entry {
  promise: Promise<Classifier>;
  loaded: Classifier | null;
  progress: number;
  settled: boolean;
  listeners: Set<ProgressListener>;
}

const cache = new Map<string, Entry>();

/** A shared classifier request; call `release()` to stop hearing about its progress. */
export interface SharedClassifier {
  promise: Promise<Classifier>;
  release(): void;
}

/** Where a shared classifier reads: on the page's main thread, or in a Web Worker. */
export interface SharedOptions {
  worker?: boolean;
}

/** The absolute model URL, the default model's when none is given. */
function urlOf(modelUrl: string | undefined): string {
  if (!modelUrl) return currentAssets().digitModel.json;
  try {
    return new URL(modelUrl, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch {
    return modelUrl; // loadClassifier() reports the bad URL
  }
}

/** The cache key: the thread and the absolute model URL. */
const keyOf = (modelUrl: string | undefined, { worker = false }: SharedOptions): string =>
  `${worker ? 'worker' : 'main'} ${urlOf(modelUrl)}`;

function usable(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && !(entry.loaded && isDisposed(entry.loaded));
}

function load(key: string, modelUrl: string | undefined, { worker = false }: SharedOptions): Entry {
  const entry: Entry = {
    promise: Promise.resolve(null as unknown as Classifier),
    loaded: null,
    progress: 0,
    settled: false,
    listeners: new Set(),
  };
  entry.promise = loadClassifier({
    ...(modelUrl ? { modelUrl } : {}),
    worker,
    onProgress: (fraction) => {
      entry.progress = fraction;
      for (const listener of entry.listeners) listener(fraction);
    },
  });
  entry.promise.then(
    (classifier) => {
      entry.settled = true;
      entry.listeners.clear();
      entry.loaded = classifier;
    },
    () => {
      entry.settled = true;
      entry.listeners.clear();
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  cache.set(key, entry);
  return entry;
}

/**
 * The classifier for `modelUrl` (the package's default model when empty), loading it on first
 * use, on the main thread or (`worker: true`) in a Web Worker. `onProgress` hears the download
 * progress (0–1) of the shared load.
 */
export function sharedClassifier(
  modelUrl: string | undefined,
  onProgress?: ProgressListener,
  options: SharedOptions = {},
): SharedClassifier {
  const key = keyOf(modelUrl, options);
  const cached = cache.get(key);
  const entry = usable(cached) ? cached : load(key, modelUrl, options);
  if (onProgress && !entry.settled) {
    entry.listeners.add(onProgress);
    if (entry.progress > 0) onProgress(entry.progress);
  }
  return {
    promise: entry.promise,
    release: () => {
      if (onProgress) entry.listeners.delete(onProgress);
    },
  };
}

/** True when the classifier for `modelUrl` has loaded and is ready to use. */
export function isSharedClassifierReady(modelUrl: string | undefined, options: SharedOptions = {}): boolean {
  const entry = cache.get(keyOf(modelUrl, options));
  return usable(entry) && entry.settled && entry.loaded !== null;
}
