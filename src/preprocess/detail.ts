/**
 * Reading a region of the full-resolution image again, for the second, detailed look at the
 * digit: the first look runs on a small copy of the whole image, which is fast, and this one on
 * the digit alone, which keeps thin strokes and small digits sharp.
 */
import type { Box } from './mnist-normalize.js';
import type { Luminance } from './luminance.js';
import { resampleWindow, type WindowReader } from './resample.js';

/** Luminance of `region` (input pixels), scaled so its longest side is at most `longest`. */
export type DetailReader = (region: Box, longest: number) => Luminance;

/**
 * A detail reader over a decoded photo's grey bytes (0–255): only the region asked for becomes
 * luminance, never the whole 12-megapixel image.
 */
export function detailFromGreyBytes(bytes: Uint8Array, width: number, height: number): DetailReader {
  return (region, longest) => {
    const x0 = Math.max(0, Math.floor(region.x));
    const y0 = Math.max(0, Math.floor(region.y));
    const x1 = Math.min(width, Math.ceil(region.x + region.width));
    const y1 = Math.min(height, Math.ceil(region.y + region.height));
    const cropWidth = Math.max(1, x1 - x0);
    const cropHeight = Math.max(1, y1 - y0);
    const values = new Float32Array(cropWidth * cropHeight);
    for (let y = 0; y < cropHeight; y++) {
      const row = (y0 + y) * width + x0;
      for (let x = 0; x < cropWidth; x++) values[y * cropWidth + x] = bytes[row + x]! / 255;
    }
    const crop = { values, width: cropWidth, height: cropHeight, scale: 1 };
    return detailFromLuminance(crop)({ ...region, x: region.x - x0, y: region.y - y0 }, longest);
  };
}

/** A detail reader over a full-resolution luminance already in memory (raw pixels, ImageData). */
export function detailFromLuminance(full: Luminance): DetailReader {
  return detailFromWindows(() => full.values, full.width, full.height, true);
}

/**
 * A detail reader over a `width`×`height` luminance that is never whole in memory: `read` makes
 * the window of it a region needs (or, with `whole`, gives the whole image).
 */
export function detailFromWindows(read: WindowReader, width: number, height: number, whole = false): DetailReader {
  return (region, longest) => {
    const k = Math.min(1, longest / Math.max(region.width, region.height));
    const targetWidth = Math.max(1, Math.round(region.width * k));
    const targetHeight = Math.max(1, Math.round(region.height * k));
    // resample() reads outside pixels as 0; this is luminance, where outside should be paper, so
    // the region is clamped to the image instead.
    const x = Math.max(0, region.x);
    const y = Math.max(0, region.y);
    const clamped = {
      x,
      y,
      width: Math.min(width, region.x + region.width) - x,
      height: Math.min(height, region.y + region.height) - y,
    };
    const values = resampleWindow(read, width, height, clamped, targetWidth, targetHeight, whole);
    return { values, width: targetWidth, height: targetHeight, scale: clamped.width / targetWidth };
  };
}
