/**
 * Speed work that should change nothing: a hash of every output `preprocess()` and `readNumber()`
 * give on a fixed set of inputs, one line each, so two versions can be compared with `diff`.
 * The inputs are the cheque, form and page numbers of the validation split
 * (test/fixtures/real-numbers/, made in Node) and, optionally, photos saved by scenes.ts
 * (`--dump=DIR`): digit scenes go through `preprocess()`, number scenes through `readNumber()`.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=note-on-desk --count=40 --salt=5 --dump=/tmp/desks
 *   npx tsx scripts/bench/output-hashes.ts --dir=/tmp/desks > /tmp/before.txt
 *   (change the code)
 *   npx tsx scripts/bench/output-hashes.ts --dir=/tmp/desks > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { getDefaultClassifier, preprocess, readNumber } from '../../src/node.js';
import { REAL_KINDS, toRgba } from '../../test/fixtures/real-numbers/index.js';
import { readMnistSplit } from '../train/idx.js';
import { MNIST_DIR } from './node-accuracy.js';
import { realFixture } from './real-numbers.js';

const args = process.argv.slice(2);
const dirs = args.filter((a) => a.startsWith('--dir=')).map((a) => a.slice('--dir='.length));
const perKind = Number(args.find((a) => a.startsWith('--count='))?.slice('--count='.length) ?? 15);

type Pixels = { data: Uint8ClampedArray; width: number; height: number };

/** A short hash of any value (typed arrays as their numbers). */
function hash(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof Float32Array ? Array.from(v) : v));
  return createHash('sha1').update(json).digest('hex').slice(0, 12);
}

/** What a call gave, or the code of the error it threw. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return `error: ${(error as { code?: string }).code ?? String(error)}`;
  }
}

async function readingOf(input: Pixels): Promise<unknown> {
  return outcome(async () => {
    const reading = await readNumber(input);
    return [reading.text, reading.confidence, reading.uncertain, reading.digits.map((d) => [d.box, d.confidence])];
  });
}

async function main(): Promise<void> {
  await getDefaultClassifier();
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(png|jpg)$/.test(f))
      .sort()) {
      const { data, info } = await sharp(join(dir, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const input = { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
      const result = file.startsWith('number')
        ? await readingOf(input)
        : await outcome(async () => {
            const { pixels, box, surface } = await preprocess(input);
            return [pixels, box, surface];
          });
      console.log(`${file} ${hash(result)}`);
    }
  }
  const set = readMnistSplit(MNIST_DIR, 'train');
  for (const kind of REAL_KINDS) {
    for (let n = 0; n < perKind; n++) {
      const made = realFixture(kind, 'validation', n, set);
      const input = { data: toRgba(made.canvas), width: made.canvas.width, height: made.canvas.height };
      console.log(`${kind} #${n} ${hash(await readingOf(input))}`);
    }
  }
}

await main();
process.exit(0);
