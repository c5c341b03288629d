/**
 * A Node decoder for raw RGBA pixels that works as the browser's does for a canvas or a photo:
 * the working copy is fitted to `WORKING_SIDE` exactly (as `drawImage` does), not shrunk by a
 * whole factor as the Node entry does, and the digit's detail is read from the full image.
 * Figures in Node then follow Chromium's closely; used by desk-node.ts `--browser-like`.
 */
import { setNodeDecoder, type Decoded } from '../../src/preprocess/decode.js';
import { detailFromLuminance } from '../../src/preprocess/detail.js';
import { chromaFromRgba, luminanceFromRgba, WORKING_SIDE } from '../../src/preprocess/luminance.js';
import { resample } from '../../src/preprocess/resample.js';

interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

const isRgba = (input: unknown): input is Rgba =>
  typeof input === 'object' &&
  input !== null &&
  (input as Rgba).data instanceof Uint8Array &&
  (input as Rgba).data.length === (input as Rgba).width * (input as Rgba).height * 4;

export function decodeLikeBrowser({ data, width, height }: Rgba): Decoded {
  const full = luminanceFromRgba(data, width, height);
  const factor = Math.min(1, WORKING_SIDE / Math.max(width, height));
  if (factor === 1) return { luminance: full, sourceWidth: width, sourceHeight: height };
  const w = Math.max(1, Math.round(width * factor));
  const h = Math.max(1, Math.round(height * factor));
  const whole = { x: 0, y: 0, width, height };
  const colour = chromaFromRgba(data, width, height, 1);
  const chroma = {
    redGreen: resample(colour.redGreen, width, height, whole, w, h),
    yellowBlue: resample(colour.yellowBlue, width, height, whole, w, h),
    width: w,
    height: h,
  };
  const values = resample(full.values, width, height, whole, w, h);
  return {
    luminance: { values, width: w, height: h, scale: width / w, chroma },
    sourceWidth: width,
    sourceHeight: height,
    detail: detailFromLuminance(full),
  };
}

/** From now on, raw RGBA pixels given to the library are decoded as the browser would. */
export function decodeRawPixelsLikeBrowser(): void {
  setNodeDecoder((input) => Promise.resolve(isRgba(input) ? decodeLikeBrowser(input) : null));
}
