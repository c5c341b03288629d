import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { augment, DEFAULT_AUGMENT } from '../../scripts/train/augment.js';
import { flagOne } from '../../scripts/train/flagged-ones.js';
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

  it('gives an upright 1 a flag down to the left from its top, and leaves a 1 that slants over as it is', () => {
    const rng = new Random(9);
    // How wide the ink of the digit's top quarter spans, in pixels.
    const topSpan = (img: Float32Array): number => {
      const rows: number[] = [];
      for (let y = 0; y < 28; y++) if (img.subarray(y * 28, y * 28 + 28).some((v) => v > 0.15)) rows.push(y);
      const topEnd = rows[0]! + Math.ceil((rows[rows.length - 1]! - rows[0]! + 1) / 4);
      const xs: number[] = [];
      for (let y = rows[0]!; y < topEnd; y++) for (let x = 0; x < 28; x++) if (img[y * 28 + x]! > 0.15) xs.push(x);
      return Math.max(...xs) - Math.min(...xs) + 1;
    };
    let flagged = 0;
    let widened = 0;
    for (let i = 0; i < 300 && flagged < 20; i++) {
      const { data, label } = mnistDigit(i);
      if (label !== 1) continue;
      const copy = data.slice();
      flagOne(copy, rng);
      if (copy.every((v, k) => v === data[k])) continue;
      flagged++;
      // The flag widens the top of the 1; the image stays in 0–1.
      const growth = topSpan(copy) - topSpan(data);
      assert.ok(growth >= 1, `test 1 #${i}: no flag at its top (${topSpan(data)} → ${topSpan(copy)} px wide)`);
      widened += growth;
      for (const v of copy) assert.ok(v >= 0 && v <= 1 + 1e-6);
    }
    assert.ok(flagged >= 10, `only ${flagged} of the test set's first 1s were given a flag`);
    assert.ok(
      widened / flagged >= 2,
      `the flags widen the 1s' tops by ${(widened / flagged).toFixed(1)} px on average`,
    );
    // A stroke leaning 30° is a 1 that slants over: a flag would make it a 7.
    const slanted = new Float32Array(784);
    for (let t = 0; t <= 1; t += 0.01) {
      const x = Math.round(19 - 11 * t);
      const y = Math.round(4 + 20 * t);
      slanted[y * 28 + x] = slanted[y * 28 + x + 1] = 1;
    }
    const copy = slanted.slice();
    flagOne(copy, rng);
    assert.deepEqual(copy, slanted);
  });
});
