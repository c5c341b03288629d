/**
 * MNIST digits as a phone photo shows them, read back through the library's preprocessing:
 * written with a thick marker or a thin pen, under a cast shadow (a hand or a phone) and uneven
 * light, slightly out of focus. These are positives: what comes out of the pipeline from such a
 * photo is still a digit, and the verdict member has to learn that (the scene bench kinds
 * cast-shadow, canvas-strokes and note-on-desk draw the same conditions in the browser).
 */
import type { DigitSet } from '../train/idx.js';
import { Random } from '../train/random.js';
import { drawDigit } from './digit-pieces.js';
import { cachedPipelineDigits, type PaperDigits } from './paper-digits.js';
import type { Box } from '../../src/preprocess/mnist-normalize.js';
import { cameraNoise, darkBounds, modelInputOf } from './sheet.js';

/**
 * Grayscale morphology with a disc of `radius` pixels: `darken` spreads the dark ink (a thicker
 * pen), otherwise the paper eats into it (a thinner pen).
 */
function morph(values: Float32Array, size: number, radius: number, darken: boolean): Float32Array {
  const out = new Float32Array(values.length);
  const r = Math.ceil(radius);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = values[y * size + x]!;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= size) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= size || dx * dx + dy * dy > radius * radius) continue;
          const w = values[yy * size + xx]!;
          v = darken ? Math.min(v, w) : Math.max(v, w);
        }
      }
      out[y * size + x] = v;
    }
  }
  return out;
}

/** A box blur of `radius` pixels run twice (close to a Gaussian): soft focus. */
function blur(values: Float32Array, size: number, radius: number): Float32Array {
  let current = values;
  for (let pass = 0; pass < 2; pass++) {
    for (const horizontal of [true, false]) {
      const next = new Float32Array(current.length);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          let sum = 0;
          let n = 0;
          for (let d = -radius; d <= radius; d++) {
            const xx = horizontal ? x + d : x;
            const yy = horizontal ? y : y + d;
            if (xx < 0 || yy < 0 || xx >= size || yy >= size) continue;
            sum += current[yy * size + xx]!;
            n++;
          }
          next[y * size + x] = sum / n;
        }
      }
      current = next;
    }
  }
  return current;
}

/**
 * Uneven light 20–60% darker across the sheet, and often a soft cast shadow 25–55% darker over a
 * half-plane whose blurred edge (1–5% of the sheet) falls anywhere: on the digit, across it or beside it.
 */
function shade(values: Float32Array, size: number, rng: Random, castShadow: boolean): void {
  const lightAngle = rng.uniform(0, 2 * Math.PI);
  const gradient = rng.uniform(0.2, 0.6);
  const lx = Math.cos(lightAngle);
  const ly = Math.sin(lightAngle);
  const shadowAngle = rng.uniform(0, 2 * Math.PI);
  const sx = Math.cos(shadowAngle);
  const sy = Math.sin(shadowAngle);
  const edge = rng.uniform(-0.35, 0.35) * size;
  const soft = rng.uniform(0.01, 0.05) * size;
  const shadow = castShadow ? rng.uniform(0.25, 0.55) : 0;
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const along = ((x - half) * lx + (y - half) * ly) / size + 0.5;
      const light = 1 - gradient * Math.min(1, Math.max(0, along));
      const d = ((x - half) * sx + (y - half) * sy - edge) / soft;
      const inShadow = 1 / (1 + Math.exp(-d));
      values[y * size + x] = values[y * size + x]! * light * (1 - shadow * inShadow);
    }
  }
}

/** Which photo conditions one rendering has; at least one of them. */
interface Conditions {
  pen: 'marker' | 'thin' | 'as written';
  castShadow: boolean;
  unevenLight: boolean;
  blurRadius: number;
}

function conditionsFor(rng: Random): Conditions {
  const roll = rng.next();
  const pen = roll < 0.4 ? 'marker' : roll < 0.6 ? 'thin' : 'as written';
  const castShadow = rng.chance(0.5);
  const unevenLight = castShadow || rng.chance(0.5);
  const blurRadius = rng.chance(0.35) ? 1 + rng.int(2) : 0;
  if (pen === 'as written' && !unevenLight && blurRadius === 0)
    return { pen, castShadow: true, unevenLight, blurRadius };
  return { pen, castShadow, unevenLight, blurRadius };
}

/** How much of `inner`'s extent `outer` covers, the lesser of the two directions (0 … 1). */
function coverage(outer: Box, inner: Box): number {
  const across = (a0: number, a1: number, b0: number, b1: number): number =>
    Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / Math.max(1, b1 - b0);
  return Math.min(
    across(outer.x, outer.x + outer.width, inner.x, inner.x + inner.width),
    across(outer.y, outer.y + outer.height, inner.y, inner.y + inner.height),
  );
}

/**
 * The pipeline's 28×28 of digit `id` in a photo-like rendering, or null if the pipeline finds
 * nothing or finds something else (the edge of the shadow, a digit cut by it): then the input
 * is no digit and no positive either.
 */
export function photoDigit(set: DigitSet, id: number, rng: Random): Float32Array | null {
  const drawn = drawDigit(rng, set, id);
  const { size } = drawn;
  let values = drawn.values;
  const conditions = conditionsFor(rng);
  const before = darkBounds(values, size, 0.6);
  const height = before ? Math.max(before.width, before.height) : size / 2;
  if (conditions.pen === 'marker') {
    // A marker's stroke is 12–20% of the digit's height; MNIST's is about 12%.
    values = morph(values, size, Math.max(1, rng.uniform(0.02, 0.05) * height), true);
  } else if (conditions.pen === 'thin' && height > 60) {
    values = morph(values, size, 1, false);
  }
  const ink = darkBounds(values, size, 0.6);
  if (conditions.unevenLight) shade(values, size, rng, conditions.castShadow);
  if (conditions.blurRadius > 0) values = blur(values, size, conditions.blurRadius);
  cameraNoise(values, rng);
  const input = modelInputOf(values, size);
  if (!input || !ink) return null;
  const { box } = input;
  const whole = coverage(box, ink) >= 0.85;
  const onlyTheDigit = box.width <= 1.3 * ink.width + 4 && box.height <= 1.3 * ink.height + 4;
  return whole && onlyTheDigit ? input.pixels : null;
}

/** Photo-like versions of `ids` (those the pipeline reads), cached in `dir`. */
export function cachedPhotoDigits(
  dir: string,
  name: string,
  set: DigitSet,
  ids: Uint32Array,
  seed: number,
): PaperDigits {
  return cachedPipelineDigits(dir, `photo-${name}`, ids, seed, (id, i) =>
    photoDigit(set, id, new Random((seed * 7_919 + 5_000_011 + i * 37) | 0)),
  );
}
