/**
 * Everything the verdict model learns from and is measured on: MNIST (normalised as
 * `preprocess()` does), split as `npm run train:digits` splits it, and the not-a-digit sets of
 * scripts/negatives (training pool, validation, held-out test), cached under .cache/negatives/.
 */
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { normalizeAll, take } from '../train/normalize.js';
import { digitSourceFor, splitMnistTrain, type MnistTrainSplit } from '../negatives/digit-source.js';
import { cachedNegatives, CATEGORIES, withoutOnes, type NegativeSet } from '../negatives/generate.js';
import { cachedPaperDigits, type PaperDigits } from '../negatives/paper-digits.js';
import { cachedPhotoDigits } from '../negatives/photo-digits.js';

/** The 11th output: not a digit. */
export const NOT_A_DIGIT = 10;
export const CLASSES = 11;

export interface VerdictData {
  /** MNIST's training file, normalised. */
  train: DigitSet;
  trainIds: Uint32Array;
  validationIds: Uint32Array;
  /** MNIST's test file, normalised: read only for the final report. */
  test: DigitSet;
  negatives: { train: NegativeSet; validation: NegativeSet; test: NegativeSet };
  /** Digits drawn on paper and read through the pipeline: part of training, validation and test. */
  paper: { train: PaperDigits; validation: PaperDigits; test: PaperDigits };
  /**
   * Digits in photo-like renderings (thick marker, thin pen, cast shadow, uneven light, soft
   * focus) read through the pipeline: other training digits than `paper.train`'s, and part of
   * validation and test.
   */
  photo: { train: PaperDigits; validation: PaperDigits; test: PaperDigits };
}

/** How many digits each split has in photo-like renderings (they take ~40 ms each to make). */
export const PHOTO_DIGITS = { train: 8_000, validation: 2_000, test: 5_000 } as const;

export interface DataOptions {
  dataDir: string;
  cacheDir: string;
  seed: number;
  validation: number;
  quick: boolean;
  /** Negatives per category: training pool, validation, test. */
  perCategory: { train: number; validation: number; test: number };
  log: (line: string) => void;
}

export function loadVerdictData(options: DataOptions): VerdictData {
  const { quick, seed, log } = options;
  let raw = readMnistSplit(options.dataDir, 'train');
  let rawTest = readMnistSplit(options.dataDir, 't10k');
  if (quick) {
    raw = take(raw, 1000 + options.validation);
    rawTest = take(rawTest, 300);
  }
  const mnist: MnistTrainSplit = splitMnistTrain(raw, seed, options.validation);
  const negatives = {} as VerdictData['negatives'];
  for (const split of ['train', 'validation', 'test'] as const) {
    const started = Date.now();
    let last = 0;
    const drawn = cachedNegatives(
      options.cacheDir,
      split,
      seed,
      options.perCategory[split],
      digitSourceFor(split, mnist),
      (done, total) => {
        if (Date.now() - last > 20_000 || done === total) {
          log(`negatives (${split}): ${done}/${total}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
          last = Date.now();
        }
      },
    );
    negatives[split] = withoutOnes(drawn);
    const left = CATEGORIES.map((c, i) => `${c} ${negatives[split].categories.filter((k) => k === i).length}`);
    log(`negatives (${split}) that do not read as a 1: ${left.join(', ')}`);
  }
  log('digits through the pipeline…');
  const paper = {
    train: cachedPaperDigits(options.cacheDir, 'train', raw, mnist.trainIds.subarray(0, quick ? 200 : 12_000), seed),
    validation: cachedPaperDigits(
      options.cacheDir,
      'validation',
      raw,
      mnist.validationIds.subarray(0, quick ? 100 : undefined),
      seed,
    ),
    test: cachedPaperDigits(
      options.cacheDir,
      'test',
      rawTest,
      Uint32Array.from({ length: quick ? 100 : rawTest.count }, (_, i) => i),
      seed,
    ),
  };
  log('digits in photo-like renderings through the pipeline…');
  const counts = quick ? { train: 200, validation: 100, test: 100 } : PHOTO_DIGITS;
  // Training digits after those drawn on paper, so more digits are seen through the pipeline.
  const afterPaper = quick ? 200 : 12_000;
  const photoTrainIds = mnist.trainIds.subarray(afterPaper, afterPaper + counts.train);
  const photo = {
    train: cachedPhotoDigits(options.cacheDir, 'train', raw, photoTrainIds, seed),
    validation: cachedPhotoDigits(
      options.cacheDir,
      'validation',
      raw,
      mnist.validationIds.subarray(0, counts.validation),
      seed,
    ),
    test: cachedPhotoDigits(
      options.cacheDir,
      'test',
      rawTest,
      Uint32Array.from({ length: Math.min(counts.test, rawTest.count) }, (_, i) => i),
      seed,
    ),
  };
  return {
    train: normalizeAll(raw),
    trainIds: mnist.trainIds,
    validationIds: mnist.validationIds,
    test: normalizeAll(rawTest),
    negatives,
    paper,
    photo,
  };
}

/** Writes negative `index` of `set` into `out` as floats in [0, 1]. */
export function negativeInto(set: NegativeSet, index: number, out: Float32Array): void {
  const at = index * 784;
  for (let p = 0; p < 784; p++) out[p] = set.images[at + p]! / 255;
}
