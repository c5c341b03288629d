/**
 * Warm `preprocess()` time in Node on photos resized to one size (default 1200×900), given as
 * raw RGBA pixels: the figure speed work on the preprocessing is judged by.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=note-on-desk --count=40 --salt=5 --dump=/tmp/desks
 *   npx tsx scripts/bench/preprocess-speed.ts --dir=/tmp/desks [--size=1200x900] [--repeats=5] [--browser-like]
 *
 * `--browser-like` times the pipeline alone on working copies decoded once as Chromium draws them
 * (fitted to 320 px, see browser-like-decode.ts): the part of the time the browser spends in
 * JavaScript after `drawImage()` and `getImageData()`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { classify, preprocess } from '../../src/node.js';
import { preprocessImage } from '../../src/preprocess/pipeline.js';
import { decodeLikeBrowser } from './browser-like-decode.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = option('dir') ?? '/tmp/desks';
const [width, height] = (option('size') ?? '1200x900').split('x').map(Number) as [number, number];
const repeats = Number(option('repeats') ?? 5);
const limit = Number(option('limit') ?? Infinity);
const browserLike = args.includes('--browser-like');

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

const runs: Array<() => Promise<unknown>> = [];
for (const file of readdirSync(dir)
  .filter((f) => /\.(png|jpg)$/.test(f))
  .sort()
  .slice(0, limit)) {
  const { data } = await sharp(join(dir, file))
    .resize(width, height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const input = { data: new Uint8Array(data), width, height };
  if (browserLike) {
    const decoded = decodeLikeBrowser(input);
    runs.push(() => Promise.resolve().then(() => preprocessImage(decoded)));
  } else {
    runs.push(() => preprocess(input));
  }
  if (runs.length === 1) await classify(input);
}
for (const run of runs) await run().catch(() => null);
const times: number[] = [];
for (let r = 0; r < repeats; r++) {
  for (const run of runs) {
    const t0 = performance.now();
    await run().catch(() => null);
    times.push(performance.now() - t0);
  }
}
console.log(
  `${browserLike ? 'pipeline after a browser-like decode' : 'preprocess()'} ${width}×${height}, ` +
    `${runs.length} images × ${repeats}: median ${median(times).toFixed(2)} ms, ` +
    `mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms`,
);
process.exit(0);
