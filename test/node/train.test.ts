import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { createNetwork } from '../../src/classify/network.js';
import { loadFrom } from '../../scripts/train/model-files.js';
import { mnistTest, ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'train-'));
const out = join(work, 'model');
const checkpoint = join(work, 'checkpoint');

/** Runs a training script quickly (`--quick`), writing to `outDir` and `checkpointDir`. */
function runQuick(script: string, outDir: string, checkpointDir: string, args: string[]): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, script), '--quick', '--out', outDir, '--checkpoint', checkpointDir, ...args],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const train = (...args: string[]): string => runQuick('scripts/train/train.ts', out, checkpoint, args);

describe('npm run train:digits -- --quick', () => {
  let log = '';

  it('learns well above chance, checkpoints, and exports quantized weights', () => {
    train('--epochs', '1');
    log = train('--epochs', '2', '--resume');
    assert.match(log, /Resuming after epoch 1/);
    const accuracy = Number(/MNIST test ([\d.]+)%/.exec(log)?.[1]);
    assert.ok(accuracy > 50, `quick run reached only ${accuracy}% (chance is 10%)\n${log}`);
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const specs = json.weightsManifest.flatMap((g) => g.weights);
    assert.ok(specs.every((s) => s.quantization?.dtype === 'uint8' || s.quantization?.dtype === 'float16'));
    assert.ok(statSync(join(out, 'weights.bin')).size <= 150 * 1024);
    for (const file of ['MODEL_CARD.md', 'metrics.json', 'confusion-matrix.svg'])
      assert.ok(statSync(join(out, file)).size > 100);
  });

  it('round-trips: tfjs-layers and the package runtime agree on the exported model', async () => {
    await tf.setBackend('cpu');
    const layers = await tf.loadLayersModel(loadFrom(out));
    const bytes = readFileSync(join(out, 'weights.bin'));
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const runtime = createNetwork(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const { images } = mnistTest();
    const x = tf.tensor4d(images.subarray(0, 100 * 784), [100, 28, 28, 1]);
    const a = (layers.predict(x) as tf.Tensor).dataSync();
    const b = runtime.predict(x).dataSync();
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-4, `output ${i}: ${a[i]} vs ${b[i]}`);
    runtime.dispose();
  });

  it('reports a bad data folder by name', () => {
    assert.throws(
      () => train('--data', join(work, 'missing')),
      (error: { stderr?: string }) => String(error.stderr).includes(join(work, 'missing')),
    );
  });
});

describe('npm run train:segments -- --quick', () => {
  const segmentsOut = join(work, 'segment-checker');

  const trainSegments = (...args: string[]): string =>
    runQuick('scripts/train/train-segments.ts', segmentsOut, join(work, 'segment-checkpoint'), args);

  it('resumes, and exports a two-view checker the package runtime runs like tfjs-layers', async () => {
    trainSegments('--epochs', '1');
    const log = trainSegments('--epochs', '2', '--resume');
    assert.match(log, /Resuming after epoch 1/);
    const metrics = JSON.parse(readFileSync(join(segmentsOut, 'metrics.json'), 'utf8')) as {
      validationAccuracy: number;
      epochs: number;
    };
    assert.equal(metrics.epochs, 2);
    assert.match(readFileSync(join(segmentsOut, 'MODEL_CARD.md'), 'utf8'), /# Model card: segment-checker/);
    assert.ok(metrics.validationAccuracy > 0.5, `validation ${metrics.validationAccuracy}`);

    await tf.setBackend('cpu');
    const layers = await tf.loadLayersModel(loadFrom(segmentsOut));
    const bytes = readFileSync(join(segmentsOut, 'weights.bin'));
    const json = JSON.parse(readFileSync(join(segmentsOut, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const runtime = createNetwork(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    assert.deepEqual(runtime.inputShape, [28, 28, 2]);
    const { images } = mnistTest();
    const x = tf.tensor4d(images.subarray(0, 50 * 784 * 2), [50, 28, 28, 2]);
    const a = (layers.predict(x) as tf.Tensor).dataSync();
    const b = runtime.predict(x).dataSync();
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-4, `output ${i}: ${a[i]} vs ${b[i]}`);
    runtime.dispose();
  });
});
