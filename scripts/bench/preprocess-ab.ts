/**
 * Paired A/B of the preprocessing in Node: another checkout's (`--base`) and this one's, loaded in
 * one process and run in turn on each photo, so both see the same load on the machine. Photos
 * (scenes.ts `--dump`) are resized to 1200×900; by default `preprocess()` is timed on their raw
 * RGBA pixels; `--browser-like` times the pipeline alone on working copies decoded once as
 * Chromium draws them (see preprocess-speed.ts).
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx scripts/bench/preprocess-ab.ts --base=/tmp/base --dir=/tmp/desks [--repeats=5] [--browser-like]
 */
import { resolve } from 'node:path';
import { decodeLikeBrowser } from './browser-like-decode.js';
import { photosAt1200x900 } from './desk-photos.js';

interface Module {
  preprocess?: (input: unknown) => Promise<unknown>;
  preprocessImage?: (decoded: unknown) => unknown;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = option('base');
if (!base) throw new Error('usage: preprocess-ab.ts --base=DIR --dir=DIR [--repeats=5] [--browser-like]');
const dirs = args.filter((a) => a.startsWith('--dir=')).map((a) => a.slice('--dir='.length));
const repeats = Number(option('repeats') ?? 5);
const browserLike = args.includes('--browser-like');

const entry = browserLike ? 'src/preprocess/pipeline.ts' : 'src/node.ts';
const before = (await import(resolve(base, entry))) as Module;
const after = (await import(resolve(import.meta.dirname, '../..', entry))) as Module;

const inputs: unknown[] = (await photosAt1200x900(dirs)).map((photo) =>
  browserLike ? decodeLikeBrowser(photo) : photo,
);

async function time(module: Module, input: unknown): Promise<number> {
  const t0 = performance.now();
  try {
    await (browserLike ? module.preprocessImage!(input) : module.preprocess!(input));
  } catch {
    // A photo without a digit times as well as one with.
  }
  return performance.now() - t0;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const times = { base: [] as number[], now: [] as number[] };
// A first round warms both up and is not counted.
for (let round = 0; round <= repeats; round++) {
  for (const input of inputs) {
    const order = round % 2 === 0 ? ([before, after] as const) : ([after, before] as const);
    const [first, second] = [await time(order[0], input), await time(order[1], input)];
    if (round === 0) continue;
    times.base.push(order[0] === before ? first : second);
    times.now.push(order[0] === before ? second : first);
  }
}
console.log(
  `${browserLike ? 'pipeline after a browser-like decode' : 'preprocess() of raw RGBA'}, 1200×900, ` +
    `${inputs.length} photos × ${repeats}: base median ${median(times.base).toFixed(2)} ms, ` +
    `this checkout ${median(times.now).toFixed(2)} ms`,
);
process.exit(0);
