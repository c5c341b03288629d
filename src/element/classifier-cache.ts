/**
 * One classifier per distinct model URL, shared by every `<digit-recognizer>` on the page. A load
 * that fails is forgotten, so the next request (e.g. a Retry button) tries again.
 */
import { loadClassifier } from '../index.js';
import type { Classifier } from '../index.js';

type ProgressListener = (fraction: number) => void;

interface Entry {
  promise: Promise<Classifier>;
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

/**
 * The classifier for `modelUrl` (the package's default model when empty), loading it on first
 * use. `onProgress` hears the download progress (0–1) of the shared load.
 */
export function getSharedClassifier(modelUrl: string | undefined, onProgress?: ProgressListener): SharedClassifier {
  const key = modelUrl ?? '';
  let entry = cache.get(key);
  if (!entry) {
    const created: Entry = {
      promise: undefined as unknown as Promise<Classifier>,
      progress: 0,
      settled: false,
      listeners: new Set(),
    };
    created.promise = loadClassifier({
      ...(modelUrl ? { modelUrl } : {}),
      onProgress: (fraction) => {
        created.progress = fraction;
        for (const listener of created.listeners) listener(fraction);
      },
    });
    created.promise.then(
      () => {
        created.settled = true;
        created.listeners.clear();
      },
      () => {
        created.settled = true;
        created.listeners.clear();
        if (cache.get(key) === created) cache.delete(key);
      },
    );
    cache.set(key, created);
    entry = created;
  }
  const current = entry;
  if (onProgress && !current.settled) {
    current.listeners.add(onProgress);
    if (current.progress > 0) onProgress(current.progress);
  }
  return {
    promise: current.promise,
    release: () => {
      if (onProgress) current.listeners.delete(onProgress);
    },
  };
}

/** True when the classifier for `modelUrl` has already loaded successfully. */
export function isClassifierCached(modelUrl: string | undefined): boolean {
  const entry = cache.get(modelUrl ?? '');
  return entry !== undefined && entry.settled;
}
