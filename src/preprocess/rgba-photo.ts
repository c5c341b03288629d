/**
 * A large opaque RGBA image (raw pixels, ImageData) → its working copy, colour included, in one
 * pass over the pixels, and a detail reader that turns only the region it is asked for into
 * luminance: the full-resolution luminance of a photo is never made. Every value is the one
 * `luminanceFromRgba()` then `shrink()` and `detailFromLuminance()` give, to the last bit.
 */
import { detailFromWindows, type DetailReader } from './detail.js';
import { shrinkFactor, type Luminance } from './luminance.js';

/** Alpha below which a pixel counts as translucent (as in `luminanceFromRgba()`). */
const OPAQUE = 250;

/** The working copy of an opaque RGBA image, and a reader of its regions in full detail. */
export interface RgbaPhoto {
  luminance: Luminance;
  detail: DetailReader;
}

/**
 * 1/255: multiplying by it rounds to the same 32-bit float as dividing by 255 for every one of the
 * 2²⁴ colours (checked one by one in test/node/rgba-photo.test.ts), and is quicker.
 */
const INVERSE_255 = 1 / 255;

/** One pixel's luminance as `luminanceFromRgba()` stores it (a 32-bit float). */
function luminanceAt(rgba: Uint8ClampedArray | Uint8Array, o: number): number {
  return Math.fround((0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!) * INVERSE_255);
}

/**
 * The working copy and detail reader of `rgba`, or null when the general path must be taken: the
 * image fits the working size already, or has a translucent pixel (then the whole image's ink
 * decides what lies behind it).
 */
export function rgbaPhoto(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): RgbaPhoto | null {
  const factor = shrinkFactor(width, height);
  const w = Math.floor(width / factor);
  const h = Math.floor(height / factor);
  if (factor <= 1 || w < 1 || h < 1) return null;
  const values = new Float32Array(w * h);
  const redGreen = new Float32Array(w * h);
  const yellowBlue = new Float32Array(w * h);
  const unit = 1 / (255 * factor * factor);
  for (let y = 0; y < h * factor; y++) {
    const out = Math.floor(y / factor) * w;
    let o = y * width * 4;
    for (let x = 0; x < w; x++) {
      // Luminance: each row's part of a block summed, then added to the block (as shrink() does);
      // colour: added pixel by pixel, rounded to 32 bits each time (as chromaFromRgba() does).
      let sum = 0;
      let rg = redGreen[out + x]!;
      let yb = yellowBlue[out + x]!;
      for (let k = 0; k < factor; k++, o += 4) {
        const a = rgba[o + 3]!;
        if (a < OPAQUE) return null;
        const r = rgba[o]!;
        const g = rgba[o + 1]!;
        const b = rgba[o + 2]!;
        sum += luminanceAt(rgba, o);
        const alpha = a / 255;
        rg = Math.fround(rg + alpha * (r - g) * unit);
        yb = Math.fround(yb + alpha * ((r + g) / 2 - b) * unit);
      }
      values[out + x]! += sum;
      redGreen[out + x] = rg;
      yellowBlue[out + x] = yb;
    }
    // The columns past the last whole block are not in the copy, but a translucent one still counts.
    for (; o < (y + 1) * width * 4; o += 4) if (rgba[o + 3]! < OPAQUE) return null;
  }
  for (let o = h * factor * width * 4 + 3; o < width * height * 4; o += 4) if (rgba[o]! < OPAQUE) return null;
  const area = factor * factor;
  for (let i = 0; i < values.length; i++) values[i]! /= area;
  const luminance: Luminance = {
    values,
    width: w,
    height: h,
    scale: factor,
    chroma: { redGreen, yellowBlue, width: w, height: h },
  };
  const read = (x0: number, y0: number, x1: number, y1: number): Float32Array => {
    const stride = x1 - x0;
    const window = new Float32Array(Math.max(0, stride * (y1 - y0)));
    for (let y = y0; y < y1; y++) {
      const row = (y - y0) * stride - x0;
      for (let x = x0, o = (y * width + x0) * 4; x < x1; x++, o += 4) window[row + x] = luminanceAt(rgba, o);
    }
    return window;
  };
  return { luminance, detail: detailFromWindows(read, width, height) };
}
