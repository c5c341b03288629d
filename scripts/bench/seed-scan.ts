/**
 * Reads a run of test fixtures one seed after another, as the tests make them (MNIST test digits;
 * a cheque of `2 + seed % 6` digits, or a page with its defaults), and prints one line per seed:
 * `seed truth read`. Run it in two checkouts and `diff` the outputs to see which fixtures a change
 * reads better or worse, and to pick seeds for a test.
 *
 *   npx tsx scripts/bench/seed-scan.ts --kind=cheque --from=700 --to=2300 > after.txt
 *   (cd /tmp/before && npx tsx scripts/bench/seed-scan.ts --kind=cheque --from=700 --to=2300) > before.txt
 *   diff before.txt after.txt
 */
import { readMnistSplit } from '../train/idx.js';
import { composeCheque, composePage, toRgba, type RealNumber } from '../../test/fixtures/real-numbers/index.js';
import { DigitRecognizerError, readNumber } from '../../src/node.js';
import { MNIST_DIR } from './node-accuracy.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const kind = option('kind') ?? 'cheque';
const from = Number(option('from') ?? 1);
const to = Number(option('to') ?? 401);
if (kind !== 'cheque' && kind !== 'page') throw new Error('--kind=cheque or --kind=page');

const set = readMnistSplit(MNIST_DIR, 't10k');
const source = set;
const make = (seed: number): RealNumber =>
  kind === 'cheque' ? composeCheque(source, { seed, length: 2 + (seed % 6) }) : composePage(source, { seed });

for (let seed = from; seed < to; seed++) {
  const made = make(seed);
  const { width, height } = made.canvas;
  let read: string;
  try {
    read = (await readNumber({ data: toRgba(made.canvas), width, height })).text;
  } catch (error) {
    if (!(error instanceof DigitRecognizerError)) throw error;
    read = `(${error.code})`;
  }
  console.log(seed, made.text, read);
}
