/**
 * One classifier per model URL for the whole page, shared by `classify()`, `readNumber()` and
 * every `<digit-recognizer>`. A load that fails, or a classifier that was disposed, is
 * forgotten, so the next request (e.g. a Retry button) loads it afresh.
 */
import { currentAssets } from './assets.js';
import { isDisposed, loadClassifier } from './loaded-classifier.js';
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

/** The cache key: the absolute model URL, the default model's when none is given. */
function keyOf(modelUrl: string | undefined): string {
  if (!modelUrl) return currentAssets().digitModel.json;
  try {
    return new URL(modelUrl, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch {
    return modelUrl; // loadClassifier() reports the bad URL
  }
}

function usable(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && !(entry.loaded && isDisposed(entry.loaded));
}

function load(key: string, modelUrl: string | undefined): Entry {
  const entry: Entry = {
    promise: Promise.resolve(null as unknown as Classifier),
    loaded: null,
    progress: 0,
    settled: false,
    listeners: new Set(),
  };
  entry.promise = loadClassifier({
    ...(modelUrl ? { modelUrl } : {}),
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
 * use. `onProgress` hears the download progress (0–1) of the shared load.
 */
export function sharedClassifier(modelUrl: string | undefined, onProgress?: ProgressListener): SharedClassifier {
  const key = keyOf(modelUrl);
  const cached = cache.get(key);
  const entry = usable(cached) ? cached : load(key, modelUrl);
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
export function isSharedClassifierReady(modelUrl: string | undefined): boolean {
  const entry = cache.get(keyOf(modelUrl));
  return usable(entry) && entry.settled && entry.loaded !== null;
}
