/**
 * MNIST's own normalisation (LeCun et al.): fit the digit's bounding box into 20×20 keeping its
 * aspect ratio, then place it in a 28×28 field with its centre of mass at the centre.
 * Pure arithmetic on a Float32Array, so training (Node) and inference (browser) share it.
 */
import { resample } from './resample.js';

/** Side of the model's input. */
export const MODEL_SIZE = 28;
/** Side of the box the digit is fitted into. */
export const DIGIT_BOX = 20;

/**
 * Ink level (0–1) above which a pixel counts when finding the digit's box. Training and inference
 * both use it, so the crop the model learned from is the crop it is given.
 */
export const INK_THRESHOLD = 0.15;

/** A box in the pixels of the image it was found in. */
export interface Box {
  /** Left edge, in pixels. */
  x: number;
  /** Top edge, in pixels. */
  y: number;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

/** Smallest box holding every pixel above `threshold`, or null when there is none. */
export function inkBounds(ink: Float32Array, width: number, height: number, threshold: number): Box | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x]! > threshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Fits `box` of an ink map (1 = ink, 0 = background) into 20×20 and centres its mass in 28×28.
 * Returns the 28×28 image, row-major, values in [0, 1].
 */
export function mnistNormalize(ink: Float32Array, width: number, height: number, box: Box): Float32Array {
  const longest = Math.max(box.width, box.height);
  // A square source window centred on the box keeps the aspect ratio.
  const side = longest;
  const window = {
    x: box.x + box.width / 2 - side / 2,
    y: box.y + box.height / 2 - side / 2,
    width: side,
    height: side,
  };
  const digit = resample(ink, width, height, window, DIGIT_BOX, DIGIT_BOX);
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < DIGIT_BOX; y++) {
    for (let x = 0; x < DIGIT_BOX; x++) {
      const v = digit[y * DIGIT_BOX + x]!;
      mass += v;
      sumX += v * x;
      sumY += v * y;
    }
  }
  const centre = (DIGIT_BOX - 1) / 2;
  const comX = mass > 0 ? sumX / mass : centre;
  const comY = mass > 0 ? sumY / mass : centre;
  // Integer shift, as MNIST did: no second resampling blur.
  const offsetX = Math.round((MODEL_SIZE - 1) / 2 - comX);
  const offsetY = Math.round((MODEL_SIZE - 1) / 2 - comY);
  const out = new Float32Array(MODEL_SIZE * MODEL_SIZE);
  for (let y = 0; y < DIGIT_BOX; y++) {
    const ty = y + offsetY;
    if (ty < 0 || ty >= MODEL_SIZE) continue;
    for (let x = 0; x < DIGIT_BOX; x++) {
      const tx = x + offsetX;
      if (tx < 0 || tx >= MODEL_SIZE) continue;
      out[ty * MODEL_SIZE + tx] = Math.min(1, Math.max(0, digit[y * DIGIT_BOX + x]!));
    }
  }
  return out;
}
