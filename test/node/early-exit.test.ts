import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { loadClassifier } from '../../src/node.js';
import type { Classifier, Prediction } from '../../src/classify/types.js';
import { allNonDigits } from '../fixtures/non-digits.js';
import { drawn, mnistTest, ROOT } from './helpers.js';

/** The shipped model as it would be without `settings` (its early exit, its scout). */
function shippedWithout(...settings: Array<'exitAt' | 'scout'>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'every-member-'));
  const json = JSON.parse(readFileSync(join(ROOT, 'models/recognizer/model.json'), 'utf8')) as {
    modelTopology: { config: { exitAt?: number; scout?: { member: string }; members: Array<{ name: string }> } };
  };
  const { config } = json.modelTopology;
  assert.ok(config.exitAt, 'the shipped model has an early exit');
  assert.ok(config.scout, 'the shipped model has a scout');
  for (const setting of settings) delete config[setting];
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  copyFileSync(join(ROOT, 'models/recognizer/weights.bin'), join(dir, 'weights.bin'));
  return pathToFileURL(join(dir, 'model.json'));
}

/** Every member reads every image (the scout, a member of its own, is left out of the model). */
function everyMemberModel(): URL {
  const url = shippedWithout('exitAt', 'scout');
  const path = fileURLToPath(url);
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    modelTopology: { config: { members: Array<{ name: string }>; verdict: string } };
  };
  const shipped = JSON.parse(readFileSync(join(ROOT, 'models/recognizer/model.json'), 'utf8')) as {
    modelTopology: { config: { scout: { member: string } } };
  };
  const scout = shipped.modelTopology.config.scout.member;
  json.modelTopology.config.members = json.modelTopology.config.members.filter((m) => m.name !== scout);
  writeFileSync(path, JSON.stringify(json));
  return url;
}

describe('the early exit of the shipped ensemble', () => {
  let shipped: Classifier;
  let everyMember: Classifier;
  before(async () => {
    shipped = await loadClassifier();
    everyMember = await loadClassifier({ modelUrl: everyMemberModel() });
  });
  after(() => {
    shipped.dispose();
    everyMember.dispose();
  });

  it('reads a clean digit with the scout alone: less work than the verdict member alone, far less than all', async () => {
    const { images } = mnistTest();
    const digit = images.slice(0, 784);
    // Kernels run, and the values they made: the scout's layers are half as wide.
    const work = async (classifier: Classifier): Promise<{ kernels: number; values: number }> => {
      const info = await tf.profile(async () => (await classifier.classifyPreprocessed(digit), tf.scalar(0)));
      const values = info.kernels.reduce((n, k) => n + k.outputShapes.flat().reduce((a, b) => a * (b ?? 1), 1), 0);
      return { kernels: info.kernels.length, values };
    };
    const noScout = await loadClassifier({ modelUrl: shippedWithout('scout') });
    const [scout, verdict, all] = [await work(shipped), await work(noScout), await work(everyMember)];
    noScout.dispose();
    assert.ok(
      verdict.kernels * 2 < all.kernels,
      `${verdict.kernels} kernels by the verdict member, ${all.kernels} by all`,
    );
    assert.ok(
      scout.values < 0.6 * verdict.values,
      `${scout.values} values by the scout, ${verdict.values} by the verdict member`,
    );
  });

  it('gives the same digits and verdicts as every member reading, on MNIST digits and on non-digits', async () => {
    const { images } = mnistTest();
    const digits = Array.from({ length: 400 }, (_, i) => images.slice(i * 784 * 25, i * 784 * 25 + 784));
    const marks = allNonDigits().map(({ strokes }) => drawn(strokes));
    const read = async (classifier: Classifier): Promise<Prediction[]> => [
      ...(await classifier.classifyPreprocessedBatch(digits)),
      ...(await classifier.classifyBatch(marks)),
    ];
    const [a, b] = [await read(shipped), await read(everyMember)];
    let alone = 0;
    a.forEach((p, i) => {
      const q = b[i]!;
      assert.equal(p.digit, q.digit, `image ${i}: digit`);
      assert.equal(p.reason, q.reason, `image ${i}: verdict`);
      if (p.probabilities.some((v, d) => v !== q.probabilities[d])) alone++;
    });
    assert.ok(alone > 0.8 * digits.length, `${alone} of ${a.length} read by one member`);
  });
});
