/**
 * Everything the verdict model learns from and is measured on: MNIST (normalised as
 * `preprocess()` does), split as `npm run train` splits it, and the not-a-digit sets of
 * scripts/negatives (training pool, validation, held-out test), cached under .cache/negatives/.
 */
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { normalizeAll, take } from '../train/normalize.js';
import { digitSourceFor, splitMnistTrain, type MnistTrainSplit } from '../negatives/digit-source.js';
import { cachedNegatives, type NegativeSet } from '../negatives/generate.js';

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
}

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
  let test = normalizeAll(readMnistSplit(options.dataDir, 't10k'));
  if (quick) {
    raw = take(raw, 1000 + options.validation);
    test = take(test, 300);
  }
  const mnist: MnistTrainSplit = splitMnistTrain(raw, seed, options.validation);
  const negatives = {} as VerdictData['negatives'];
  for (const split of ['train', 'validation', 'test'] as const) {
    const started = Date.now();
    let last = 0;
    negatives[split] = cachedNegatives(
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
  }
  return {
    train: normalizeAll(raw),
    trainIds: mnist.trainIds,
    validationIds: mnist.validationIds,
    test,
    negatives,
  };
}

/** Writes negative `index` of `set` into `out` as floats in [0, 1]. */
export function negativeInto(set: NegativeSet, index: number, out: Float32Array): void {
  const at = index * 784;
  for (let p = 0; p < 784; p++) out[p] = set.images[at + p]! / 255;
}
