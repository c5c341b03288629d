/** MNIST images through the same normalisation `preprocess()` ends with. */
import { INK_THRESHOLD, inkBounds, mnistNormalize } from '../../src/preprocess/mnist-normalize.js';
import type { DigitSet } from './idx.js';

/** Every image through the same MNIST normalisation `preprocess()` ends with. */
export function normalizeAll(set: DigitSet): DigitSet {
  const images = new Float32Array(set.images.length);
  for (let i = 0; i < set.count; i++) {
    const img = set.images.subarray(i * 784, i * 784 + 784);
    const box = inkBounds(img, 28, 28, INK_THRESHOLD);
    if (box) images.set(mnistNormalize(img, 28, 28, box), i * 784);
  }
  return { ...set, images };
}

/** The first `count` images of a set. */
export function take(set: DigitSet, count: number): DigitSet {
  return { images: set.images.subarray(0, count * 784), labels: set.labels.subarray(0, count), count };
}
