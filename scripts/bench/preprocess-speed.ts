/**
 * Warm `preprocess()` time in Node on photos resized to one size (default 1200×900), given as
 * raw RGBA pixels: the figure speed work on the preprocessing is judged by.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=note-on-desk --count=40 --salt=5 --dump=/tmp/desks
 *   npx tsx scripts/bench/preprocess-speed.ts --dir=/tmp/desks [--size=1200x900] [--repeats=5]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { classify, preprocess } from '../../src/node.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = option('dir') ?? '/tmp/desks';
const [width, height] = (option('size') ?? '1200x900').split('x').map(Number) as [number, number];
const repeats = Number(option('repeats') ?? 5);
const limit = Number(option('limit') ?? Infinity);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

const inputs = [];
for (const file of readdirSync(dir)
  .filter((f) => /\.(png|jpg)$/.test(f))
  .sort()
  .slice(0, limit)) {
  const { data } = await sharp(join(dir, file))
    .resize(width, height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  inputs.push({ data: new Uint8ClampedArray(data), width, height });
}
await classify(inputs[0]!);
for (const input of inputs) await preprocess(input).catch(() => null);
const times: number[] = [];
for (let r = 0; r < repeats; r++) {
  for (const input of inputs) {
    const t0 = performance.now();
    await preprocess(input).catch(() => null);
    times.push(performance.now() - t0);
  }
}
console.log(
  `preprocess() ${width}×${height}, ${inputs.length} images × ${repeats}: median ${median(times).toFixed(2)} ms, ` +
    `mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms`,
);
process.exit(0);
