/**
 * Augmentation that mimics what is left of a real photo, scan or drawing after `preprocess()`:
 * the digit is already cropped, fitted and centred, but its slant, size, stroke weight,
 * sharpness and contrast differ from MNIST's. Works in place on 28×28 Float32 images.
 */
import type { Random } from './random.js';

const SIZE = 28;
const CENTRE = (SIZE - 1) / 2;

/** How strong each augmentation is; `none` turns them all off. */
export interface AugmentConfig {
  /** Chance that an image is augmented at all. */
  probability: number;
  rotationDegrees: number;
  scale: number;
  shear: number;
  shiftPixels: number;
  thickenChance: number;
  thinChance: number;
  blurChance: number;
  contrastChance: number;
  noiseChance: number;
}

export const DEFAULT_AUGMENT: AugmentConfig = {
  probability: 0.85,
  rotationDegrees: 15,
  scale: 0.15,
  shear: 0.25,
  shiftPixels: 2.5,
  thickenChance: 0.2,
  thinChance: 0.15,
  blurChance: 0.15,
  contrastChance: 0.2,
  noiseChance: 0.25,
};

function bilinear(src: Float32Array, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number): number =>
    xx < 0 || yy < 0 || xx >= SIZE || yy >= SIZE ? 0 : src[yy * SIZE + xx]!;
  return (
    (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
    fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1))
  );
}

/** Rotation, anisotropic scale, shear and shift about the centre, by inverse mapping. */
function affine(img: Float32Array, rng: Random, config: AugmentConfig): void {
  const angle = (rng.uniform(-1, 1) * config.rotationDegrees * Math.PI) / 180;
  const scale = 1 + rng.uniform(-1, 1) * config.scale;
  const sx = scale * rng.uniform(0.92, 1.08);
  const sy = scale * rng.uniform(0.92, 1.08);
  const shear = rng.uniform(-1, 1) * config.shear;
  const tx = rng.uniform(-1, 1) * config.shiftPixels;
  const ty = rng.uniform(-1, 1) * config.shiftPixels;
  // Forward: p' = R · Sh · S · p; invert the 2×2 and map every output pixel back.
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const a = cos * sx;
  const b = (cos * shear - sin) * sy;
  const c = sin * sx;
  const d = (sin * shear + cos) * sy;
  const det = a * d - b * c;
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  const src = img.slice();
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - CENTRE - tx;
      const dy = y - CENTRE - ty;
      img[y * SIZE + x] = bilinear(src, ia * dx + ib * dy + CENTRE, ic * dx + id * dy + CENTRE);
    }
  }
}

/** Grayscale dilation (max) or erosion (min) over a small neighbourhood. */
function morph(img: Float32Array, offsets: ReadonlyArray<[number, number]>, max: boolean): void {
  const src = img.slice();
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let v = src[y * SIZE + x]!;
      for (const [ox, oy] of offsets) {
        const xx = x + ox;
        const yy = y + oy;
        if (xx < 0 || yy < 0 || xx >= SIZE || yy >= SIZE) {
          if (!max) v = 0;
          continue;
        }
        const n = src[yy * SIZE + xx]!;
        v = max ? Math.max(v, n) : Math.min(v, n);
      }
      img[y * SIZE + x] = v;
    }
  }
}

const SQUARE_2: ReadonlyArray<[number, number]> = [
  [1, 0],
  [0, 1],
  [1, 1],
];
const CROSS_3: ReadonlyArray<[number, number]> = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];

function blur(img: Float32Array): void {
  const src = img.slice();
  const k = [0.25, 0.5, 0.25];
  const tmp = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let s = 0;
      for (let i = -1; i <= 1; i++) {
        const xx = x + i;
        if (xx >= 0 && xx < SIZE) s += k[i + 1]! * src[y * SIZE + xx]!;
      }
      tmp[y * SIZE + x] = s;
    }
  }
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let s = 0;
      for (let i = -1; i <= 1; i++) {
        const yy = y + i;
        if (yy >= 0 && yy < SIZE) s += k[i + 1]! * tmp[yy * SIZE + x]!;
      }
      img[y * SIZE + x] = s;
    }
  }
}

/** Augments one 28×28 image in place. */
export function augment(img: Float32Array, rng: Random, config: AugmentConfig = DEFAULT_AUGMENT): void {
  if (!rng.chance(config.probability)) return;
  affine(img, rng, config);
  if (rng.chance(config.thickenChance)) morph(img, rng.chance(0.5) ? SQUARE_2 : CROSS_3, true);
  else if (rng.chance(config.thinChance)) morph(img, SQUARE_2, false);
  if (rng.chance(config.blurChance)) blur(img);
  if (rng.chance(config.contrastChance)) {
    const gain = rng.uniform(0.6, 1);
    for (let i = 0; i < img.length; i++) img[i]! *= gain;
  }
  if (rng.chance(config.noiseChance)) {
    const sigma = rng.uniform(0.02, 0.1);
    for (let i = 0; i < img.length; i++) {
      img[i] = Math.min(1, Math.max(0, img[i]! + sigma * rng.normal()));
    }
  }
}
