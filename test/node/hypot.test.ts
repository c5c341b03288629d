import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { random } from '../fixtures/random.js';
import { hypot2, hypot3 } from '../../src/preprocess/hypot.js';

describe('hypot2() and hypot3()', () => {
  it('give what Math.hypot() gives, to the last bit', () => {
    const next = random(7);
    const f32 = new Float32Array(3);
    let differ = 0;
    for (let i = 0; i < 2_000_000; i++) {
      let [a, b, c] = [next() * 2 - 1, next() * 2 - 1, next() * 2 - 1];
      if (i % 4 === 1) {
        // 32-bit values and a tiny third one, as gradients and colour distances are.
        f32.set([a * 4, b * 4, c * 1e-3]);
        [a, b, c] = [f32[0]!, f32[1]!, f32[2]!];
      } else if (i % 4 === 2) {
        [a, b, c] = [Math.round(a * 10) / 4, Math.round(b * 10) / 4, 0];
      } else if (i % 4 === 3) {
        [a, b, c] = [a * 2 ** (next() * 40 - 20), b * 2 ** (next() * 40 - 20), -a];
      }
      if (!Object.is(hypot2(a, b), Math.hypot(a, b))) differ++;
      if (!Object.is(hypot3(a, b, c), Math.hypot(a, b, c))) differ++;
    }
    for (const [a, b, c] of [
      [0, 0, 0],
      [-0, 0, -0],
      [3, 4, 0],
      [1e-300, 1e-300, 1e-300],
      [1e300, 1e300, 1e300],
    ] as const) {
      if (!Object.is(hypot2(a, b), Math.hypot(a, b))) differ++;
      if (!Object.is(hypot3(a, b, c), Math.hypot(a, b, c))) differ++;
    }
    assert.equal(differ, 0);
  });
});
