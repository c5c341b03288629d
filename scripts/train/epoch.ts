/** One training epoch over shuffled examples, with progress and the per-step learning rate. */
import * as tf from '@tensorflow/tfjs';
import { Progress } from './progress.js';

export interface EpochOptions {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  /** Example ids in this epoch's order. */
  ids: Uint32Array;
  batchSize: number;
  /** One example's input shape, e.g. [28, 28, 1]. */
  inputShape: [number, number, number];
  classes: number;
  /** Writes example `id` into `input` and returns its class. */
  example: (id: number, input: Float32Array) => number;
  /** The learning rate at this epoch's step `step`. */
  learningRate: (step: number) => number;
  /** Shown before the progress bar, e.g. "epoch 2/12". */
  label: string;
  /**
   * Rewrites a batch's targets before the step (e.g. to mix in a teacher's soft labels): `x` holds
   * `count` inputs, `y` their one-hot rows.
   */
  targets?: (x: Float32Array, count: number, y: Float32Array) => void;
  /** Called after every step (e.g. to average weights). */
  afterStep?: (step: number) => void;
}

/** Trains one pass over `ids`; returns the mean loss and (training) accuracy, and the seconds taken. */
export async function trainEpoch(options: EpochOptions): Promise<{ loss: number; accuracy: number; seconds: number }> {
  const { model, optimizer, ids, batchSize, inputShape, classes } = options;
  const size = inputShape[0] * inputShape[1] * inputShape[2];
  const steps = Math.ceil(ids.length / batchSize);
  const x = new Float32Array(batchSize * size);
  const y = new Float32Array(batchSize * classes);
  const progress = new Progress(steps);
  const started = Date.now();
  let lossSum = 0;
  let accSum = 0;
  for (let step = 0; step < steps; step++) {
    const batch = ids.subarray(step * batchSize, (step + 1) * batchSize);
    y.fill(0);
    batch.forEach((id, i) => {
      y[i * classes + options.example(id, x.subarray(i * size, (i + 1) * size))] = 1;
    });
    options.targets?.(x, batch.length, y);
    (optimizer as unknown as { learningRate: number }).learningRate = options.learningRate(step);
    const [xs, ys] = tf.tidy(() => [
      tf.tensor4d(x.subarray(0, batch.length * size), [batch.length, ...inputShape]),
      tf.tensor2d(y.subarray(0, batch.length * classes), [batch.length, classes]),
    ]);
    const result = (await model.trainOnBatch(xs!, ys!)) as number[];
    tf.dispose([xs!, ys!]);
    options.afterStep?.(step);
    lossSum += result[0]!;
    accSum += result[1]!;
    progress.update(step + 1, options.label, {
      loss: (lossSum / (step + 1)).toFixed(4),
      acc: `${((accSum / (step + 1)) * 100).toFixed(2)}%`,
    });
  }
  progress.done();
  return { loss: lossSum / steps, accuracy: accSum / steps, seconds: (Date.now() - started) / 1000 };
}
