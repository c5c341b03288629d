/**
 * Distillation's teacher: trained members whose averaged judgement a new net learns from.
 * The members' digit read is combined as the shipped ensemble combines it (src/classify/ensemble.ts):
 * the softmax of their mean digit log-probabilities. A member with an 11th "not a digit" output
 * contributes its digit outputs only.
 */
import * as tf from '@tensorflow/tfjs';
import { loadFrom } from './model-files.js';

export interface Teacher {
  /** Folder names of the members, for the model card. */
  names: string[];
  /**
   * Replaces each one-hot row of `y` by `(1 − weight) · one-hot + weight · teacher`, the teacher's
   * digit probabilities softened by `temperature`.
   */
  soften: (x: Float32Array, count: number, y: Float32Array) => void;
}

export async function loadTeacher(dirs: string[], weight: number, temperature: number): Promise<Teacher> {
  const members = await Promise.all(dirs.map((dir) => tf.loadLayersModel(loadFrom(dir))));
  return {
    names: dirs,
    soften: (x, count, y) => {
      const soft = tf.tidy(() => {
        const input = tf.tensor4d(x.subarray(0, count * 784), [count, 28, 28, 1]);
        const logs = members.map((member) => {
          const p = member.predict(input) as tf.Tensor2D;
          return tf.log(tf.maximum(p.slice([0, 0], [count, 10]), 1e-12));
        });
        return tf.softmax(tf.div(tf.addN(logs), logs.length * temperature)).dataSync();
      });
      for (let i = 0; i < count * 10; i++) y[i] = (1 - weight) * y[i]! + weight * soft[i]!;
    },
  };
}
