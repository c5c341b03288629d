import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { morph } from '../../src/preprocess/morphology.js';

/** The max (dilation) or min (erosion) of each (2r+1)² window, clipped to the image. */
function plainMorph(mask: Uint8Array, width: number, height: number, radius: number, dilate: boolean): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0;
      let all = 1;
      for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
        for (let xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
          any |= mask[yy * width + xx]!;
          all &= mask[yy * width + xx]!;
        }
      }
      out[y * width + x] = dilate ? any : all;
    }
  }
  return out;
}

describe('morph()', () => {
  it('takes the max or min of each window, clipped to the image', () => {
    let seed = 1;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    for (const [width, height] of [
      [106, 80],
      [31, 17],
      [1, 9],
      [9, 1],
      [1, 1],
      [2, 3],
    ] as const) {
      for (const radius of [1, 2, 4]) {
        for (const density of [0.2, 0.6, 0.9]) {
          const mask = Uint8Array.from({ length: width * height }, () => (next() < density ? 1 : 0));
          for (const dilate of [true, false]) {
            assert.deepEqual(
              morph(mask, width, height, radius, dilate),
              plainMorph(mask, width, height, radius, dilate),
              `${width}×${height}, radius ${radius}, ${dilate ? 'dilation' : 'erosion'}`,
            );
          }
        }
      }
    }
  });
});
