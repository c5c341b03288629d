import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preprocess } from '../../src/node.js';
import { cleanDrawingPaper } from '../../src/preprocess/clean-drawing.js';
import { shrink } from '../../src/preprocess/luminance.js';
import { INK_THRESHOLD, inkBounds, mnistNormalize } from '../../src/preprocess/mnist-normalize.js';
import { canvasDigit } from '../fixtures/canvas-digit.js';
import { mnistDigit, paperDigit } from './helpers.js';

/** Mean absolute difference of two 28×28 images. */
function distance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 784; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / 784;
}

function centreOfMass(pixels: Float32Array): [number, number] {
  let m = 0;
  let x = 0;
  let y = 0;
  pixels.forEach((v, i) => {
    m += v;
    x += v * (i % 28);
    y += v * Math.floor(i / 28);
  });
  return [x / m, y / m];
}

describe('preprocess()', () => {
  it('leaves an MNIST digit as MNIST made it (the golden output is the training input)', async () => {
    let worst = 0;
    for (let i = 0; i < 200; i++) {
      const d = mnistDigit(i);
      const golden = mnistNormalize(d.data, 28, 28, inkBounds(d.data, 28, 28, INK_THRESHOLD)!);
      worst = Math.max(worst, distance((await preprocess(d)).pixels, golden));
    }
    assert.ok(worst < 0.06, `mean pixel difference up to ${worst}`);
  });

  it('detects the polarity: dark-on-light and light-on-dark give the same 28×28', async () => {
    const d = mnistDigit(7);
    const inverted = { ...d, data: d.data.map((v) => 1 - v) };
    const light = await preprocess(d);
    const dark = await preprocess(inverted);
    assert.equal(light.polarity, 'light-on-dark');
    assert.equal(dark.polarity, 'dark-on-light');
    assert.ok(distance(light.pixels, dark.pixels) < 0.02);
  });

  it('crops, fits into 20×20 and centres the mass, wherever the digit is on the page', async () => {
    const sheet = paperDigit(4, 400, 300, 6);
    const pre = await preprocess(sheet);
    const [cx, cy] = centreOfMass(pre.pixels);
    assert.ok(Math.abs(cx - 13.5) < 1 && Math.abs(cy - 13.5) < 1, `centre of mass at ${cx}, ${cy}`);
    const box = inkBounds(pre.pixels, 28, 28, INK_THRESHOLD)!;
    assert.ok(Math.max(box.width, box.height) >= 19 && Math.max(box.width, box.height) <= 22, JSON.stringify(box));
    // The crop box is reported in the input's pixels and contains the digit.
    assert.ok(pre.box.x > 100 && pre.box.x < 250 && pre.box.width > 30, JSON.stringify(pre.box));
    assert.equal(pre.sourceWidth, 400);
    const clean = await preprocess(mnistDigit(4));
    assert.ok(
      distance(pre.pixels, clean.pixels) < 0.08,
      `paper version differs by ${distance(pre.pixels, clean.pixels)}`,
    );
  });

  it('ignores specks and dust away from the digit', async () => {
    const sheet = paperDigit(9, 300, 220, 5);
    const clean = await preprocess(sheet);
    for (const [x, y] of [
      [10, 10],
      [280, 30],
      [40, 200],
      [250, 190],
    ] as const) {
      for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) sheet.data[(y + dy) * 300 + x + dx] = 0.05;
    }
    const specked = await preprocess(sheet);
    assert.deepEqual(specked.box, clean.box);
    assert.ok(distance(specked.pixels, clean.pixels) < 0.01);
  });

  it('thickens a thin pen stroke to MNIST weight instead of fading it', async () => {
    // A "1" drawn 1 px wide, 200 px tall: 0.1 px at 20×20 unless thickened.
    const w = 120;
    const h = 240;
    const data = new Float32Array(w * h).fill(1);
    for (let y = 20; y < 220; y++) data[y * w + 60 + Math.floor((220 - y) / 20)] = 0;
    const pre = await preprocess({ data, width: w, height: h });
    const ink = pre.pixels.reduce((a, b) => a + b, 0);
    assert.ok(ink > 25, `only ${ink.toFixed(1)} ink in the 28×28`);
    assert.ok(Math.max(...pre.pixels) > 0.99);
  });

  it('knows a clean drawing: its paper, the side its ink is on and where the ink is; a scan is none', () => {
    const digit = mnistDigit(3).data;
    const grey = (rgba: { data: Uint8ClampedArray; width: number; height: number }) => ({
      values: Float32Array.from({ length: rgba.width * rgba.height }, (_, i) => rgba.data[i * 4]! / 255),
      width: rgba.width,
      height: rgba.height,
      scale: 1,
    });
    const dark = cleanDrawingPaper(grey(canvasDigit(digit, 280)));
    const ink = inkBounds(digit, 28, 28, 0.5 / 255)!;
    assert.deepEqual(dark, {
      level: 1,
      polarity: 'dark-on-light',
      ink: { x: ink.x * 10, y: ink.y * 10, width: ink.width * 10, height: ink.height * 10 },
    });
    assert.equal(cleanDrawingPaper(grey(canvasDigit(digit, 280, true)))?.polarity, 'light-on-dark');
    // A scan's paper has grain: no one shade.
    assert.equal(
      cleanDrawingPaper({ values: paperDigit(3, 200, 200, 5).data, width: 200, height: 200, scale: 1 }),
      null,
    );
  });

  it('reads a digit drawn big on a canvas from a smaller copy: the same 28×28, the box in the canvas pixels', async () => {
    for (const i of [0, 1, 2, 3, 4]) {
      const digit = mnistDigit(i).data;
      // Its ink some 200 px tall (read from a copy half the size) and some 100 px tall (read as it is).
      const big = await preprocess(canvasDigit(digit, 280));
      const small = await preprocess(canvasDigit(digit, 140));
      assert.ok(
        distance(big.pixels, small.pixels) < 0.02,
        `digit ${i}: differs by ${distance(big.pixels, small.pixels)}`,
      );
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        assert.ok(
          Math.abs(big.box[side] - 2 * small.box[side]) <= 2,
          `digit ${i}: ${JSON.stringify([big.box, small.box])}`,
        );
      }
      assert.equal(big.sourceWidth, 280);
    }
  });

  it('halves an image as the block average does, bit for bit (each 2×2 block, its rows summed in float32)', () => {
    for (const [width, height] of [
      [280, 280],
      [281, 199],
      [3, 2],
    ] as const) {
      const values = Float32Array.from({ length: width * height }, (_, i) =>
        i % 7 === 0 ? 1 : ((i * 7919) % 1000) / 999,
      );
      const half = shrink({ values, width, height, scale: 1.5 }, Math.ceil(Math.max(width, height) / 2));
      const [w, h] = [Math.floor(width / 2), Math.floor(height / 2)];
      assert.deepEqual([half.width, half.height, half.scale], [w, h, 3]);
      const expected = new Float32Array(w * h);
      for (let y = 0; y < h; y++) {
        for (let dy = 0; dy < 2; dy++) {
          for (let x = 0; x < w; x++) {
            const at = (2 * y + dy) * width + 2 * x;
            expected[y * w + x] = expected[y * w + x]! + (values[at]! + values[at + 1]!);
          }
        }
      }
      for (let i = 0; i < expected.length; i++) expected[i] = expected[i]! / 4;
      assert.deepEqual(half.values, expected);
    }
  });

  it('downscales a huge image first (50 megapixels of raw bytes)', async () => {
    const w = 8660;
    const h = 5774;
    const data = new Uint8Array(w * h).fill(235);
    // A thick dark bar: a "1".
    for (let y = 1500; y < 4300; y++) data.fill(20, y * w + 4200, y * w + 4500);
    const pre = await preprocess({ data, width: w, height: h });
    assert.equal(pre.sourceWidth, w);
    assert.ok(Math.abs(pre.box.x - 4200) < 30 && Math.abs(pre.box.height - 2800) < 40, JSON.stringify(pre.box));
  });
});
