/**
 * The worker's side: loads the classifier the page asks for and answers its requests, one
 * model for every request, each answer posted back with the request's number.
 */
import { useAssets } from '../classify/assets.js';
import { DigitRecognizerError, isDigitRecognizerError } from '../classify/errors.js';
import { loadClassifierHere } from '../classify/loaded-classifier.js';
import { isMisplacedModel } from '../classify/model-loader.js';
import { preprocess } from '../classify/preprocess-input.js';
import type { Classifier, DigitInput } from '../classify/types.js';
import { readNumber } from '../number/read-number.js';
import type { WorkerFailure, WorkerReply, WorkerRequest } from './protocol.js';

/** What the worker needs of its global scope (typed here: the project's lib is the DOM's). */
export interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

function failureOf(error: unknown): WorkerFailure {
  if (isDigitRecognizerError(error)) {
    return { code: error.code, message: error.message, ...(isMisplacedModel(error) ? { misplaced: true } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INVALID_INPUT', message: `The input could not be read: ${message}` };
}

/** Frees the bitmaps a request brought (the page transferred copies made for it) once it is answered. */
function closeBitmaps(request: WorkerRequest): void {
  const inputs = 'inputs' in request ? request.inputs : 'input' in request ? [request.input] : [];
  for (const input of inputs) if (typeof ImageBitmap === 'function' && input instanceof ImageBitmap) input.close();
}

/** Answers the page's requests on `scope` (a dedicated worker's global scope). */
export function serveReadings(scope: WorkerScope): void {
  let loading: Promise<Classifier> | null = null;

  const classifier = (): Promise<Classifier> => {
    if (!loading) throw new DigitRecognizerError('DISPOSED', 'The worker has no classifier: load one first.');
    return loading;
  };

  async function answer(request: WorkerRequest): Promise<unknown> {
    switch (request.op) {
      case 'load': {
        useAssets(request.assets);
        loading = loadClassifierHere({
          ...(request.modelUrl ? { modelUrl: request.modelUrl } : {}),
          backend: request.backend,
          onProgress: (fraction) => scope.postMessage({ type: 'progress', id: request.id, fraction }),
        });
        const loaded = await loading;
        return { backend: loaded.backend, modelUrl: loaded.modelUrl };
      }
      case 'classify':
        return (await classifier()).classify(request.input as DigitInput, request.options);
      case 'classify-batch':
        return (await classifier()).classifyBatch(request.inputs as DigitInput[], request.options);
      case 'classify-preprocessed':
        return (await classifier()).classifyPreprocessedBatch(request.inputs, request.options);
      case 'classify-in-detail': {
        const loaded = await classifier();
        const preprocessed = await preprocess(request.input as DigitInput);
        return { prediction: await loaded.classifyPreprocessed(preprocessed, request.options), preprocessed };
      }
      case 'read-number':
        return readNumber(request.input as DigitInput, { ...request.options, classifier: await classifier() });
      case 'cancel':
        return null;
      case 'dispose': {
        const loaded = await loading?.catch(() => null);
        loaded?.dispose();
        loading = null;
        return null;
      }
    }
  }

  // Images are read one at a time: twenty 12 MP photos at once would hold twenty decoded
  // bitmaps (about a gigabyte) where one at a time holds one. A request the page stopped
  // waiting for is skipped when its turn comes.
  let queue: Promise<unknown> = Promise.resolve();
  const cancelled = new Set<number>();
  const inTurn = (request: WorkerRequest): Promise<unknown> => {
    if (request.op === 'cancel') {
      cancelled.add(request.of);
      return Promise.resolve(null);
    }
    if (request.op === 'load' || request.op === 'dispose') return answer(request);
    const turn = queue.then(() => {
      if (cancelled.delete(request.id)) throw new DigitRecognizerError('DISPOSED', 'Cancelled by the page.');
      return answer(request);
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  scope.addEventListener('message', (event) => {
    const request = event.data;
    if (request.op === 'cancel') {
      void inTurn(request);
      return;
    }
    void inTurn(request)
      .then(
        (value) => scope.postMessage({ type: 'answer', id: request.id, value }),
        (error: unknown) => scope.postMessage({ type: 'failure', id: request.id, failure: failureOf(error) }),
      )
      .finally(() => closeBitmaps(request));
  });
  scope.postMessage({ type: 'ready' });
}
