import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { createNetwork } from '../../src/classify/network.js';
import { mnistTest, ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'train-verdict-'));
const out = join(work, 'model');
const checkpoint = join(work, 'checkpoint');

function trainVerdict(...args: string[]): string {
  return execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts/verdict/train-verdict.ts'),
      '--quick',
      '--out',
      out,
      '--checkpoint',
      checkpoint,
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** A scribble-like non-digit: a zigzag across the 28×28 field. */
function zigzag(): Float32Array {
  const img = new Float32Array(784);
  for (let x = 4; x < 24; x++) {
    const y = 8 + Math.round(6 * Math.abs(((x % 6) - 3) / 3)) + (x > 14 ? 8 : 0);
    img[y * 28 + x] = img[(y + 1) * 28 + x] = 1;
  }
  return img;
}

describe('npm run train:verdict -- --quick', () => {
  it('trains, checkpoints and exports an 11-output model the package runtime loads', async () => {
    const log = trainVerdict();
    assert.match(log, /Exported .*KB, T = /);
    assert.match(trainVerdict('--resume', '--export-only'), /Resuming after epoch 1 of 1/);

    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as tf.io.ModelJSON;
    const bytes = readFileSync(join(out, 'weights.bin'));
    assert.ok(bytes.length <= 150 * 1024, `weights are ${bytes.length} bytes`);
    await tf.setBackend('cpu');
    const network = createNetwork(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const { images } = mnistTest();
    const batch = new Float32Array(9 * 784);
    batch.set(images.subarray(0, 8 * 784));
    batch.set(zigzag(), 8 * 784);
    const x = tf.tensor4d(batch, [9, 28, 28, 1]);
    const y = network.predict(x);
    assert.deepEqual(y.shape, [9, 11]);
    const p = y.dataSync() as Float32Array;
    for (let r = 0; r < 9; r++) {
      const sum = p.subarray(r * 11, r * 11 + 11).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-4, `row ${r} sums to ${sum}`);
    }
    tf.dispose([x, y]);
    network.dispose();

    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
      temperature: number;
      test: { negatives: { perCategory: Record<string, number> }; calibration: { before: number; after: number } };
    };
    assert.ok(metrics.temperature > 0);
    assert.ok('letters' in metrics.test.negatives.perCategory && 'pairs' in metrics.test.negatives.perCategory);
    assert.match(readFileSync(join(out, 'MODEL_CARD.md'), 'utf8'), /not a digit/);
  });
});
