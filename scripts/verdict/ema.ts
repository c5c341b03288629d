/**
 * Exponential moving average of a model's weights (batch-norm statistics included): the averaged
 * weights generalise better than the last step's, at no cost in the shipped model's size.
 */
import * as tf from '@tensorflow/tfjs';

export class WeightAverage {
  private shadow: tf.Tensor[];

  constructor(
    private readonly model: tf.LayersModel,
    private readonly decay: number,
    initial?: tf.Tensor[],
  ) {
    this.shadow = (initial ?? model.getWeights()).map((w) => tf.keep(w.clone()));
  }

  /** Folds the model's current weights into the average; `step` warms the decay up. */
  update(step: number): void {
    const d = Math.min(this.decay, (1 + step) / (10 + step));
    const next = tf.tidy(() =>
      this.model.getWeights().map((w, i) => tf.keep(this.shadow[i]!.mul(d).add(w.mul(1 - d)))),
    );
    tf.dispose(this.shadow);
    this.shadow = next;
  }

  get weights(): tf.Tensor[] {
    return this.shadow;
  }

  /** Runs `fn` with the averaged weights in the model, then puts the trained ones back. */
  async with<T>(fn: () => T | Promise<T>): Promise<T> {
    const trained = this.model.getWeights().map((w) => w.clone());
    this.model.setWeights(this.shadow);
    try {
      return await fn();
    } finally {
      this.model.setWeights(trained);
      tf.dispose(trained);
    }
  }
}
