/**
 * Composed numbers for tuning `readNumber()`: the bench's composed-number kind
 * (scripts/bench/read-number.ts) made from MNIST *training* digits instead of test digits, so a
 * change to segmentation can be chosen without reading the reported figures. Through src/.
 *
 *   npx tsx scripts/bench/composed-validation.ts [COUNT] [--verbose]   (default 300; --verbose lists the misreads)
 */
import { readMnistSplit } from '../train/idx.js';
import { defaultMnistDir } from '../negatives/digit-source.js';
import { compose, numberSpecs } from './read-number.js';
import { readNumber } from '../../src/node.js';

const count = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 300);
const verbose = process.argv.includes('--verbose');
const set = readMnistSplit(defaultMnistDir(), 'train');
// The bench's specs (lengths, underlines, specks), with their digits mapped into the training set.
const specs = numberSpecs(count).map((spec) => ({
  ...spec,
  indices: spec.indices.map((i) => (i * 7 + 12345) % set.count),
}));
const exact = { some: 0, all: 0 };
for (const spec of specs) {
  for (const [key, touching] of [
    ['some', 0.15],
    ['all', 1],
  ] as const) {
    const made = compose(set, spec, touching);
    let text = '';
    try {
      text = (await readNumber({ data: made.data, width: made.width, height: made.height })).text;
    } catch {
      // No digit found: a miss.
    }
    if (text === made.text) exact[key]++;
    else if (verbose) console.log(`  #${specs.indexOf(spec)} (${key} touching): ${made.text} → ${text}`);
  }
}
const share = (n: number): string => `${((100 * n) / count).toFixed(1)}%`;
console.log(
  `composed numbers (validation, ${count}): ${share(exact.some)} exact; every pair touching: ${share(exact.all)}`,
);
