import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detailFromLuminance } from '../../src/preprocess/detail.js';
import { chromaFromRgba, luminanceFromRgba, shrink } from '../../src/preprocess/luminance.js';
import { rgbaPhoto } from '../../src/preprocess/rgba-photo.js';

/** A noisy RGBA image (deterministic), alpha from `alpha(i)`. */
function noisy(width: number, height: number, alpha: (i: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 12345;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? alpha(i >> 2) : seed >>> 24;
  }
  return data;
}

describe('rgbaPhoto()', () => {
  it('rounds luminance times 1/255 as luminance over 255, for every colour', () => {
    const inverse = 1 / 255;
    let differ = 0;
    for (let r = 0; r < 256; r++) {
      for (let g = 0; g < 256; g++) {
        for (let b = 0; b < 256; b++) {
          const y = 0.299 * r + 0.587 * g + 0.114 * b;
          if (Math.fround(y / 255) !== Math.fround(y * inverse)) differ++;
        }
      }
    }
    assert.equal(differ, 0);
  });

  it('gives the working copy, colour and detail of the general path, bit for bit', () => {
    for (const [width, height] of [
      [1203, 901],
      [700, 1290],
      [641, 20],
    ] as const) {
      const rgba = noisy(width, height, (i) => 250 + (i % 6));
      const photo = rgbaPhoto(rgba, width, height);
      assert.ok(photo, `${width}×${height}`);
      const full = luminanceFromRgba(rgba, width, height);
      const shrunk = shrink(full);
      assert.deepEqual(photo.luminance, shrunk);
      const general = detailFromLuminance(full);
      for (const region of [
        { x: 10.5, y: 3.25, width: 300.7, height: 9.5 },
        { x: -20, y: -5, width: 90, height: 14 },
        { x: width - 50.3, y: height - 12.1, width: 80, height: 30 },
      ]) {
        assert.deepEqual(photo.detail(region, 128), general(region, 128));
      }
    }
  });

  it('leaves translucent images and images at working size to the general path', () => {
    assert.equal(
      rgbaPhoto(
        noisy(1000, 800, (i) => (i === 1000 * 800 - 1 ? 249 : 255)),
        1000,
        800,
      ),
      null,
    );
    assert.equal(
      rgbaPhoto(
        noisy(1001, 800, (i) => (i === 1000 ? 0 : 255)),
        1001,
        800,
      ),
      null,
    );
    assert.equal(
      rgbaPhoto(
        noisy(320, 200, () => 255),
        320,
        200,
      ),
      null,
    );
  });
});

describe('luminanceFromRgba()', () => {
  it('makes the colour of an image at working size as chromaFromRgba() does, bit for bit', () => {
    for (const [width, height] of [
      [320, 240],
      [1, 7],
      [97, 300],
    ] as const) {
      const rgba = noisy(width, height, (i) => [0, 1, 128, 249, 255][i % 5]!);
      const { chroma } = luminanceFromRgba(rgba, width, height);
      const expected = chromaFromRgba(rgba, width, height, 1);
      assert.ok(chroma);
      for (const channel of ['redGreen', 'yellowBlue'] as const) {
        assert.ok(
          chroma[channel].every((v, i) => Object.is(v, expected[channel][i])),
          `${channel} of ${width}×${height}`,
        );
      }
      assert.equal(chroma.width, expected.width);
      assert.equal(chroma.height, expected.height);
    }
  });
});

/** chromaFromRgba() as it was first written: every pixel added straight into its block's cell. */
function referenceChroma(rgba: Uint8ClampedArray, width: number, height: number, factor: number): Float32Array[] {
  const w = Math.max(1, Math.floor(width / factor));
  const h = Math.max(1, Math.floor(height / factor));
  const redGreen = new Float32Array(w * h);
  const yellowBlue = new Float32Array(w * h);
  const unit = 1 / (255 * factor * factor);
  for (let y = 0; y < h * factor && y < height; y++) {
    for (let x = 0; x < w * factor; x++) {
      const o = (y * width + x) * 4;
      const alpha = rgba[o + 3]! / 255;
      const [r, g, b] = [rgba[o]!, rgba[o + 1]!, rgba[o + 2]!];
      const i = Math.floor(y / factor) * w + Math.floor(x / factor);
      redGreen[i]! += alpha * (r - g) * unit;
      yellowBlue[i]! += alpha * ((r + g) / 2 - b) * unit;
    }
  }
  return [redGreen, yellowBlue];
}

describe('chromaFromRgba()', () => {
  it('adds up each block pixel by pixel, as the plain loop does', () => {
    for (const factor of [1, 2, 3, 5]) {
      const [width, height] = [203, 151];
      const rgba = noisy(width, height, (i) => [0, 255, 255, 128][i % 4]!);
      const { redGreen, yellowBlue } = chromaFromRgba(rgba, width, height, factor);
      const [rg, yb] = referenceChroma(rgba, width, height, factor);
      assert.ok(
        redGreen.every((v, i) => Object.is(v, rg![i])),
        `red-green, factor ${factor}`,
      );
      assert.ok(
        yellowBlue.every((v, i) => Object.is(v, yb![i])),
        `yellow-blue, factor ${factor}`,
      );
    }
  });
});
