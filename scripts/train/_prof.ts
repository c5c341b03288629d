import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasm-training-kernels.ts';
import { buildModel } from './model.ts';
registerWasmTrainingKernels();
await tf.setBackend('wasm');
const m = buildModel(1);
m.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const B = 128;
const x = tf.randomUniform([B, 28, 28, 1]); const y = tf.oneHot(tf.randomUniform([B], 0, 10, 'int32'), 10);
await m.trainOnBatch(x, y);
const totals = new Map<string, number>();
const origRun = (tf.engine() as any).runKernelFunc?.bind(tf.engine());
for (const k of tf.getKernelsForBackend('wasm')) {
  const f = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, 'wasm');
  tf.registerKernel({ ...k, kernelFunc: (args: any) => { const t = performance.now(); const r = f(args); totals.set(k.kernelName, (totals.get(k.kernelName) ?? 0) + performance.now() - t); return r; } });
}
const t = performance.now();
for (let i = 0; i < 5; i++) await m.trainOnBatch(x, y);
console.log('total', ((performance.now() - t) / 5).toFixed(0));
console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${(v / 5).toFixed(1)}`).join('\n'));
