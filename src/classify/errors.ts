/**
 * Every failure `digit-recognizer` reports, as one error class with a stable `code`.
 */

/**
 * Why a call failed:
 * - `INVALID_INPUT`: not an image we accept (null, a wrong type, raw pixels of the wrong length, NaN).
 * - `DECODE_FAILED`: bytes that are not a readable image (a PDF renamed .png, a truncated PNG, an empty Blob).
 * - `EMPTY_IMAGE`: an image with no ink on it (a blank page, a zero-size canvas).
 * - `MODEL_LOAD_FAILED`: the model could not be fetched or parsed; the message names the URL.
 * - `BACKEND_UNAVAILABLE`: neither the WASM nor the CPU backend of TensorFlow.js could start.
 * - `DISPOSED`: the classifier was disposed before or during the call.
 * - `CAMERA_DENIED`: the user or the page's permissions policy refused the camera.
 * - `CAMERA_NOT_FOUND`: the device has no camera (or none that fits).
 * - `CAMERA_IN_USE`: the camera is there but could not start, usually because another app holds it.
 * - `CAMERA_INSECURE`: the page is not served over HTTPS (or localhost), so browsers offer no camera.
 * - `CAMERA_UNAVAILABLE`: this browser offers no camera API, or the camera failed for another reason.
 */
export type DigitRecognizerErrorCode =
  | 'INVALID_INPUT'
  | 'DECODE_FAILED'
  | 'EMPTY_IMAGE'
  | 'MODEL_LOAD_FAILED'
  | 'BACKEND_UNAVAILABLE'
  | 'DISPOSED'
  | 'CAMERA_DENIED'
  | 'CAMERA_NOT_FOUND'
  | 'CAMERA_IN_USE'
  | 'CAMERA_INSECURE'
  | 'CAMERA_UNAVAILABLE';

/**
 * The error every public function rejects with.
 *
 * @example
 * ```ts
 * try {
 *   await classify(file);
 * } catch (error) {
 *   if (error instanceof DigitRecognizerError && error.code === 'EMPTY_IMAGE') {
 *     showHint('Write a digit first');
 *   }
 * }
 * ```
 */
export class DigitRecognizerError extends Error {
  /** A stable, machine-readable reason; see {@link DigitRecognizerErrorCode}. */
  readonly code: DigitRecognizerErrorCode;

  constructor(code: DigitRecognizerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DigitRecognizerError';
    this.code = code;
  }
}

/**
 * True when `error` is a {@link DigitRecognizerError}, optionally with the given code.
 *
 * @example
 * ```ts
 * const result = await classify(file).catch((error) => {
 *   if (isDigitRecognizerError(error, 'DECODE_FAILED')) return null;
 *   throw error;
 * });
 * ```
 */
export function isDigitRecognizerError(error: unknown, code?: DigitRecognizerErrorCode): error is DigitRecognizerError {
  return error instanceof DigitRecognizerError && (code === undefined || error.code === code);
}

/** Throws the signal's reason (an `AbortError` by default) once `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}
