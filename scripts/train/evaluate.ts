/** Accuracy and confusion matrix of a model on a set of 28×28 images. */
import * as tf from '@tensorflow/tfjs';

export interface Evaluation {
  accuracy: number;
  count: number;
  /** confusion[label][predicted] */
  confusion: number[][];
}

export function evaluate(
  model: tf.LayersModel,
  images: Float32Array,
  labels: Uint8Array,
  indices?: Uint32Array,
  batchSize = 1000,
): Evaluation {
  const ids = indices ?? Uint32Array.from(labels.keys());
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  let correct = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.subarray(start, start + batchSize);
    const x = new Float32Array(batch.length * 784);
    batch.forEach((id, i) => x.set(images.subarray(id * 784, id * 784 + 784), i * 784));
    const predicted = tf.tidy(() => {
      const out = model.predict(tf.tensor4d(x, [batch.length, 28, 28, 1])) as tf.Tensor;
      return out.argMax(-1).dataSync();
    });
    batch.forEach((id, i) => {
      const label = labels[id]!;
      const guess = predicted[i]!;
      confusion[label]![guess]!++;
      if (label === guess) correct++;
    });
  }
  return { accuracy: correct / ids.length, count: ids.length, confusion };
}
