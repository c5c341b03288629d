/**
 * Every browser image source → luminance, decoded and drawn at working size. EXIF orientation
 * is applied by `createImageBitmap(..., { imageOrientation: 'from-image' })`.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { DigitInput, RawPixels } from '../classify/types.js';
import { luminanceFromRaw, luminanceFromRgba, shrink, WORKING_SIDE, type Luminance } from './luminance.js';

/** A decoded input: its luminance at working size, and its size in input pixels. */
export interface Decoded {
  luminance: Luminance;
  sourceWidth: number;
  sourceHeight: number;
}

type Drawable = HTMLImageElement | HTMLCanvasElement | OffscreenCanvas | ImageBitmap;

const has = (name: string): boolean => typeof (globalThis as Record<string, unknown>)[name] === 'function';

function isRawPixels(input: unknown): input is RawPixels {
  return (
    typeof input === 'object' &&
    input !== null &&
    'data' in input &&
    'width' in input &&
    'height' in input &&
    !(has('ImageData') && input instanceof ImageData)
  );
}

function sizeOf(source: Drawable): [number, number] {
  if (has('HTMLImageElement') && source instanceof HTMLImageElement) return [source.naturalWidth, source.naturalHeight];
  return [source.width, source.height];
}

function draw(source: Drawable, width: number, height: number): Decoded {
  if (width === 0 || height === 0) {
    throw new DigitRecognizerError('EMPTY_IMAGE', `The image is ${width}×${height}: it has no pixels.`);
  }
  const factor = Math.min(1, WORKING_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * factor));
  const h = Math.max(1, Math.round(height * factor));
  const canvas = has('OffscreenCanvas')
    ? new OffscreenCanvas(w, h)
    : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const context = canvas.getContext('2d', { willReadFrequently: true }) as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new DigitRecognizerError('DECODE_FAILED', 'This browser cannot draw images to a canvas.');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, w, h);
  let data: ImageData;
  try {
    data = context.getImageData(0, 0, w, h);
  } catch (error) {
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      'The image comes from another origin without CORS, so its pixels cannot be read. ' +
        'Serve it with Access-Control-Allow-Origin and set crossOrigin="anonymous" on the <img>.',
      { cause: error },
    );
  }
  const luminance = luminanceFromRgba(data.data, w, h);
  luminance.scale = width / w;
  return { luminance, sourceWidth: width, sourceHeight: height };
}

async function decodeBlob(blob: Blob, label: string): Promise<Decoded> {
  if (blob.size === 0) {
    throw new DigitRecognizerError('DECODE_FAILED', `${label} is empty (0 bytes), so it is not an image.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    const type = blob.type ? ` (${blob.type})` : '';
    throw new DigitRecognizerError(
      'DECODE_FAILED',
      `${label}${type} could not be decoded as an image: it is not a PNG, JPEG, GIF, WebP, AVIF or BMP, or it is damaged.`,
      { cause: error },
    );
  }
  try {
    return draw(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return `a ${(input as object).constructor?.name ?? 'object'}`;
  return `a ${typeof input}`;
}

/** Decodes any accepted input; rejects with a coded error for anything else. */
export async function decode(input: DigitInput): Promise<Decoded> {
  try {
    return await decodeInput(input);
  } catch (error) {
    if (error instanceof DigitRecognizerError) throw error;
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      `The input could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function decodeInput(input: DigitInput): Promise<Decoded> {
  if (typeof input === 'string') {
    if (input.length === 0) throw new DigitRecognizerError('INVALID_INPUT', 'The image URL is an empty string.');
    let response: Response;
    try {
      response = await fetch(input);
    } catch (error) {
      throw new DigitRecognizerError('DECODE_FAILED', `Could not fetch the image at ${input}.`, { cause: error });
    }
    if (!response.ok) {
      throw new DigitRecognizerError(
        'DECODE_FAILED',
        `Could not fetch the image at ${input}: HTTP ${response.status}.`,
      );
    }
    return decodeBlob(await response.blob(), `The image at ${input}`);
  }
  if (has('Blob') && input instanceof Blob) {
    const name = has('File') && input instanceof File ? `The file "${input.name}"` : 'The Blob';
    return decodeBlob(input, name);
  }
  if (has('ImageData') && input instanceof ImageData) {
    if (input.width === 0 || input.height === 0) {
      throw new DigitRecognizerError('EMPTY_IMAGE', `The image is ${input.width}×${input.height}: it has no pixels.`);
    }
    const luminance = shrink(luminanceFromRgba(input.data, input.width, input.height));
    return { luminance, sourceWidth: input.width, sourceHeight: input.height };
  }
  if (has('HTMLImageElement') && input instanceof HTMLImageElement) {
    if (!input.complete || input.naturalWidth === 0) {
      try {
        await input.decode();
      } catch (error) {
        throw new DigitRecognizerError(
          'DECODE_FAILED',
          `The <img> ${input.currentSrc || input.src ? `from ${input.currentSrc || input.src} ` : ''}could not be decoded.`,
          { cause: error },
        );
      }
    }
    const [w, h] = sizeOf(input);
    return draw(input, w, h);
  }
  if (
    (has('HTMLCanvasElement') && input instanceof HTMLCanvasElement) ||
    (has('OffscreenCanvas') && input instanceof OffscreenCanvas) ||
    (has('ImageBitmap') && input instanceof ImageBitmap)
  ) {
    const [w, h] = sizeOf(input);
    return draw(input, w, h);
  }
  if (isRawPixels(input)) {
    const luminance = shrink(luminanceFromRaw(input));
    return { luminance, sourceWidth: input.width, sourceHeight: input.height };
  }
  throw new DigitRecognizerError(
    'INVALID_INPUT',
    `classify() cannot read ${describe(input)}. Pass an <img>, <canvas>, OffscreenCanvas, ImageBitmap, ` +
      'ImageData, Blob or File, a URL string, or raw pixels { data, width, height }.',
  );
}
