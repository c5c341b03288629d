/**
 * Any pixels → one luminance channel (0 black … 1 white), with transparency composited and
 * huge images shrunk by block averaging so the first look runs on at most 320 px a side.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { RawPixels } from '../classify/types.js';

/** A single-channel image, 0 = black, 1 = white. */
export interface Luminance {
  values: Float32Array;
  width: number;
  height: number;
  /** How many input pixels one of ours spans (1 unless shrunk). */
  scale: number;
  /**
   * The colour, when the input had one and the image is (or will be shrunk to) the working copy:
   * a pink note on light oak, or cream paper on a grey table, differs from the desk in colour
   * more than in brightness.
   */
  chroma?: Chroma;
}

/**
 * Two opponent colour channels (−1…1) of a `width`×`height` image: red against green, and
 * yellow against blue. Grey is 0 in both.
 */
export interface Chroma {
  redGreen: Float32Array;
  yellowBlue: Float32Array;
  width: number;
  height: number;
}

/**
 * Opponent colours of RGBA bytes (transparent pixels count as grey), averaged over
 * `factor`×`factor` blocks as {@link shrink} averages the luminance.
 */
export function chromaFromRgba(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  factor: number,
  channels = 4,
): Chroma {
  const w = Math.max(1, Math.floor(width / factor));
  const h = Math.max(1, Math.floor(height / factor));
  const redGreen = new Float32Array(w * h);
  const yellowBlue = new Float32Array(w * h);
  const unit = 1 / (255 * factor * factor);
  const hasAlpha = channels === 4;
  for (let y = 0; y < h * factor && y < height; y++) {
    const out = Math.floor(y / factor) * w;
    let o = y * width * channels;
    for (let x = 0; x < w; x++) {
      // A block's row added pixel by pixel, rounded to 32 bits each time as the array would be.
      let rg = redGreen[out + x]!;
      let yb = yellowBlue[out + x]!;
      for (let k = 0; k < factor; k++, o += channels) {
        const alpha = hasAlpha ? rgba[o + 3]! / 255 : 1;
        const r = rgba[o]!;
        const g = rgba[o + 1]!;
        const b = rgba[o + 2]!;
        rg = Math.fround(rg + alpha * (r - g) * unit);
        yb = Math.fround(yb + alpha * ((r + g) / 2 - b) * unit);
      }
      redGreen[out + x] = rg;
      yellowBlue[out + x] = yb;
    }
  }
  return { redGreen, yellowBlue, width: w, height: h };
}

/** Block factor {@link shrink} uses for an image of `width`×`height`. */
export function shrinkFactor(width: number, height: number, maxSide = WORKING_SIDE): number {
  return Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
}

/** Longest side of the first look; the digit itself is read again in detail (see detail.ts). */
export const WORKING_SIDE = 320;

/**
 * RGBA bytes → luminance. Transparent pixels are composited onto the colour opposite to the
 * visible ink, so dark strokes on a transparent PNG and white strokes on one both read as ink.
 */
export function luminanceFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Luminance {
  const count = width * height;
  const values = new Float32Array(count);
  // The colour, at the size the working copy will have: computing it for every pixel of a
  // 12-megapixel image would cost more than it tells. At full size (a working copy drawn by the
  // browser) it is made in the same pass, as chromaFromRgba() would make it.
  const factor = shrinkFactor(width, height);
  const fused = factor === 1 && count > 0;
  const redGreen = fused ? new Float32Array(count) : null;
  const yellowBlue = fused ? new Float32Array(count) : null;
  // One tight pass for what every image needs (a branch per pixel for transparency doubled its
  // time); transparency is looked at again only when there is some.
  const translucent =
    redGreen && yellowBlue ? lumaAndChroma(rgba, values, redGreen, yellowBlue) : lumaOnly(rgba, values);
  if (translucent > 0) {
    // Ink on a transparent sheet: the opaque pixels are the ink, so the sheet is their opposite.
    let opaqueSum = 0;
    let opaqueCount = 0;
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      if (rgba[o + 3]! > 127) {
        opaqueSum += (0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!) / 255;
        opaqueCount++;
      }
    }
    const inkIsDark = opaqueCount === 0 || opaqueSum / opaqueCount < 0.5;
    const sheet = inkIsDark ? 1 : 0;
    for (let i = 0; i < count; i++) {
      const a = rgba[i * 4 + 3]! / 255;
      values[i] = values[i]! * a + sheet * (1 - a);
    }
  }
  const chroma =
    redGreen && yellowBlue ? { redGreen, yellowBlue, width, height } : chromaFromRgba(rgba, width, height, factor);
  return { values, width, height, scale: 1, chroma };
}

/** Fills `values` with each pixel's luminance; returns how many pixels are not (nearly) opaque. */
function lumaOnly(rgba: Uint8ClampedArray | Uint8Array, values: Float32Array): number {
  let translucent = 0;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    values[i] = (0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!) / 255;
    translucent += rgba[o + 3]! < 250 ? 1 : 0;
  }
  return translucent;
}

/** {@link lumaOnly}, and each pixel's colour as chromaFromRgba() makes it at full size. */
function lumaAndChroma(
  rgba: Uint8ClampedArray | Uint8Array,
  values: Float32Array,
  redGreen: Float32Array,
  yellowBlue: Float32Array,
): number {
  const unit = 1 / 255;
  let translucent = 0;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const r = rgba[o]!;
    const g = rgba[o + 1]!;
    const b = rgba[o + 2]!;
    const a = rgba[o + 3]!;
    values[i] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    translucent += a < 250 ? 1 : 0;
    // 0 + …: an empty sum plus a transparent pixel's −0 is 0, as in chromaFromRgba().
    const alpha = a / 255;
    redGreen[i] = 0 + alpha * (r - g) * unit;
    yellowBlue[i] = 0 + alpha * ((r + g) / 2 - b) * unit;
  }
  return translucent;
}

function isTypedPixels(data: unknown): data is RawPixels['data'] {
  return data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Float32Array;
}

/** Validates raw pixels and turns them into luminance; throws `INVALID_INPUT` with the reason. */
export function luminanceFromRaw(input: RawPixels): Luminance {
  const read = readRaw(input);
  return 'rgba' in read ? luminanceFromRgba(read.rgba, input.width, input.height) : read.luminance;
}

/**
 * Validates raw pixels (throws `INVALID_INPUT` with the reason): RGBA bytes when they have four
 * channels (floats turned into bytes), else their luminance.
 */
export function readRaw(input: RawPixels): { rgba: Uint8ClampedArray | Uint8Array } | { luminance: Luminance } {
  const { data, width, height } = input;
  if (!isTypedPixels(data)) {
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      'Raw pixels need `data` as a Uint8Array, Uint8ClampedArray or Float32Array.',
    );
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      `Raw pixels need whole, non-negative width and height; got ${String(width)}×${String(height)}.`,
    );
  }
  const count = width * height;
  if (count === 0) {
    throw new DigitRecognizerError('EMPTY_IMAGE', `The image is ${width}×${height}: it has no pixels.`);
  }
  const channels = data.length === count ? 1 : data.length === count * 4 ? 4 : 0;
  if (channels === 0) {
    throw new DigitRecognizerError(
      'INVALID_INPUT',
      `Raw pixels of ${width}×${height} need ${count} values (grayscale) or ${count * 4} (RGBA); got ${data.length}.`,
    );
  }
  const isFloat = data instanceof Float32Array;
  if (isFloat) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (!(v >= 0 && v <= 1)) {
        throw new DigitRecognizerError('INVALID_INPUT', `Float pixels must be between 0 and 1; value ${i} is ${v}.`);
      }
    }
  }
  if (channels === 4) return { rgba: isFloat ? Uint8ClampedArray.from(data, (v) => Math.round(v * 255)) : data };
  const values = new Float32Array(count);
  const factor = isFloat ? 1 : 1 / 255;
  for (let i = 0; i < count; i++) values[i] = data[i]! * factor;
  return { luminance: { values, width, height, scale: 1 } };
}

/** Shrinks by an integer factor with block averaging until the longest side fits `maxSide`. */
export function shrink(image: Luminance, maxSide = WORKING_SIDE): Luminance {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSide);
  if (factor <= 1) return image;
  const shrunk = blockAverage(image, factor, 1);
  const { chroma } = image;
  // The colour is kept only where it was made at the working copy's size.
  if (chroma && chroma.width === shrunk.width && chroma.height === shrunk.height) shrunk.chroma = chroma;
  return shrunk;
}

/**
 * Grey bytes (0–255, e.g. a decoded photo) shrunk to fit `maxSide` as luminance, without making
 * a float copy of the whole image first. Call it only for images larger than `maxSide`.
 */
export function shrinkGreyBytes(bytes: Uint8Array, width: number, height: number, maxSide = WORKING_SIDE): Luminance {
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  return blockAverage({ values: bytes, width, height, scale: 1 }, factor, 1 / 255);
}

/**
 * {@link blockAverage} by 2 of a float image, one output pixel a step (a big drawing read smaller
 * runs this before it is compiled), with the same roundings: each row pair's sum is added in
 * float32, as the general loop adds it.
 */
function halve(source: Float32Array, sourceWidth: number, out: Float32Array, width: number, height: number): void {
  for (let y = 0; y < height; y++) {
    const top = 2 * y * sourceWidth;
    const bottom = top + sourceWidth;
    for (let x = 0, o = y * width; x < width; x++, o++) {
      const upper = Math.fround(source[top + 2 * x]! + source[top + 2 * x + 1]!);
      out[o] = Math.fround(upper + (source[bottom + 2 * x]! + source[bottom + 2 * x + 1]!)) / 4;
    }
  }
}

function blockAverage(
  image: { values: Float32Array | Uint8Array; width: number; height: number; scale: number },
  factor: number,
  unit: number,
): Luminance {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const values = new Float32Array(width * height);
  if (factor === 2 && unit === 1 && image.values instanceof Float32Array) {
    halve(image.values, image.width, values, width, height);
    return { values, width, height, scale: image.scale * 2 };
  }
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let dy = 0; dy < factor; dy++) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        const start = row + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.values[start + dx]!;
        values[y * width + x]! += sum;
      }
    }
  }
  for (let i = 0; i < values.length; i++) values[i] = (values[i]! * unit) / area;
  return { values, width, height, scale: image.scale * factor };
}
