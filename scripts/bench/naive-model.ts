/**
 * The "naive stack" the benchmark compares against (issue 6): the Keras-style MNIST CNN of the app
 * this project grew out of, on full `@tensorflow/tfjs`.
 *
 *   conv2d 32 3×3 relu → conv2d 64 3×3 relu → maxpool 2 → dropout 0.25 → flatten →
 *   dense 128 relu → dropout 0.5 → dense 10 softmax   (1,199,882 parameters)
 *
 * Trained briefly in Node (tfjs on the wasm backend, Adam, batch 128) for at most one epoch of
 * the 60,000 MNIST training digits or `--seconds` (default 240), whichever comes first, then
 * saved in tfjs layers format (float32, as such apps ship it) to `.cache/naive-model/` with a
 * `training.json` beside it (samples, seconds, samples/s). The browser part of the benchmark
 * serves that folder to the naive page.
 *
 *   npx tsx scripts/bench/naive-model.ts [--seconds=240] [--force]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readMnistSplit } from '../train/idx.js';
import { saveTo } from '../train/model-files.js';
import { registerWasmTrainingKernels } from '../train/wasm-training-kernels.js';
import { MNIST_DIR, ROOT } from './node-accuracy.js';

export const NAIVE_DIR = join(ROOT, '.cache/naive-model');
export const NAIVE_ARCHITECTURE =
  'conv2d 32 3×3 relu → conv2d 64 3×3 relu → maxpool 2 → dropout 0.25 → flatten → dense 128 relu → ' +
  'dropout 0.5 → dense 10 softmax';

export interface NaiveTraining {
  parameters: number;
  samples: number;
  epochs: number;
  seconds: number;
  samplesPerSecond: number;
  batchSize: number;
  optimizer: string;
  backend: string;
  /** Accuracy on 1,000 MNIST test digits right after training, in Node (the browser measures its own). */
  nodeTestAccuracy: number;
  weightBytes: number;
  date: string;
}

/** The Keras-style model (input 28×28×1). Weights are random until trained. */
export function buildNaiveModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.dropout({ rate: 0.25 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return model;
}

/** The saved training record, or null when the model has not been trained yet. */
export function readNaiveTraining(): NaiveTraining | null {
  const file = join(NAIVE_DIR, 'training.json');
  return existsSync(file) && existsSync(join(NAIVE_DIR, 'model.json'))
    ? (JSON.parse(readFileSync(file, 'utf8')) as NaiveTraining)
    : null;
}

/** Trains and saves the naive model unless it is already there (or `force`). */
export async function ensureNaiveModel(options: {
  seconds?: number;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<NaiveTraining> {
  const log = options.log ?? ((line: string) => console.log(line));
  const existing = readNaiveTraining();
  if (existing && !options.force) return existing;
  const budgetMs = (options.seconds ?? 240) * 1000;
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  const train = readMnistSplit(MNIST_DIR, 'train');
  const test = readMnistSplit(MNIST_DIR, 't10k');
  const model = buildNaiveModel();
  const optimizer = 'adam (learning rate 0.001)';
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const batchSize = 128;
  // A fixed shuffle of the training set (seeded LCG), consumed batch by batch.
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  let state = 12345;
  for (let i = order.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  log(`Naive model: ${model.countParams().toLocaleString('en')} parameters, backend ${tf.getBackend()}; training…`);
  const started = performance.now();
  let samples = 0;
  for (let start = 0; start < train.count; start += batchSize) {
    const ids = order.subarray(start, Math.min(train.count, start + batchSize));
    const xs = new Float32Array(ids.length * 784);
    const ys = new Float32Array(ids.length * 10);
    ids.forEach((id, n) => {
      xs.set(train.images.subarray(id * 784, id * 784 + 784), n * 784);
      ys[n * 10 + train.labels[id]!] = 1;
    });
    const x = tf.tensor4d(xs, [ids.length, 28, 28, 1]);
    const y = tf.tensor2d(ys, [ids.length, 10]);
    const [loss] = (await model.trainOnBatch(x, y)) as number[];
    x.dispose();
    y.dispose();
    samples += ids.length;
    const elapsed = performance.now() - started;
    if ((start / batchSize) % 50 === 0)
      log(`  ${samples}/${train.count} samples, loss ${loss?.toFixed(3)}, ${(elapsed / 1000).toFixed(0)} s`);
    if (elapsed > budgetMs) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const evalCount = 1000;
  const predicted = tf.tidy(() =>
    (model.predict(tf.tensor4d(test.images.subarray(0, evalCount * 784), [evalCount, 28, 28, 1])) as tf.Tensor).argMax(
      -1,
    ),
  );
  const guesses = await predicted.data();
  predicted.dispose();
  let correct = 0;
  for (let i = 0; i < evalCount; i++) if (guesses[i] === test.labels[i]) correct++;
  await model.save(saveTo(NAIVE_DIR));
  const record: NaiveTraining = {
    parameters: model.countParams(),
    samples,
    epochs: samples / train.count,
    seconds,
    samplesPerSecond: samples / seconds,
    batchSize,
    optimizer,
    backend: tf.getBackend(),
    nodeTestAccuracy: correct / evalCount,
    weightBytes: readFileSync(join(NAIVE_DIR, 'weights.bin')).length,
    date: new Date().toISOString(),
  };
  writeFileSync(join(NAIVE_DIR, 'training.json'), JSON.stringify(record, null, 2));
  log(
    `  trained on ${samples} samples in ${seconds.toFixed(0)} s (${record.samplesPerSecond.toFixed(0)} samples/s); ` +
      `test accuracy (1,000 digits, Node) ${(record.nodeTestAccuracy * 100).toFixed(1)}%`,
  );
  model.dispose();
  return record;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const args = process.argv.slice(2);
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 240);
  ensureNaiveModel({ seconds, force: args.includes('--force') }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
