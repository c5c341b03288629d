/**
 * The paper's envelope (src/preprocess/paper-envelope.ts): a closing of blocks' means that fills
 * in strokes narrower than its window and keeps a shadow's edge where it is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paperEnvelope } from '../../src/preprocess/paper-envelope.js';

/** A `width`×`height` luminance image from `at(x, y)`. */
function image(width: number, height: number, at: (x: number, y: number) => number) {
  const values = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) values[y * width + x] = at(x, y);
  return { values, width, height, scale: 1 };
}

/** Max (or min) over the (2r+1)² window cut at the image's ends, one window at a time. */
function naive(values: Float32Array, width: number, height: number, r: number, bright: boolean): Float32Array {
  const out = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = bright ? -Infinity : Infinity;
      for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
        for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
          const w = values[yy * width + xx]!;
          v = bright ? Math.max(v, w) : Math.min(v, w);
        }
      }
      out[y * width + x] = v;
    }
  }
  return out;
}

describe('paperEnvelope', () => {
  it('is a closing (dark ink) or an opening (light ink) of the blocks, windows cut at the ends', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const noisy = image(23, 17, () => random());
    for (const r of [1, 2, 5, 30]) {
      const closed = naive(naive(noisy.values, 23, 17, r, true), 23, 17, r, false);
      const opened = naive(naive(noisy.values, 23, 17, r, false), 23, 17, r, true);
      assert.deepEqual(paperEnvelope(noisy, 1, r, true).values, closed, `closing, r = ${r}`);
      assert.deepEqual(paperEnvelope(noisy, 1, r, false).values, opened, `opening, r = ${r}`);
    }
  });

  it("keeps a shadow's soft edge and fills in a pen stroke on either side of it", () => {
    // Paper 0.9, a shadow 40% darker from x = 60 (a ramp 8 px wide), a dark stroke 4 px wide at
    // x = 30 and at x = 90.
    const paper = (x: number) => 0.9 * (1 - 0.4 * Math.min(1, Math.max(0, (x - 60) / 8)));
    const page = image(120, 40, (x) => (Math.abs(x - 30) < 2 || Math.abs(x - 90) < 2 ? 0.1 : paper(x)));
    const envelope = paperEnvelope(page, 2, 4, true);
    for (let bx = 0; bx < envelope.columns; bx++) {
      const mean = (paper(2 * bx) + paper(2 * bx + 1)) / 2;
      assert.ok(Math.abs(envelope.values[10 * envelope.columns + bx]! - mean) < 1e-6, `pixels ${2 * bx}–${2 * bx + 1}`);
    }
  });
});
