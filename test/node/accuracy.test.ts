import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadClassifier } from '../../src/node.js';
import { mnistTest, SHIPPED_MODEL_URL } from './helpers.js';

describe('the shipped model', () => {
  it('reads at least 99.5% of the 10,000 MNIST test digits through classifyBatch() with raw pixels', async () => {
    const classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
    const { images, labels, count } = mnistTest();
    let correct = 0;
    for (let start = 0; start < count; start += 500) {
      const inputs = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        inputs.push({ data: images.subarray(i * 784, i * 784 + 784), width: 28, height: 28 });
      }
      const predictions = await classifier.classifyBatch(inputs);
      predictions.forEach((p, k) => {
        if (p.digit === labels[start + k]) correct++;
      });
    }
    const accuracy = correct / count;
    console.log(`MNIST test through classifyBatch(): ${(accuracy * 100).toFixed(2)}% (${count - correct} errors)`);
    assert.ok(accuracy >= 0.995, `accuracy ${(accuracy * 100).toFixed(2)}%`);
    classifier.dispose();
  });
});
