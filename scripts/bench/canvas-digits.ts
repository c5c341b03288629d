/**
 * Digits drawn big on a clean white canvas, as a drawing pad or a paint program gives them:
 * `classify()` of MNIST test digits shown 5, 10 or 15 times their size (140, 280 or 420 px
 * squares, in turn), dark on pure white, nearest-neighbour. Reports how many are read right, how
 * many are rejected, and how many were taken for a scene (a surface found in them). `--inverted`:
 * white on a black canvas instead.
 *
 *   npx tsx scripts/bench/canvas-digits.ts [--count=600] [--inverted] [--verbose]
 */
import { classify, preprocess } from '../../src/node.js';
import { canvasDigit } from '../../test/fixtures/canvas-digit.js';
import { readMnistSplit } from '../train/idx.js';
import { MNIST_DIR } from './node-accuracy.js';

const args = process.argv.slice(2);
const count = Number(args.find((a) => a.startsWith('--count='))?.slice('--count='.length) ?? 600);
const verbose = args.includes('--verbose');
const inverted = args.includes('--inverted');
const SIDES = [140, 280, 420];

async function main(): Promise<void> {
  const { images, labels } = readMnistSplit(MNIST_DIR, 't10k');
  let right = 0;
  let rejected = 0;
  let scenes = 0;
  for (let n = 0; n < count; n++) {
    const input = canvasDigit(images.subarray(n * 784, (n + 1) * 784), SIDES[n % SIDES.length]!, inverted);
    let read: string;
    try {
      if ((await preprocess(input)).surface) scenes++;
      read = String((await classify(input)).digit);
    } catch (error) {
      rejected++;
      read = `(${(error as Error).message.slice(0, 40)})`;
    }
    if (read === String(labels[n])) right++;
    else if (verbose) console.log(`#${n} (${SIDES[n % SIDES.length]} px): ${labels[n]} → ${read}`);
  }
  const pct = (a: number): string => `${((100 * a) / count).toFixed(2)}%`;
  console.log(
    `${count} digits drawn on a ${inverted ? 'black' : 'white'} canvas: ${pct(right)} read right (${right}), ${rejected} rejected, ` +
      `${scenes} taken for a scene (a surface found)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
