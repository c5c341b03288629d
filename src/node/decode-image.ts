/**
 * Node's image decoder: a file path, a `file:` URL, a Buffer / Uint8Array / ArrayBuffer or a
 * Blob of a PNG, JPEG, WebP, AVIF, TIFF or GIF, with its EXIF orientation applied, decoded by
 * `sharp` (libvips, prebuilt binaries from npm). Only the Node entry imports it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sharp, SharpOptions } from 'sharp';
import { DigitRecognizerError } from '../classify/errors.js';
import { withDetail, withDetailFromRgba, type Decoded } from '../preprocess/decode.js';
import { detailFromGreyBytes } from '../preprocess/detail.js';
import {
  chromaFromRgba,
  luminanceFromRaw,
  shrinkFactor,
  shrinkGreyBytes,
  WORKING_SIDE,
  type Chroma,
} from '../preprocess/luminance.js';

type SharpFactory = (input: Uint8Array, options?: SharpOptions) => Sharp;

let loading: Promise<SharpFactory> | null = null;

/** `sharp`, loaded on the first image; an install without it gets a message that says so. */
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(
    (module) => module.default,
    (error: unknown) => {
      loading = null;
      throw new DigitRecognizerError(
        'DECODE_FAILED',
        'Reading image files in Node needs the optional dependency `sharp`, which could not be loaded ' +
          `(${error instanceof Error ? error.message : String(error)}). Install it with \`npm install sharp\`, ` +
          'or pass raw pixels { data, width, height }.',
        { cause: error },
      );
    },
  );
  return loading;
}

/** An input's encoded bytes and how to name it in a message; `null` for inputs Node leaves alone. */
async function encodedBytes(input: unknown): Promise<{ bytes: Uint8Array; label: string } | null> {
  if (typeof input === 'string' && !/^(https?|data|blob):/i.test(input)) {
    if (input.length === 0) return null; // the shared decoder reports the empty string
    return readImageFile(input.startsWith('file:') ? fileURLToPath(input) : input);
  }
  if (input instanceof URL && input.protocol === 'file:') return readImageFile(fileURLToPath(input));
  if (input instanceof Uint8Array) return { bytes: input, label: `The ${input.constructor.name}` };
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input), label: 'The ArrayBuffer' };
  if (input instanceof Blob) {
    const label = input instanceof File ? `The file "${input.name}"` : 'The Blob';
    return { bytes: new Uint8Array(await input.arrayBuffer()), label };
  }
  return null;
}

async function readImageFile(path: string): Promise<{ bytes: Uint8Array; label: string }> {
  try {
    return { bytes: await readFile(path), label: `The file ${path}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new DigitRecognizerError('DECODE_FAILED', `Could not read ${path}: ${why}.`, { cause: error });
  }
}

/**
 * The colour of an opaque photo at the working copy's size, from a small decode of its own
 * (JPEG shrinks on load, so this costs little next to the full grey decode).
 */
async function workingChroma(image: Sharp, width: number, height: number): Promise<Chroma> {
  const factor = shrinkFactor(width, height);
  const w = Math.max(1, Math.floor(width / factor));
  const h = Math.max(1, Math.floor(height / factor));
  const { data, info } = await image
    .resize(w, h, { fit: 'fill' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return chromaFromRgba(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), w, h, 1, info.channels);
}

/** Decodes an encoded image to luminance (EXIF orientation applied) with `sharp`. */
async function decodeBytes(bytes: Uint8Array, label: string): Promise<Decoded> {
  if (bytes.byteLength === 0) {
    throw new DigitRecognizerError('DECODE_FAILED', `${label} is empty (0 bytes), so it is not an image.`);
  }
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { failOn: 'error' }).rotate();
    const { hasAlpha } = await image.metadata();
    // Transparent drawings keep their alpha: luminanceFromRgba() puts the sheet behind the ink
    // as the browser path does. Opaque photos decode to one grey channel, a third of the work.
    const pipeline = hasAlpha ? image.ensureAlpha() : image.greyscale();
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const { width, height } = info;
    if (info.channels === 4) return withDetailFromRgba(pixels, width, height);
    const chroma = await workingChroma(sharp(bytes, { failOn: 'error' }).rotate(), width, height);
    if (Math.max(width, height) <= WORKING_SIDE) {
      const decoded = withDetail(luminanceFromRaw({ data: pixels, width, height }), width, height);
      decoded.luminance.chroma = chroma;
      return decoded;
    }
    // A photo: the working copy and the detail crops come straight from the grey bytes.
    const luminance = shrinkGreyBytes(pixels, width, height);
    luminance.chroma = chroma;
    return {
      luminance,
      sourceWidth: width,
      sourceHeight: height,
      detail: detailFromGreyBytes(pixels, width, height),
    };
  } catch (error) {
    if (error instanceof DigitRecognizerError) throw error;
    throw new DigitRecognizerError(
      'DECODE_FAILED',
      // sharp's own words stay in `cause`: under worker threads libvips may report the same
      // damage as "Unknown error", and one file must read the same on one worker as on two.
      `${label} could not be decoded as an image: it is not a PNG, JPEG, WebP, AVIF, TIFF or GIF, or it is damaged.`,
      { cause: error },
    );
  }
}

/** The decoder the Node entry installs: files, bytes and Blobs; `null` for everything else. */
export async function decodeInNode(input: unknown): Promise<Decoded | null> {
  const encoded = await encodedBytes(input);
  return encoded ? decodeBytes(encoded.bytes, encoded.label) : null;
}
