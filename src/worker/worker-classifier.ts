/**
 * A classifier whose model lives in a Web Worker: `loadClassifier({ worker: true })` and every
 * `<digit-recognizer>` use one, so decoding, preprocessing and inference never block the page.
 * The page keeps only a message port: each call posts its image (transferred where it can be)
 * and waits for the answer with its number.
 */
import type { PackageAssets } from '../classify/asset-types.js';
import { DigitRecognizerError, throwIfAborted } from '../classify/errors.js';
import { markDisposed } from '../classify/loaded-classifier.js';
import { markMisplaced } from '../classify/model-loader.js';
import type {
  BackendName,
  Classifier,
  ClassifyOptions,
  DigitInput,
  Prediction,
  Preprocessed,
} from '../classify/types.js';
import type { NumberReading } from '../number/read-number.js';
import type {
  DetailedPrediction,
  Operation,
  Operations,
  Thresholds,
  WorkerFailure,
  WorkerReply,
  WorkerRequest,
} from './protocol.js';
import { toWorkerInput, type PostedInput } from './worker-input.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ((fraction: number) => void) | undefined;
}

interface CallOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
  transfer?: Transferable[];
}

const stopped = (): DigitRecognizerError =>
  new DigitRecognizerError(
    'DISPOSED',
    'The Web Worker that reads the images stopped (the page ran out of memory?). Load a new classifier.',
  );

/** The worker's failure as the error the main thread would have thrown. */
function errorOf(failure: WorkerFailure): DigitRecognizerError {
  const error = new DigitRecognizerError(failure.code, failure.message);
  if (failure.misplaced) markMisplaced(error);
  return error;
}

function thresholdsOf(options: ClassifyOptions): Thresholds {
  return {
    ...(options.uncertainBelow !== undefined ? { uncertainBelow: options.uncertainBelow } : {}),
    ...(options.notDigitAbove !== undefined ? { notDigitAbove: options.notDigitAbove } : {}),
  };
}

/** Frees the bitmaps made for a request that never left (they were copies of the caller's). */
function closeBitmaps(transfer: Transferable[]): void {
  for (const item of transfer) if (typeof ImageBitmap === 'function' && item instanceof ImageBitmap) item.close();
}

/** The worker and the requests waiting for its answers. */
export class WorkerConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: DigitRecognizerError | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly onStop: () => void,
  ) {
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      // Said once, by the rejection; not again as an uncaught error of the page.
      event.preventDefault();
      this.stop(stopped());
    });
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'ready') return;
    const pending = this.pending.get(reply.id);
    if (!pending) return; // aborted meanwhile
    if (reply.type === 'progress') {
      pending.onProgress?.(reply.fraction);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'answer') pending.resolve(reply.value);
    else pending.reject(errorOf(reply.failure));
  }

  /** Posts a request and resolves with its answer; an aborted signal rejects at once. */
  call<Op extends Operation>(
    op: Op,
    args: Operations[Op]['request'],
    { signal, onProgress, transfer = [] }: CallOptions = {},
  ): Promise<Operations[Op]['answer']> {
    if (this.failure) {
      closeBitmaps(transfer);
      return Promise.reject(this.failure);
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        if (this.pending.delete(id) && !this.failure)
          this.worker.postMessage({ id: this.nextId++, op: 'cancel', of: id });
        reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      };
      if (signal?.aborted) {
        closeBitmaps(transfer);
        return onAbort();
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T): void => {
          signal?.removeEventListener('abort', onAbort);
          then(value);
        };
      this.pending.set(id, {
        resolve: settle(resolve as (value: unknown) => void),
        reject: settle(reject),
        onProgress,
      });
      try {
        this.worker.postMessage({ id, op, ...args } as WorkerRequest, transfer);
      } catch (error) {
        this.pending.delete(id);
        closeBitmaps(transfer);
        signal?.removeEventListener('abort', onAbort);
        reject(
          new DigitRecognizerError('INVALID_INPUT', `The input cannot be sent to the worker: ${String(error)}`, {
            cause: error,
          }),
        );
      }
    });
  }

  /** Ends the worker; every waiting request rejects with `error`. */
  stop(error: DigitRecognizerError): void {
    if (this.failure) return;
    this.failure = error;
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.onStop();
  }
}

/** Converts inputs for the trip; a conversion's error names the input, as `classifyBatch()` does. */
async function postedAll(inputs: DigitInput[]): Promise<PostedInput[]> {
  return Promise.all(
    inputs.map((input, i) =>
      toWorkerInput(input).catch((error: DigitRecognizerError) => {
        throw new DigitRecognizerError(error.code, `Input ${i}: ${error.message}`, { cause: error });
      }),
    ),
  );
}

/** A classifier that reads in its own Web Worker. */
export class WorkerClassifier implements Classifier {
  readonly backend: BackendName;
  readonly modelUrl: string;
  readonly worker = true;

  constructor(
    private readonly connection: WorkerConnection,
    loaded: { backend: BackendName; modelUrl: string },
  ) {
    this.backend = loaded.backend;
    this.modelUrl = loaded.modelUrl;
  }

  async classify(input: DigitInput, options: ClassifyOptions = {}): Promise<Prediction> {
    throwIfAborted(options.signal);
    const posted = await toWorkerInput(input);
    return this.connection.call(
      'classify',
      { input: posted.input, options: thresholdsOf(options) },
      { signal: options.signal, transfer: posted.transfer },
    );
  }

  async classifyBatch(inputs: DigitInput[], options: ClassifyOptions = {}): Promise<Prediction[]> {
    if (!Array.isArray(inputs)) {
      throw new DigitRecognizerError('INVALID_INPUT', 'classifyBatch() needs an array of inputs.');
    }
    throwIfAborted(options.signal);
    const posted = await postedAll(inputs);
    return this.connection.call(
      'classify-batch',
      { inputs: posted.map((p) => p.input), options: thresholdsOf(options) },
      { signal: options.signal, transfer: posted.flatMap((p) => p.transfer) },
    );
  }

  async classifyPreprocessed(input: Preprocessed | Float32Array, options: ClassifyOptions = {}): Promise<Prediction> {
    const [prediction] = await this.classifyPreprocessedBatch([input], options);
    return prediction!;
  }

  classifyPreprocessedBatch(
    inputs: Array<Preprocessed | Float32Array>,
    options: ClassifyOptions = {},
  ): Promise<Prediction[]> {
    if (!Array.isArray(inputs)) {
      return Promise.reject(new DigitRecognizerError('INVALID_INPUT', 'classifyPreprocessedBatch() needs an array.'));
    }
    return this.connection.call(
      'classify-preprocessed',
      { inputs, options: thresholdsOf(options) },
      { signal: options.signal },
    );
  }

  /** The digit and the 28×28 image the model saw (the element shows both). */
  async classifyInDetail(input: DigitInput, options: ClassifyOptions = {}): Promise<DetailedPrediction> {
    throwIfAborted(options.signal);
    const posted = await toWorkerInput(input);
    return this.connection.call(
      'classify-in-detail',
      { input: posted.input, options: thresholdsOf(options) },
      { signal: options.signal, transfer: posted.transfer },
    );
  }

  /** `readNumber()`, all of it in the worker. */
  async readNumber(input: DigitInput, options: ClassifyOptions & { lines?: boolean } = {}): Promise<NumberReading> {
    throwIfAborted(options.signal);
    const posted = await toWorkerInput(input);
    return this.connection.call(
      'read-number',
      { input: posted.input, options: { ...thresholdsOf(options), ...(options.lines ? { lines: true } : {}) } },
      { signal: options.signal, transfer: posted.transfer },
    );
  }

  dispose(): void {
    this.connection.stop(new DigitRecognizerError('DISPOSED', 'This classifier was disposed; load a new one.'));
  }
}

/** The worker behind `classifier`, or null when it reads on the page's thread. */
export function workerOf(classifier: Classifier): WorkerClassifier | null {
  return classifier instanceof WorkerClassifier ? classifier : null;
}

/** What loading a model in a worker needs. */
export interface WorkerLoad {
  assets: PackageAssets;
  modelUrl: string | null;
  backend: BackendName;
  onProgress?: ((fraction: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Waits for a new worker to start. False when it cannot (its script was not found, a
 * Content-Security-Policy forbids it): the caller reads on the main thread instead.
 */
function started(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(ok);
    };
    const onMessage = (event: MessageEvent<WorkerReply>): void => {
      if (event.data?.type === 'ready') done(true);
    };
    const onError = (event: Event): void => {
      // The fallback's warning says it; the page sees no uncaught error.
      event.preventDefault();
      done(false);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

/**
 * Loads the model in `worker`. Resolves with null when the worker could not start, so the
 * caller can fall back to the main thread; a model that fails to load there rejects as usual.
 */
export async function loadInWorker(worker: Worker, load: WorkerLoad): Promise<WorkerClassifier | null> {
  if (!(await started(worker))) {
    worker.terminate();
    return null;
  }
  let classifier: WorkerClassifier | null = null;
  const connection = new WorkerConnection(worker, () => {
    if (classifier) markDisposed(classifier);
  });
  try {
    const loaded = await connection.call(
      'load',
      { assets: load.assets, modelUrl: load.modelUrl, backend: load.backend },
      { signal: load.signal, onProgress: load.onProgress },
    );
    classifier = new WorkerClassifier(connection, loaded);
    return classifier;
  } catch (error) {
    connection.stop(new DigitRecognizerError('DISPOSED', 'The model did not load.'));
    throw error;
  }
}
