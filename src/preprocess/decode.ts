/**
 * Every browser image source → luminance, decoded and drawn at working size. EXIF orientation
 * is applied by `createImageBitmap(..., { imageOrientation: 'from-image' })`. The Node entry
 * installs a decoder of its own for files, bytes and Blobs (see `setNodeDecoder()`); the
 * browser entries never import Node code.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Box, DigitInput, RawPixels } from '../classify/types.js';
import { luminanceFromRgba, readRaw, shrink, WORKING_SIDE, type Luminance } from './luminance.js';
import { detailFromLuminance, type DetailReader } from './detail.js';
import type { RgbaPhoto } from './rgba-photo.js';

/** A decoded input: its luminance at working size, and its size in input pixels. */
export interface Decoded {
  luminance: Luminance;
  sourceWidth: number;
  sourceHeight: number;
  /**
   * Luminance of `region` (input pixels) at up to `longest` pixels a side, read again from the
   * full-resolution source: the digit's strokes in detail, once the small working copy has
   * shown where it is.
   */
  detail?: DetailReader;
  /** Frees what `detail` keeps (a decoded bitmap). */
  release?: () => void;
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

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** One scratch canvas, reused: creating a canvas and its context costs more than drawing. */
let scratch: { canvas: HTMLCanvasElement | OffscreenCanvas; context: Context } | null = null;

function scratchContext(w: number, h: number): Context {
  if (!scratch) {
    const canvas = has('OffscreenCanvas') ? new OffscreenCanvas(w, h) : document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true }) as Context | null;
    if (!context) throw new DigitRecognizerError('DECODE_FAILED', 'This browser cannot draw images to a canvas.');
    scratch = { canvas, context };
  }
  if (scratch.canvas.width === w && scratch.canvas.height === h) {
    // The same size as last time (a camera's frames, a batch of crops): clearing is cheaper than
    // resizing, and drawRegion() sets all the state it uses.
    scratch.context.clearRect(0, 0, w, h);
  } else {
    // Resizing clears the canvas and resets the context's state.
    scratch.canvas.width = w;
    scratch.canvas.height = h;
  }
  return scratch.context;
}

/** Draws `region` of `source` into `w`×`h` pixels and reads them back as luminance. */
function drawRegion(source: Drawable, region: Box, w: number, h: number): Luminance {
  const context = scratchContext(w, h);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, region.x, region.y, region.width, region.height, 0, 0, w, h);
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
  luminance.scale = region.width / w;
  return luminance;
}

function draw(source: Drawable, width: number, height: number, release?: () => void): Decoded {
  if (width === 0 || height === 0) {
    release?.();
    throw new DigitRecognizerError('EMPTY_IMAGE', `The image is ${width}×${height}: it has no pixels.`);
  }
  const factor = Math.min(1, WORKING_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * factor));
  const h = Math.max(1, Math.round(height * factor));
  let luminance: Luminance;
  try {
    luminance = drawRegion(source, { x: 0, y: 0, width, height }, w, h);
  } catch (error) {
    release?.();
    throw error;
  }
  const detail: DetailReader | undefined =
    factor < 1
      ? (region, longest) => {
          const k = Math.min(1, longest / Math.max(region.width, region.height));
          return drawRegion(
            source,
            region,
            Math.max(1, Math.round(region.width * k)),
            Math.max(1, Math.round(region.height * k)),
          );
        }
      : undefined;
  return {
    luminance,
    sourceWidth: width,
    sourceHeight: height,
    ...(detail ? { detail } : {}),
    ...(release ? { release } : {}),
  };
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
  // Kept open until preprocessing has read the digit's region in detail.
  return draw(bitmap, bitmap.width, bitmap.height, () => bitmap.close());
}

/** Decodes what only Node can (a path, a `file:` URL, bytes, a Blob); `null` for the rest. */
export type NodeDecoder = (input: unknown) => Promise<Decoded | null>;

let nodeDecoder: NodeDecoder | null = null;

/** Used by the Node entry, which decodes image files with `sharp`. */
export function setNodeDecoder(decoder: NodeDecoder): void {
  nodeDecoder = decoder;
}

/** Reads an opaque RGBA photo's working copy in one pass (`rgbaPhoto()`); `null` when it cannot. */
export type RgbaPhotoReader = (rgba: Uint8ClampedArray | Uint8Array, width: number, height: number) => RgbaPhoto | null;

let rgbaPhotoReader: RgbaPhotoReader | null = null;

/**
 * Used by the Node entry, where raw pixels and decoded PNGs are the usual photos: the browser's
 * photos are drawn (`draw()`), so its bundle leaves the one-pass reader out (first visit ≤ 300 KB).
 */
export function setRgbaPhotoReader(reader: RgbaPhotoReader): void {
  rgbaPhotoReader = reader;
}

/** Working copy of a full-resolution luminance, with detail read from the original. */
export function withDetail(full: Luminance, width: number, height: number): Decoded {
  const luminance = shrink(full);
  return {
    luminance,
    sourceWidth: width,
    sourceHeight: height,
    ...(luminance !== full ? { detail: detailFromLuminance(full) } : {}),
  };
}

/**
 * An RGBA image in memory (raw pixels, ImageData, a decoded PNG) as its working copy, with detail
 * read from it: in one pass over the pixels when it is an opaque photo.
 */
export function withDetailFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Decoded {
  const photo = rgbaPhotoReader?.(rgba, width, height);
  if (photo) return { ...photo, sourceWidth: width, sourceHeight: height };
  return withDetail(luminanceFromRgba(rgba, width, height), width, height);
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
  const decodedInNode = nodeDecoder ? await nodeDecoder(input) : null;
  if (decodedInNode) return decodedInNode;
  if (input instanceof URL) return decodeInput(input.href);
  if (input instanceof ArrayBuffer || input instanceof Uint8Array) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    return decodeBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), `The ${input.constructor.name}`);
  }
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
    return withDetailFromRgba(input.data, input.width, input.height);
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
    const read = readRaw(input);
    if ('rgba' in read) return withDetailFromRgba(read.rgba, input.width, input.height);
    return withDetail(read.luminance, input.width, input.height);
  }
  throw new DigitRecognizerError(
    'INVALID_INPUT',
    `classify() cannot read ${describe(input)}. Pass an <img>, <canvas>, OffscreenCanvas, ImageBitmap, ` +
      "ImageData, a Blob or File, an image file's bytes (Uint8Array, ArrayBuffer), a URL, " +
      'or raw pixels { data, width, height }.',
  );
}
