import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../../scripts/train/wasm-training-kernels.js';

registerWasmTrainingKernels();

type Case = {
  pad: 'same' | 'valid';
  stride: number;
  shape: [number, number, number, number];
  filter: [number, number, number, number];
};
const cases: Case[] = [
  { pad: 'same', stride: 1, shape: [4, 9, 11, 3], filter: [3, 3, 3, 5] },
  { pad: 'valid', stride: 1, shape: [2, 10, 8, 2], filter: [5, 3, 2, 4] },
  { pad: 'same', stride: 2, shape: [3, 9, 9, 2], filter: [3, 3, 2, 3] },
  { pad: 'valid', stride: 2, shape: [2, 12, 10, 1], filter: [4, 4, 1, 6] },
];

async function gradients(backend: string, c: Case): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.randomUniform(c.shape, -1, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomUniform(c.filter, -1, 1, 'float32', 2) as tf.Tensor4D;
    const probe = tf.conv2d(x, w, c.stride, c.pad);
    const dy = tf.randomUniform(probe.shape, -1, 1, 'float32', 3);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), dy));
    const [dx, dw] = tf.grads(f)([x, w]);
    return { dx: dx!.dataSync() as Float32Array, dw: dw!.dataSync() as Float32Array };
  });
}

describe('wasm training kernels', () => {
  for (const c of cases) {
    it(`match the cpu backend's conv2d gradients (${c.pad}, stride ${c.stride})`, async () => {
      const cpu = await gradients('cpu', c);
      const wasm = await gradients('wasm', c);
      for (const key of ['dx', 'dw'] as const) {
        assert.equal(wasm[key].length, cpu[key].length);
        let worst = 0;
        for (let i = 0; i < cpu[key].length; i++) worst = Math.max(worst, Math.abs(cpu[key][i]! - wasm[key][i]!));
        assert.ok(worst < 1e-4, `${key} differs by ${worst}`);
      }
    });
  }

  it('give the batch-norm gradient that plain arithmetic gives', async () => {
    await tf.setBackend('wasm');
    const [fused, plain] = tf.tidy(() => {
      const x = tf.randomUniform([4, 5, 5, 3], -1, 1, 'float32', 4);
      const gamma = tf.randomUniform([3], 0.5, 1.5, 'float32', 5);
      const weights = tf.randomUniform([4, 5, 5, 3], -1, 1, 'float32', 6);
      const viaKernel = (a: tf.Tensor, g: tf.Tensor) => {
        const { mean, variance } = tf.moments(a, [0, 1, 2]);
        return tf.sum(tf.mul(tf.batchNorm(a, mean, variance, tf.zeros([3]), g, 1e-3), weights));
      };
      const viaArithmetic = (a: tf.Tensor, g: tf.Tensor) => {
        const { mean, variance } = tf.moments(a, [0, 1, 2]);
        return tf.sum(tf.mul(tf.mul(tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, 1e-3))), g), weights));
      };
      return [viaKernel, viaArithmetic].map((f) =>
        tf
          .grads(f)([x, gamma])
          .map((t) => t.dataSync() as Float32Array),
      );
    });
    fused!.forEach((g, k) =>
      g.forEach((v, i) => assert.ok(Math.abs(v - plain![k]![i]!) < 1e-3, `grad ${k}[${i}]: ${v} vs ${plain![k]![i]}`)),
    );
  });
});
