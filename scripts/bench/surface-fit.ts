/**
 * How well the surface finder outlines the note (or screen) in desk scenes saved by scenes.ts
 * (`--dump=DIR` writes each file's true corners to DIR/surfaces.json): the overlap (intersection
 * over union, within the frame) of `preprocess().surface.corners` with the true outline. A
 * validation tool for the surface finder alone, far quicker than reading every scene.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=number-on-desk --split=train --count=300 --salt=3 \
 *     --dump=/tmp/nd-s3 --pages=1
 *   npx tsx scripts/bench/surface-fit.ts /tmp/nd-s3 [--verbose] [--only=light-oak]
 *
 * Counts a scene as outlined when the overlap is at least 0.9 (a side askew by a few percent of
 * the note), as found roughly at 0.5, and reports the mean overlap, per desk; `--verbose` lists
 * every scene, worst first. Decodes as Chromium does (browser-like-decode.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { preprocess } from '../../src/node.js';
import { polygonSpans, type Point } from '../../src/preprocess/polygon.js';
import { decodeRawPixelsLikeBrowser } from './browser-like-decode.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: surface-fit.ts DIR [--verbose] [--only=TEXT]');
const verbose = args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
decodeRawPixelsLikeBrowser();

/** Rasterised at this fraction of the frame (plenty for an overlap). */
const SCALE = 0.25;
const OUTLINED = 0.9;
const FOUND = 0.5;

/** Overlap (intersection over union) of two convex polygons, within a `width`×`height` frame. */
function overlap(a: readonly Point[], b: readonly Point[], width: number, height: number): number {
  const w = Math.ceil(width * SCALE);
  const h = Math.ceil(height * SCALE);
  const scaled = (p: readonly Point[]): Point[] => p.map((c) => ({ x: c.x * SCALE, y: c.y * SCALE }));
  const sa = polygonSpans(scaled(a), w, h);
  const sb = polygonSpans(scaled(b), w, h);
  let both = 0;
  let either = 0;
  for (let y = 0; y < h; y++) {
    const [a0, a1, b0, b1] = [sa.from[y]!, sa.to[y]!, sb.from[y]!, sb.to[y]!];
    const common = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    both += common;
    either += Math.max(0, a1 - a0) + Math.max(0, b1 - b0) - common;
  }
  return either > 0 ? both / either : 0;
}

async function main(): Promise<void> {
  const truths = JSON.parse(readFileSync(join(dir!, 'surfaces.json'), 'utf8')) as Record<string, Point[] | null>;
  const files = readdirSync(dir!)
    .filter((f) => f in truths && truths[f] && (!only || f.includes(only)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const byDesk = new Map<string, { outlined: number; found: number; sum: number; all: number }>();
  const all = { outlined: 0, found: 0, sum: 0, all: 0 };
  const scored: Array<{ file: string; iou: number; found: string }> = [];
  for (const file of files) {
    const { data, info } = await sharp(readFileSync(join(dir!, file)))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const p = await preprocess({ data: new Uint8Array(data), width: info.width, height: info.height }).catch(
      () => null,
    );
    const corners = p?.surface?.corners;
    const iou = corners ? overlap(corners, truths[file]!, info.width, info.height) : 0;
    const found = corners ? corners.map((c) => `${c.x.toFixed(0)},${c.y.toFixed(0)}`).join(' ') : 'none';
    scored.push({ file, iou, found });
    const desk = /^[a-z-]+?-\d+-(.+)-\d+\.(png|jpg)$/.exec(file)?.[1] ?? 'other';
    for (const d of [all, byDesk.get(desk) ?? byDesk.set(desk, { outlined: 0, found: 0, sum: 0, all: 0 }).get(desk)!]) {
      d.all++;
      d.sum += iou;
      if (iou >= OUTLINED) d.outlined++;
      if (iou >= FOUND) d.found++;
    }
  }
  if (verbose) {
    for (const s of [...scored].sort((a, b) => a.iou - b.iou))
      console.log(`${s.file}: overlap ${s.iou.toFixed(3)} [${s.found}]`);
  }
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  const line = (name: string, d: typeof all): string =>
    `${name.padEnd(18)} outlined ${pct(d.outlined, d.all).padStart(6)}, found ${pct(d.found, d.all).padStart(6)}, ` +
    `mean overlap ${(d.sum / Math.max(1, d.all)).toFixed(3)} (${d.all})`;
  console.log(`\n${line('all', all)}`);
  for (const [desk, d] of [...byDesk].sort()) console.log(`  ${line(desk, d)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
