/** Predictions of an 11-class model on digits and negatives, and the figures the card reports. */
import * as tf from '@tensorflow/tfjs';
import { CATEGORIES, type NegativeSet } from '../negatives/generate.js';
import type { PaperDigits } from '../negatives/paper-digits.js';
import type { DigitSet } from '../train/idx.js';
import { CLASSES, negativeInto, NOT_A_DIGIT } from './data.js';

/** A set of 28×28 inputs with their expected class (0–9, or 10 for not a digit). */
export interface Labelled {
  count: number;
  labels: Uint8Array;
  fill: (i: number, out: Float32Array) => void;
}

export function digitsOf(set: DigitSet, ids?: Uint32Array): Labelled {
  const list = ids ?? Uint32Array.from({ length: set.count }, (_, i) => i);
  return {
    count: list.length,
    labels: Uint8Array.from(list, (id) => set.labels[id]!),
    fill: (i, out) => out.set(set.images.subarray(list[i]! * 784, list[i]! * 784 + 784)),
  };
}

/** Digits through the pipeline, labelled from their MNIST set. */
export function paperDigitsOf(paper: PaperDigits, set: DigitSet, limit = paper.count): Labelled {
  const count = Math.min(limit, paper.count);
  return {
    count,
    labels: Uint8Array.from(paper.ids.subarray(0, count), (id) => set.labels[id]!),
    fill: (i, out) => {
      for (let p = 0; p < 784; p++) out[p] = paper.images[i * 784 + p]! / 255;
    },
  };
}

export function negativesOf(set: NegativeSet): Labelled {
  return {
    count: set.count,
    labels: new Uint8Array(set.count).fill(NOT_A_DIGIT),
    fill: (i, out) => negativeInto(set, i, out),
  };
}

export function concat(a: Labelled, b: Labelled): Labelled {
  return {
    count: a.count + b.count,
    labels: Uint8Array.from([...a.labels, ...b.labels]),
    fill: (i, out) => (i < a.count ? a.fill(i, out) : b.fill(i - a.count, out)),
  };
}

/** The model's output (n × classes) on every input, in batches. */
export function outputsOf(model: tf.LayersModel, data: Labelled, batchSize = 500): Float32Array {
  const k = (model.outputs[0]!.shape[1] as number) ?? CLASSES;
  const out = new Float32Array(data.count * k);
  const x = new Float32Array(batchSize * 784);
  for (let start = 0; start < data.count; start += batchSize) {
    const n = Math.min(batchSize, data.count - start);
    for (let i = 0; i < n; i++) data.fill(start + i, x.subarray(i * 784, (i + 1) * 784));
    const y = tf.tidy(() =>
      (model.predict(tf.tensor4d(x.subarray(0, n * 784), [n, 28, 28, 1])) as tf.Tensor).dataSync(),
    );
    out.set(y, start * k);
  }
  return out;
}

/** Logits (before the softmax) of a Sequential model whose last layer is a softmax dense layer. */
export function logitsOf(model: tf.LayersModel, data: Labelled): Float32Array {
  const dense = model.layers[model.layers.length - 1]!;
  const features = tf.model({ inputs: model.inputs, outputs: model.layers[model.layers.length - 2]!.output });
  const [kernel, bias] = dense.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const f = outputsOf(features, data);
  const width = kernel.shape[0];
  return tf.tidy(() => tf.tensor2d(f, [data.count, width]).matMul(kernel).add(bias).dataSync() as Float32Array);
}

function argmax(row: Float32Array): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
  return best;
}

/** On digits: accuracy (11-way), how many were called not a digit, accuracy among the 10 digits only. */
export function digitFigures(outputs: Float32Array, labels: Uint8Array, k = CLASSES) {
  let correct = 0;
  let rejected = 0;
  let correctAmongDigits = 0;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < labels.length; r++) {
    const row = outputs.subarray(r * k, (r + 1) * k);
    const guess = argmax(row);
    if (guess === labels[r]) correct++;
    if (guess === NOT_A_DIGIT) rejected++;
    if (argmax(row.subarray(0, 10)) === labels[r]) correctAmongDigits++;
    confusion[labels[r]!]![guess]!++;
  }
  const n = labels.length;
  return {
    count: n,
    accuracy: correct / n,
    notADigitRate: rejected / n,
    tenWayAccuracy: correctAmongDigits / n,
    confusion,
  };
}

/** On negatives: the share called not a digit, overall and per category. */
export function negativeFigures(outputs: Float32Array, set: NegativeSet, k = CLASSES) {
  const flagged = new Array<number>(CATEGORIES.length).fill(0);
  const total = new Array<number>(CATEGORIES.length).fill(0);
  for (let r = 0; r < set.count; r++) {
    const c = set.categories[r]!;
    total[c]!++;
    if (argmax(outputs.subarray(r * k, (r + 1) * k)) === NOT_A_DIGIT) flagged[c]!++;
  }
  const perCategory = Object.fromEntries(CATEGORIES.map((name, c) => [name, flagged[c]! / Math.max(1, total[c]!)]));
  return { count: set.count, rate: flagged.reduce((a, b) => a + b, 0) / Math.max(1, set.count), perCategory };
}
