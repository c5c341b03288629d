/**
 * Any input `classify()` accepts, made ready for the trip to the worker: page objects (an
 * `<img>`, a `<canvas>`, an `ImageBitmap`) become a bitmap of their own that is transferred, not
 * copied; files and Blobs go as they are (the worker decodes them, off the main thread); URLs
 * are made absolute against the page; bytes are copied, so the caller's buffers stay usable.
 * Errors that only the page can see (an `<img>` that failed, a zero-size canvas) are the same
 * coded errors as on the main thread.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { DigitInput } from '../classify/types.js';
import type { WorkerInput } from './protocol.js';

/** An input ready to post, and what to transfer with it. */
export interface PostedInput {
  input: WorkerInput;
  transfer: Transferable[];
}

const has = (name: string): boolean => typeof (globalThis as Record<string, unknown>)[name] === 'function';

function emptyImage(width: number, height: number): DigitRecognizerError {
  return new DigitRecognizerError('EMPTY_IMAGE', `The image is ${width}×${height}: it has no pixels.`);
}

/** A bitmap copy of a page image source, to transfer. */
async function bitmapOf(source: ImageBitmapSource, width: number, height: number): Promise<PostedInput> {
  if (width === 0 || height === 0) throw emptyImage(width, height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source);
  } catch (error) {
    throw new DigitRecognizerError('INVALID_INPUT', `The image could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { input: bitmap, transfer: [bitmap] };
}

async function decodedImage(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth > 0) return;
  try {
    await img.decode();
  } catch (error) {
    const from = img.currentSrc || img.src;
    throw new DigitRecognizerError('DECODE_FAILED', `The <img> ${from ? `from ${from} ` : ''}could not be decoded.`, {
      cause: error,
    });
  }
}

function pageUrl(url: string): string {
  if (url.length === 0) return url; // the worker says it is empty
  try {
    return new URL(url, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  } catch {
    return url; // the worker's fetch() reports it
  }
}

/** `input`, ready to post to the worker. */
export async function toWorkerInput(input: DigitInput): Promise<PostedInput> {
  if (typeof input === 'string') return { input: pageUrl(input), transfer: [] };
  if (has('URL') && input instanceof URL) return { input: input.href, transfer: [] };
  if (has('Blob') && input instanceof Blob) return { input, transfer: [] };
  if (input instanceof ArrayBuffer) {
    const copy = input.slice(0);
    return { input: copy, transfer: [copy] };
  }
  if (input instanceof Uint8Array) {
    const copy = input.slice();
    return { input: copy, transfer: [copy.buffer] };
  }
  if (has('ImageData') && input instanceof ImageData) return { input, transfer: [] };
  if (has('HTMLImageElement') && input instanceof HTMLImageElement) {
    await decodedImage(input);
    return bitmapOf(input, input.naturalWidth, input.naturalHeight);
  }
  if (
    (has('HTMLCanvasElement') && input instanceof HTMLCanvasElement) ||
    (has('OffscreenCanvas') && input instanceof OffscreenCanvas) ||
    (has('ImageBitmap') && input instanceof ImageBitmap)
  ) {
    return bitmapOf(input, input.width, input.height);
  }
  // Raw pixels are copied by postMessage; anything else is the worker's to refuse, with the
  // same message as on the main thread.
  return { input: input as WorkerInput, transfer: [] };
}
