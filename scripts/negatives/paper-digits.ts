/**
 * MNIST digits drawn on paper and read back through the library's preprocessing. Every negative
 * goes through that pipeline, so digits must too, or a model could learn "looks preprocessed"
 * instead of "is not a digit"; and they measure what `classify()` does with a clean photo of a digit.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigitSet } from '../train/idx.js';
import { Random } from '../train/random.js';
import { drawDigit } from './digit-pieces.js';
import { GENERATOR_VERSION } from './generate.js';
import { cameraNoise, modelInputOf } from './sheet.js';

/** Digits as the pipeline returns them: 28×28 bytes each, and which MNIST image each one is. */
export interface PaperDigits {
  images: Uint8Array;
  /** Index of the source image in its MNIST set. */
  ids: Uint32Array;
  count: number;
}

/** The pipeline's 28×28 of digit `id` drawn on paper, or null if the pipeline finds nothing. */
export function paperDigit(set: DigitSet, id: number, rng: Random): Float32Array | null {
  const { values, size } = drawDigit(rng, set, id);
  cameraNoise(values, rng);
  return modelInputOf(values, size)?.pixels ?? null;
}

/** Paper versions of `ids` (those the pipeline reads; the others are left out), cached in `dir`. */
export function cachedPaperDigits(
  dir: string,
  name: string,
  set: DigitSet,
  ids: Uint32Array,
  seed: number,
): PaperDigits {
  return cachedPipelineDigits(dir, `paper-${name}`, ids, seed, (id, i) =>
    paperDigit(set, id, new Random((seed * 7_919 + 3_000_017 + i * 31) | 0)),
  );
}

/**
 * The pipeline's 28×28 of each of `ids` as `render` draws it (the i-th of `ids` is `render(id, i)`;
 * null when the pipeline finds nothing: left out), cached in `dir` under `prefix`.
 */
export function cachedPipelineDigits(
  dir: string,
  prefix: string,
  ids: Uint32Array,
  seed: number,
  render: (id: number, i: number) => Float32Array | null,
): PaperDigits {
  const file = join(dir, `${prefix}-s${seed}-n${ids.length}-v${GENERATOR_VERSION}.bin`);
  if (existsSync(file)) {
    const bytes = new Uint8Array(readFileSync(file));
    const count = bytes.length / (784 + 4);
    if (Number.isInteger(count)) {
      return {
        images: bytes.subarray(0, count * 784),
        ids: new Uint32Array(bytes.slice(count * 784).buffer),
        count,
      };
    }
  }
  const images = new Uint8Array(ids.length * 784);
  const kept: number[] = [];
  ids.forEach((id, i) => {
    const pixels = render(id, i);
    if (!pixels) return;
    const at = kept.length * 784;
    for (let p = 0; p < 784; p++) images[at + p] = Math.round(Math.min(1, Math.max(0, pixels[p]!)) * 255);
    kept.push(id);
  });
  const count = kept.length;
  const out = new Uint8Array(count * (784 + 4));
  out.set(images.subarray(0, count * 784));
  out.set(new Uint8Array(Uint32Array.from(kept).buffer), count * 784);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.tmp`, out);
  renameSync(`${file}.tmp`, file);
  return { images: out.subarray(0, count * 784), ids: Uint32Array.from(kept), count };
}
