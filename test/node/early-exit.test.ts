import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { loadClassifier } from '../../src/node.js';
import type { Classifier, Prediction } from '../../src/classify/types.js';
import { allNonDigits } from '../fixtures/non-digits.js';
import { drawn, mnistTest, ROOT } from './helpers.js';

/** The shipped model as it would be without its early exit: every member reads every image. */
function everyMemberModel(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'every-member-'));
  const json = JSON.parse(readFileSync(join(ROOT, 'models/recognizer/model.json'), 'utf8')) as {
    modelTopology: { config: { exitAt?: number } };
  };
  assert.ok(json.modelTopology.config.exitAt, 'the shipped model has an early exit');
  delete json.modelTopology.config.exitAt;
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  copyFileSync(join(ROOT, 'models/recognizer/weights.bin'), join(dir, 'weights.bin'));
  return pathToFileURL(join(dir, 'model.json'));
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

  it('reads a clean digit with one member: a third of the work', async () => {
    const { images } = mnistTest();
    const digit = images.slice(0, 784);
    const kernels = async (classifier: Classifier): Promise<number> =>
      (await tf.profile(async () => (await classifier.classifyPreprocessed(digit), tf.scalar(0)))).kernels.length;
    const alone = await kernels(shipped);
    const all = await kernels(everyMember);
    assert.ok(alone * 2 < all, `${alone} kernels with the exit, ${all} without`);
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
      // "Not a digit" is the verdict member's either way (the temperature mixes the digits in, barely).
      assert.ok(Math.abs(p.notDigitScore - q.notDigitScore) < 0.01, `image ${i}: not-a-digit score`);
      if (p.probabilities.some((v, d) => v !== q.probabilities[d])) alone++;
    });
    assert.ok(alone > 0.8 * digits.length, `${alone} of ${a.length} read by one member`);
  });
});
