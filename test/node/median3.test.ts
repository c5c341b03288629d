import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { random } from '../fixtures/random.js';
import { median3 } from '../../src/preprocess/median3.js';

/** The 3×3 median by sorting each window, the border's neighbours read from the nearest inside. */
function sortedMedian(values: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(values.length);
  const window: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      window.length = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          window.push(values[yy * width + xx]!);
        }
      }
      out[y * width + x] = window.sort((a, b) => a - b)[4]!;
    }
  }
  return out;
}

describe('median3()', () => {
  it('gives each window’s median, to the last bit, on the fast path and off it', () => {
    const next = random(3);
    const cases: Array<[number, number, (i: number) => number]> = [
      [106, 80, () => next()],
      [37, 23, () => next() * 2 - 1],
      [64, 48, () => Math.round(next() * 8) / 8 - 0.5],
      [17, 29, () => (next() - 0.5) * 1.999],
      [20, 15, (i) => (i === 77 ? 5 : next())],
      [12, 9, (i) => (i % 7 === 0 ? 300 * next() - 150 : next() * 1e-30)],
      [1, 1, () => next()],
      [5, 1, () => next() - 0.5],
      [1, 6, () => next() - 0.5],
    ];
    for (const [width, height, value] of cases) {
      const values = Float32Array.from({ length: width * height }, (_, i) => value(i));
      const got = median3(values, width, height);
      const want = sortedMedian(values, width, height);
      for (let i = 0; i < got.length; i++) assert.ok(Object.is(got[i], want[i]), `${width}×${height} at ${i}`);
    }
  });
});
