/**
 * Reading a region of the full-resolution image again, for the second, detailed look at the
 * digit: the first look runs on a small copy of the whole image, which is fast, and this one on
 * the digit alone, which keeps thin strokes and small digits sharp.
 */
import type { Box } from './mnist-normalize.js';
import type { Luminance } from './luminance.js';
import { resample } from './resample.js';

/** Luminance of `region` (input pixels), scaled so its longest side is at most `longest`. */
export type DetailReader = (region: Box, longest: number) => Luminance;

/** A detail reader over a full-resolution luminance already in memory (raw pixels, ImageData). */
export function detailFromLuminance(full: Luminance): DetailReader {
  return (region, longest) => {
    const k = Math.min(1, longest / Math.max(region.width, region.height));
    const width = Math.max(1, Math.round(region.width * k));
    const height = Math.max(1, Math.round(region.height * k));
    // resample() reads outside pixels as 0; this is luminance, where outside should be paper, so
    // the region is clamped to the image instead.
    const x = Math.max(0, region.x);
    const y = Math.max(0, region.y);
    const clamped = {
      x,
      y,
      width: Math.min(full.width, region.x + region.width) - x,
      height: Math.min(full.height, region.y + region.height) - y,
    };
    const values = resample(full.values, full.width, full.height, clamped, width, height);
    return { values, width, height, scale: clamped.width / width };
  };
}
