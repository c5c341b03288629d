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

/** MNIST as the verdict member reads it: both files (fewer images for --quick) and the seeded split. */
interface MnistFiles {
  raw: DigitSet;
  rawTest: DigitSet;
  mnist: MnistTrainSplit;
}

function mnistFiles(options: DataOptions): MnistFiles {
  let raw = readMnistSplit(options.dataDir, 'train');
  let rawTest = readMnistSplit(options.dataDir, 't10k');
  if (options.quick) {
    raw = take(raw, 1000 + options.validation);
    rawTest = take(rawTest, 300);
  }
  return { raw, rawTest, mnist: splitMnistTrain(raw, options.seed, options.validation) };
}

/** The not-a-digit sets of every split, drawn once and cached, without those that read as a 1. */
function negativeSets(options: DataOptions, { mnist }: MnistFiles): VerdictData['negatives'] {
  const { seed, log } = options;
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
  return negatives;
}

/** Digits read through the pipeline, on paper and photo-like, drawn once and cached. */
function pipelineDigits(
  options: DataOptions,
  { raw, rawTest, mnist }: MnistFiles,
): Pick<VerdictData, 'paper' | 'photo'> {
  const { quick, seed, log } = options;
  const testIds = (n: number): Uint32Array => Uint32Array.from({ length: Math.min(n, rawTest.count) }, (_, i) => i);
  let started = Date.now();
  const paper = {
    train: cachedPaperDigits(options.cacheDir, 'train', raw, mnist.trainIds.subarray(0, quick ? 200 : 12_000), seed),
    validation: cachedPaperDigits(
      options.cacheDir,
      'validation',
      raw,
      mnist.validationIds.subarray(0, quick ? 100 : undefined),
      seed,
    ),
    test: cachedPaperDigits(options.cacheDir, 'test', rawTest, testIds(quick ? 100 : rawTest.count), seed),
  };
  log(`digits on paper through the pipeline: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  started = Date.now();
  const counts = quick ? { train: 200, validation: 100, test: 100 } : PHOTO_DIGITS;
  // Training digits after those drawn on paper, so more digits are seen through the pipeline.
  const afterPaper = quick ? 200 : 12_000;
  const photo = {
    train: cachedPhotoDigits(
      options.cacheDir,
      'train',
      raw,
      mnist.trainIds.subarray(afterPaper, afterPaper + counts.train),
      seed,
    ),
    validation: cachedPhotoDigits(
      options.cacheDir,
      'validation',
      raw,
      mnist.validationIds.subarray(0, counts.validation),
      seed,
    ),
    test: cachedPhotoDigits(options.cacheDir, 'test', rawTest, testIds(counts.test), seed),
  };
  log(`photo-like digits through the pipeline: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { paper, photo };
}

/**
 * Draws and caches one part of the data only (`npm run train` makes the two parts on both cores
 * at once, before the members train).
 */
export function prepareVerdictData(options: DataOptions, part: 'negatives' | 'digits'): void {
  const files = mnistFiles(options);
  if (part === 'negatives') negativeSets(options, files);
  else pipelineDigits(options, files);
}

export function loadVerdictData(options: DataOptions): VerdictData {
  const files = mnistFiles(options);
  const negatives = negativeSets(options, files);
  const { paper, photo } = pipelineDigits(options, files);
  return {
    train: normalizeAll(files.raw),
    trainIds: files.mnist.trainIds,
    validationIds: files.mnist.validationIds,
    test: normalizeAll(files.rawTest),
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
