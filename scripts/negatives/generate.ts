/**
 * The not-a-digit sets: so many images per category, deterministic by seed, each the 28×28 the
 * library's preprocessing makes of a drawing. Cached under .cache/negatives/ as bytes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigitSet } from '../train/idx.js';
import { Random } from '../train/random.js';
import { drawCutDigit, drawPair } from './digit-pieces.js';
import { drawDoodle } from './doodles.js';
import { FONT_SPLITS, type Split } from './fonts.js';
import { drawLetter, drawSymbol } from './glyphs.js';
import { drawScribble } from './scribbles.js';
import { darkBounds, modelInputOf } from './sheet.js';
import { drawObject, drawTexture } from './textures.js';

/** Bump when a drawing changes, so stale caches are not used. */
export const GENERATOR_VERSION = 2;

/** The set without the negatives that read as a 1 (see {@link readsAsOne}), in order. */
export function withoutOnes(set: NegativeSet): NegativeSet {
  const keep: number[] = [];
  for (let i = 0; i < set.count; i++) if (!readsAsOne(set.images.subarray(i * 784, i * 784 + 784))) keep.push(i);
  if (keep.length === set.count) return set;
  const images = new Uint8Array(keep.length * 784);
  keep.forEach((i, k) => images.set(set.images.subarray(i * 784, i * 784 + 784), k * 784));
  return { images, categories: Uint8Array.from(keep, (i) => set.categories[i]!), count: keep.length };
}

export const CATEGORIES = [
  'letters',
  'symbols',
  'doodles',
  'scribbles',
  'pairs',
  'cut-digits',
  'textures',
  'objects',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where digits for pairs and cut digits come from: MNIST training images only. */
export interface DigitSource {
  set: DigitSet;
  ids: Uint32Array;
}

export interface NegativeSet {
  /** 28×28 bytes per image (0 background … 255 ink), as MNIST stores digits. */
  images: Uint8Array;
  /** Index into {@link CATEGORIES} per image. */
  categories: Uint8Array;
  count: number;
}

/** Seeds differ per split, so the same index never draws the same picture in two splits. */
const SPLIT_OFFSET: Record<Split, number> = { train: 0, validation: 1_000_003, test: 2_000_029 };

type Drawing = { values: Float32Array; size: number } | null;

function draw(category: Category, rng: Random, split: Split, digits: DigitSource): Drawing {
  const fonts = FONT_SPLITS[split];
  switch (category) {
    case 'letters':
      return drawLetter(rng, fonts);
    case 'symbols':
      return drawSymbol(rng, fonts);
    case 'doodles':
      return drawDoodle(rng);
    case 'scribbles':
      return drawScribble(rng);
    case 'pairs':
      return drawPair(rng, digits.set, digits.ids);
    case 'cut-digits':
      return drawCutDigit(rng, digits.set, digits.ids);
    case 'textures':
      return drawTexture(rng);
    case 'objects':
      return drawObject(rng);
  }
}

/**
 * The shape of the ink of a 28×28 input (values 0–1 or bytes 0–255) from its second moments:
 * `roundness` is the ratio of the principal axes' spreads (0 a line, 1 round), `tilt` the angle
 * of the long axis from the horizontal, 0 to π/2.
 */
export function inkShape(pixels: ArrayLike<number>): { roundness: number; tilt: number } {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < 784; i++) {
    const v = pixels[i]!;
    m += v;
    mx += v * (i % 28);
    my += v * Math.floor(i / 28);
  }
  if (m === 0) return { roundness: 0, tilt: 0 };
  mx /= m;
  my /= m;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < 784; i++) {
    const v = pixels[i]!;
    const dx = (i % 28) - mx;
    const dy = Math.floor(i / 28) - my;
    xx += v * dx * dx;
    yy += v * dy * dy;
    xy += v * dx * dy;
  }
  const mean = (xx + yy) / 2;
  const spread = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  return {
    roundness: Math.sqrt(Math.max(0, mean - spread) / Math.max(1e-9, mean + spread)),
    tilt: Math.abs(0.5 * Math.atan2(2 * xy, xx - yy)),
  };
}

/**
 * A line-like piece of ink within 50° of upright reads as a 1, whatever it was a picture of (a pen
 * seen from above, a stem of a cut digit): never a negative.
 */
export function readsAsOne(pixels: ArrayLike<number>): boolean {
  const { roundness, tilt } = inkShape(pixels);
  return roundness < 0.35 && tilt > (40 * Math.PI) / 180;
}

/**
 * One negative of `category`, or null when the drawing is no negative as `classify()` sees it:
 * blank to the pipeline, or (pairs, cut digits) cropped by it to a part that may be one digit.
 */
export function makeNegative(category: Category, rng: Random, split: Split, digits: DigitSource): Float32Array | null {
  const drawing = draw(category, rng, split, digits);
  if (!drawing) return null;
  const input = modelInputOf(drawing.values, drawing.size);
  if (!input) return null;
  if (category === 'pairs' || category === 'cut-digits') {
    const drawn = darkBounds(drawing.values, drawing.size, 0.6);
    if (!drawn || input.box.width < 0.85 * drawn.width || input.box.height < 0.85 * drawn.height) return null;
    // A line-like piece of a digit reads as a 1 however it lies.
    if (category === 'cut-digits' && inkShape(input.pixels).roundness < 0.35) return null;
  }
  return input.pixels;
}

/** `perCategory` negatives of every category for `split`, in category order. */
export function generateNegatives(
  split: Split,
  seed: number,
  perCategory: number,
  digits: DigitSource,
  onProgress?: (done: number, total: number) => void,
): NegativeSet {
  const count = perCategory * CATEGORIES.length;
  const images = new Uint8Array(count * 784);
  const categories = new Uint8Array(count);
  let done = 0;
  CATEGORIES.forEach((category, c) => {
    for (let i = 0; i < perCategory; i++) {
      // Each image has its own stream: the set is the same whatever is generated around it.
      let attempt = 0;
      let pixels: Float32Array | null = null;
      while (!pixels) {
        const rng = new Random((seed * 7_919 + SPLIT_OFFSET[split] + c * 104_729 + i * 31 + attempt * 977_717) | 0);
        pixels = makeNegative(category, rng, split, digits);
        if (++attempt > 200) throw new Error(`Cannot draw a ${category} negative (index ${i}) after 200 attempts`);
      }
      const at = (c * perCategory + i) * 784;
      for (let p = 0; p < 784; p++) images[at + p] = Math.round(Math.min(1, Math.max(0, pixels[p]!)) * 255);
      categories[c * perCategory + i] = c;
      onProgress?.(++done, count);
    }
  });
  return { images, categories, count };
}

/** {@link generateNegatives}, read from or written to the cache folder `dir`. */
export function cachedNegatives(
  dir: string,
  split: Split,
  seed: number,
  perCategory: number,
  digits: DigitSource,
  onProgress?: (done: number, total: number) => void,
): NegativeSet {
  const file = join(dir, `${split}-s${seed}-n${perCategory}-v${GENERATOR_VERSION}.bin`);
  const count = perCategory * CATEGORIES.length;
  if (existsSync(file)) {
    const bytes = new Uint8Array(readFileSync(file));
    if (bytes.length === count * 785) {
      return { images: bytes.subarray(0, count * 784), categories: bytes.subarray(count * 784), count };
    }
  }
  const set = generateNegatives(split, seed, perCategory, digits, onProgress);
  mkdirSync(dir, { recursive: true });
  const out = new Uint8Array(count * 785);
  out.set(set.images, 0);
  out.set(set.categories, count * 784);
  writeFileSync(`${file}.tmp`, out);
  renameSync(`${file}.tmp`, file);
  return set;
}
