import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { augment, DEFAULT_AUGMENT } from '../../scripts/train/augment.js';
import { Random } from '../../scripts/train/random.js';
import { mnistDigit } from './helpers.js';

describe('augmentation', () => {
  it('keeps the shape and the 0–1 range, and changes the image', () => {
    const rng = new Random(7);
    let changed = 0;
    for (let i = 0; i < 200; i++) {
      const { data } = mnistDigit(i);
      const copy = data.slice();
      augment(copy, rng, { ...DEFAULT_AUGMENT, probability: 1 });
      assert.equal(copy.length, 784);
      for (const v of copy) assert.ok(v >= 0 && v <= 1 + 1e-6 && Number.isFinite(v));
      if (copy.some((v, k) => Math.abs(v - data[k]!) > 0.1)) changed++;
    }
    assert.ok(changed > 190, `only ${changed}/200 images changed`);
  });

  it('keeps the digit in the frame: most ink survives the geometry', () => {
    const rng = new Random(3);
    for (let i = 0; i < 100; i++) {
      const { data } = mnistDigit(i);
      const before = data.reduce((a, b) => a + b, 0);
      const copy = data.slice();
      augment(copy, rng, { ...DEFAULT_AUGMENT, probability: 1, contrastChance: 0, thinChance: 0 });
      const after = copy.reduce((a, b) => a + b, 0);
      assert.ok(after > 0.6 * before, `digit ${i} lost most of its ink (${before.toFixed(0)} → ${after.toFixed(0)})`);
    }
  });

  it('thins strokes without erasing the digit', () => {
    const rng = new Random(5);
    for (let i = 0; i < 100; i++) {
      const { data } = mnistDigit(i);
      const before = data.reduce((a, b) => a + b, 0);
      const copy = data.slice();
      augment(copy, rng, { ...DEFAULT_AUGMENT, probability: 1, thickenChance: 0, thinChance: 1, contrastChance: 0 });
      const after = copy.reduce((a, b) => a + b, 0);
      assert.ok(after > 0.15 * before, `digit ${i} was erased (${before.toFixed(0)} → ${after.toFixed(0)})`);
    }
  });

  it('is reproducible from the seed', () => {
    const a = mnistDigit(5).data;
    const b = a.slice();
    augment(a, new Random(11), { ...DEFAULT_AUGMENT, probability: 1 });
    augment(b, new Random(11), { ...DEFAULT_AUGMENT, probability: 1 });
    assert.deepEqual(a, b);
  });
});
