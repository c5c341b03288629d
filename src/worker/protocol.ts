/**
 * The messages between a page and the Web Worker that reads its images (`dist/worker.js`, or
 * the CDN script run as a worker). Everything here survives `postMessage()`: no functions, no
 * signals, no DOM objects; images travel as Blobs, ImageBitmaps (transferred), ImageData or
 * typed arrays.
 */
import type { PackageAssets } from '../classify/asset-types.js';
import type { BackendName, ClassifyOptions, Prediction, Preprocessed, RawPixels } from '../classify/types.js';
import type { DigitRecognizerErrorCode } from '../classify/errors.js';
import type { NumberReading } from '../number/read-number.js';

/** An image as it travels to the worker. */
export type WorkerInput = Blob | ImageBitmap | ImageData | RawPixels | ArrayBuffer | Uint8Array | string;

/** The thresholds of a call (its `signal` stays on the page). */
export type Thresholds = Pick<ClassifyOptions, 'uncertainBelow' | 'notDigitAbove'>;

/** A digit read with what the model saw: the element shows both. */
export interface DetailedPrediction {
  prediction: Prediction;
  preprocessed: Preprocessed;
}

/** What each request asks for, and what its answer holds. */
export interface Operations {
  load: {
    request: { assets: PackageAssets; modelUrl: string | null; backend: BackendName };
    answer: { backend: BackendName; modelUrl: string };
  };
  classify: { request: { input: WorkerInput; options: Thresholds }; answer: Prediction };
  'classify-batch': { request: { inputs: WorkerInput[]; options: Thresholds }; answer: Prediction[] };
  'classify-preprocessed': {
    request: { inputs: Array<Preprocessed | Float32Array>; options: Thresholds };
    answer: Prediction[];
  };
  'classify-in-detail': { request: { input: WorkerInput; options: Thresholds }; answer: DetailedPrediction };
  'read-number': { request: { input: WorkerInput; options: Thresholds & { lines?: boolean } }; answer: NumberReading };
  dispose: { request: Record<string, never>; answer: null };
  /** The page stopped waiting for request `of`: skip it if it has not started. */
  cancel: { request: { of: number }; answer: null };
}

export type Operation = keyof Operations;

/** A request: its number, its operation and that operation's arguments. */
export type WorkerRequest = {
  [Op in Operation]: { id: number; op: Op } & Operations[Op]['request'];
}[Operation];

/** A failure, as a `DigitRecognizerError` is rebuilt from it on the page. */
export interface WorkerFailure {
  code: DigitRecognizerErrorCode;
  message: string;
  /** A model whose server answered with something else (see `isMisplacedModel()`). */
  misplaced?: boolean;
}

/** What the worker posts: that it started, a load's progress, or a request's answer. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'answer'; id: number; value: unknown }
  | { type: 'failure'; id: number; failure: WorkerFailure };
