/**
 * The not-a-digit judgement through today's preprocessing: the validation non-digits of
 * scripts/negatives/ drawn afresh (not from the cache the models were trained and carded with),
 * each through `preprocessImage()` of this checkout's src/, then read by the shipped model. Prints
 * the share flagged "not a digit" per category. For a change to the preprocessing: run it in two
 * checkouts and compare (the model card's figures come from the cached sets).
 *
 *   npx tsx scripts/bench/negatives-now.ts [--per=300] [--split=validation]
 */
import { parseArgs } from 'node:util';
import { getDefaultClassifier } from '../../src/node.js';
import { digitSourceFor, defaultMnistDir, readMnistTrain } from '../negatives/digit-source.js';
import type { Split } from '../negatives/fonts.js';
import { CATEGORIES, generateNegatives, withoutOnes } from '../negatives/generate.js';

const { values: args } = parseArgs({
  options: { per: { type: 'string', default: '300' }, split: { type: 'string', default: 'validation' } },
});
const split = args.split as Split;
if (split !== 'validation' && split !== 'train') {
  console.error('--split must be validation or train (the test split stays for the model card)');
  process.exit(2);
}
const per = Number(args.per);
// The split and seed `npm run train:verdict` uses (seed 42, 5,000 validation digits).
const mnist = readMnistTrain(defaultMnistDir(), 42, 5000);
const started = Date.now();
const set = withoutOnes(generateNegatives(split, 42, per, digitSourceFor(split, mnist)));
const classifier = await getDefaultClassifier();
const flagged = new Array<number>(CATEGORIES.length).fill(0);
const counts = new Array<number>(CATEGORIES.length).fill(0);
const BATCH = 256;
for (let at = 0; at < set.count; at += BATCH) {
  const pixels = Array.from({ length: Math.min(BATCH, set.count - at) }, (_, k) =>
    Float32Array.from(set.images.subarray((at + k) * 784, (at + k + 1) * 784), (v) => v / 255),
  );
  const predictions = await classifier.classifyPreprocessedBatch(pixels);
  predictions.forEach((p, k) => {
    const c = set.categories[at + k]!;
    counts[c]!++;
    if (p.reason === 'not-a-digit') flagged[c]!++;
  });
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
for (const [c, name] of CATEGORIES.entries()) {
  console.log(`${name.padEnd(11)} ${pct(flagged[c]!, counts[c]!).padStart(6)} flagged (${flagged[c]} of ${counts[c]})`);
}
const all = flagged.reduce((a, b) => a + b, 0);
console.log(
  `all         ${pct(all, set.count).padStart(6)} flagged (${all} of ${set.count}); ${split} split, ${per} drawn per category, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(0);
