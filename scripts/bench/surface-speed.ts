/**
 * Warm `findSurface()` alone in Node, on working copies decoded as Chromium draws them (see
 * browser-like-decode.ts) from photos resized to 1200×900: the surface search timed (and, with
 * `node --cpu-prof`, profiled) without the rest of the pipeline. `--base=DIR` times another
 * checkout's findSurface() in turn on the same copies (paired A/B).
 *
 *   npx tsx scripts/bench/surface-speed.ts --dir=/tmp/desks [--repeats=20] [--base=DIR]
 */
import { resolve } from 'node:path';
import { decodeLikeBrowser } from './browser-like-decode.js';
import { photosAt1200x900 } from './desk-photos.js';

type FindSurface = (image: unknown) => unknown;

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dirs = args.filter((a) => a.startsWith('--dir=')).map((a) => a.slice('--dir='.length));
const repeats = Number(option('repeats') ?? 20);
const base = option('base');

const load = async (root: string): Promise<FindSurface> =>
  ((await import(resolve(root, 'src/preprocess/surface.ts'))) as { findSurface: FindSurface }).findSurface;
const versions: Array<[string, FindSurface]> = [['this', await load(resolve(import.meta.dirname, '../..'))]];
if (base) versions.unshift(['base', await load(base)]);

const images = (await photosAt1200x900(dirs)).map((photo) => decodeLikeBrowser(photo).luminance);
const times = versions.map((): number[] => []);
for (let r = -2; r < repeats; r++) {
  for (const image of images) {
    versions.forEach(([, find], v) => {
      const t0 = performance.now();
      find(image);
      if (r >= 0) times[v]!.push(performance.now() - t0);
    });
  }
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
versions.forEach(([name], v) => {
  const all = times[v]!;
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  console.log(
    `${name}: findSurface() median ${median(all).toFixed(3)} ms, mean ${mean.toFixed(3)} ms (${all.length} calls)`,
  );
});
