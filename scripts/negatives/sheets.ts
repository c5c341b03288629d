/**
 * `npm run negatives:sheets`: draws a few negatives of every category and writes one contact
 * sheet per category, to check by eye that they look like what people draw or photograph.
 *
 *   npm run negatives:sheets -- [--split train|validation|test] [--count N] [--seed N] [--out DIR]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeContactSheet } from './contact-sheet.js';
import { defaultMnistDir, digitSourceFor, readMnistTrain } from './digit-source.js';
import type { Split } from './fonts.js';
import { CATEGORIES, generateNegatives, withoutOnes } from './generate.js';

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'train' },
    count: { type: 'string', default: '96' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: '.cache/negatives/sheets' },
  },
});
const split = args.split as Split;
if (!['train', 'validation', 'test'].includes(split)) {
  console.error(`--split must be train, validation or test; got "${args.split}"`);
  process.exit(2);
}
const count = Number(args.count);
const seed = Number(args.seed);
const mnist = readMnistTrain(defaultMnistDir(), 42, 5000);
const started = Date.now();
const set = generateNegatives(split, seed, count, digitSourceFor(split, mnist));
console.log(`${set.count} negatives in ${((Date.now() - started) / set.count).toFixed(1)} ms each`);
// As training and measuring use them: without the ones that read as a 1.
const kept = withoutOnes(set);
CATEGORIES.forEach((category, c) => {
  const file = resolve(join(args.out, `${split}-${category}.png`));
  const first = kept.categories.indexOf(c);
  const n = kept.categories.lastIndexOf(c) + 1 - first;
  writeContactSheet(file, kept.images.subarray(first * 784, (first + n) * 784), n);
  console.log(`${file}: ${n} of ${count}`);
});
