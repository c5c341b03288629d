/**
 * The element's model, loaded as a task (idle → loading → ready or error, as `@lit/task` does):
 * it joins the page's shared classifier for a model URL (in a Web Worker), reports its download progress, and drops
 * what a load that a newer one replaced comes back with.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DigitRecognizerError, isDigitRecognizerError } from '../index.js';
import type { Classifier } from '../index.js';
import { isSharedClassifierReady, sharedClassifier } from '../classify/shared-classifiers.js';

/** Every element reads in the page's shared Web Worker, so the page stays smooth. */
const IN_WORKER = { worker: true };

export type ModelState = 'idle' | 'loading' | 'ready' | 'error';

export interface ModelEvents {
  /** The model is ready (again). */
  onReady(): void;
  /** The model failed to load: say so, once per load. */
  onError(error: DigitRecognizerError): void;
}

function toLoadError(reason: unknown): DigitRecognizerError {
  if (isDigitRecognizerError(reason)) return reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  return new DigitRecognizerError('MODEL_LOAD_FAILED', message, { cause: reason });
}

export class ModelController implements ReactiveController {
  /** Where the load stands; the host re-renders on every change. */
  state: ModelState = 'idle';
  /** Download progress, 0–1, while loading. */
  progress = 0;
  /** Why the last load failed. */
  error: DigitRecognizerError | null = null;
  /** True once the loaded classifier reads in a Web Worker (false after a fallback). */
  inWorker = false;

  private classifier: Promise<Classifier> | null = null;
  private loadedKey: string | null = null;
  private loadId = 0;
  private releaseProgress: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: ModelEvents,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.releaseProgress?.();
    this.releaseProgress = null;
  }

  /** True when `key` (a model URL, `''` for the default) is not the one loaded or loading. */
  isStale(key: string): boolean {
    return key !== this.loadedKey;
  }

  /** True once any model was asked for. */
  get started(): boolean {
    return this.loadedKey !== null;
  }

  /** The classifier being loaded or loaded, if any. */
  get current(): Promise<Classifier> | null {
    return this.classifier;
  }

  /** Starts (or joins) loading the classifier for `key`. */
  load(key: string): Promise<Classifier> {
    const id = ++this.loadId;
    this.releaseProgress?.();
    this.loadedKey = key;
    this.state = isSharedClassifierReady(key || undefined, IN_WORKER) ? 'ready' : 'loading';
    this.progress = 0;
    this.error = null;
    this.host.requestUpdate();
    const shared = sharedClassifier(
      key || undefined,
      (fraction) => {
        if (id !== this.loadId) return;
        this.progress = fraction;
        this.host.requestUpdate();
      },
      IN_WORKER,
    );
    this.releaseProgress = shared.release;
    const promise = shared.promise;
    this.classifier = promise;
    promise.then(
      (classifier) => {
        if (id !== this.loadId) return;
        shared.release();
        this.inWorker = classifier.worker;
        this.state = 'ready';
        this.host.requestUpdate();
        this.events.onReady();
      },
      (reason: unknown) => {
        if (id !== this.loadId) return;
        shared.release();
        this.state = 'error';
        this.error = toLoadError(reason);
        this.host.requestUpdate();
        this.events.onError(this.error);
      },
    );
    return promise;
  }

  /** Loads the model again after a failure (the retry button). */
  readonly retry = (): void => {
    if (this.loadedKey !== null) void this.load(this.loadedKey);
  };

  /** The classifier for `key`; after a failed load, asking again tries loading again. */
  get(key: string): Promise<Classifier> {
    if (!this.classifier || this.state === 'error') return this.load(key);
    return this.classifier;
  }
}
