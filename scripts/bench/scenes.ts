/**
 * Validation runs of a browser kind, for tuning the preprocessing without ever looking at the
 * benchmark's images: the same generators on MNIST *training* digits and other seeds (a salt).
 * Prints accuracy overall, per group (desk, note size, …) and the mean time per image; writes a
 * contact sheet of the misreads and, if asked, some sample inputs. Needs `npm run build` first.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=note-on-desk --split=train --count=400 --salt=1 --sheet=/tmp/misreads.png
 *
 *   --kind=NAME        a kind of scripts/bench/page/kinds.js, digit or number (default note-on-desk)
 *   --split=train      MNIST split the digits come from: train (default) or test (the bench's own)
 *   --count=N          images to run (default 200)
 *   --salt=N           seeds other than the benchmark's (default 1; 0 = the benchmark's seeds)
 *   --seeds-from=N     first digit index (default 0): another set of scenes
 *   --only-group=TEXT  only images in this group, e.g. "desk: dark wood" (count = matching images)
 *   --sheet=FILE       contact sheet PNG of up to --thumbs=48 misreads
 *   --samples=DIR      the first --sample-count=8 inputs as PNG files (JPEG inputs decoded)
 *   --json=FILE        every outcome as JSON
 *   --pages=N          pages working at once (default: the number of cores, at most 4)
 *   --dump=DIR         only make the inputs and save them to DIR (JPEG Blobs as .jpg, canvases as
 *                      .png), no reading: for scripts/bench/desk-node.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, openBenchPage } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { startServer } from './server.js';

interface SceneOutcome {
  index: number;
  n: number;
  group: string;
  truth: string;
  read: string;
  confidence: number;
  uncertain: boolean;
  /** Digit kinds: the model's chance that the image is not a digit, and whether it said so. */
  notDigitScore?: number;
  notADigit?: boolean;
  ms: number;
  correct: boolean;
  error?: string;
}

interface SceneRun {
  outcomes: SceneOutcome[];
  thumbs: string[];
  samples: Array<{ n: number; desk: string; truth: string; url: string }>;
  made: number;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const numeric = (name: string, fallback: number): number => {
  const value = option(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} takes a number, not ${value}`);
  return parsed;
};

const kind = option('kind') ?? 'note-on-desk';
const split = option('split') ?? 'train';
const count = numeric('count', 200);
const salt = numeric('salt', 1);
const first = numeric('seeds-from', 0);
const onlyGroup = option('only-group');
const sheet = option('sheet');
const samplesDir = option('samples');
const sampleCount = samplesDir ? numeric('sample-count', 8) : 0;
const thumbs = numeric('thumbs', 48);
const pages = Math.max(1, numeric('pages', Math.min(4, cpus().length)));

/** `window.Bench[fn](...args)` on the page, as a string: no compiled helper has to exist there. */
async function call<T>(page: Page, fn: string, ...params: unknown[]): Promise<T> {
  return (await page.evaluate(`window.Bench.${fn}(${params.map((p) => JSON.stringify(p ?? null)).join(', ')})`)) as T;
}

const dataUrlBytes = (url: string): Buffer => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
const pct = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

function printAccuracy(outcomes: SceneOutcome[]): void {
  const right = outcomes.filter((o) => o.correct).length;
  const meanMs = outcomes.reduce((s, o) => s + o.ms, 0) / Math.max(1, outcomes.length);
  const errors = outcomes.filter((o) => o.error).length;
  console.log(
    `\n${kind} on ${split} (salt ${salt}): ${pct(right, outcomes.length)} right (${right}/${outcomes.length}), ` +
      `${outcomes.filter((o) => o.uncertain).length} uncertain, ${errors} rejected; ${meanMs.toFixed(1)} ms per image`,
  );
  const groups = new Map<string, SceneOutcome[]>();
  for (const o of outcomes) for (const g of o.group.split('|')) groups.set(g, [...(groups.get(g) ?? []), o]);
  const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const width = Math.max(...names.map((g) => g.length));
  for (const g of names) {
    const list = groups.get(g)!;
    const ok = list.filter((o) => o.correct).length;
    console.log(`  ${g.padEnd(width)}  ${pct(ok, list.length).padStart(6)}  (${ok}/${list.length})`);
  }
  const messages = [...new Set(outcomes.flatMap((o) => (o.error ? [o.error] : [])))];
  if (messages.length > 0) console.log(`Rejections: ${messages.slice(0, 5).join('; ')}`);
  const flagged = outcomes.filter((o) => o.correct && o.notADigit).length;
  if (outcomes.some((o) => o.notADigit !== undefined))
    console.log(`Read right but flagged "not a digit": ${flagged} of ${right} (${pct(flagged, right)})`);
}

/**
 * Saves the inputs of `items`, a few at a time (data: URLs of whole photos are large),
 * `surfaces.json`: each file's true surface corners (the note's, or the screen's; null on none),
 * which surface-fit.ts measures the surface finder against, and `groups.json`: each file's groups
 * (desk, note, ink, …), which desk-node.ts reports its figures by.
 */
async function dumpInputs(page: Page, items: Array<{ index: number; n: number }>, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const surfaces: Record<string, Array<{ x: number; y: number }> | null> = {};
  const groups: Record<string, string[]> = {};
  for (let from = 0; from < items.length; from += 8) {
    const samples = await call<
      Array<{
        n: number;
        desk: string;
        truth: string;
        url: string;
        corners: Array<{ x: number; y: number }> | null;
        groups: string[];
      }>
    >(page, 'sceneSamples', kind, items.slice(from, from + 8), { split, salt });
    for (const s of samples) {
      const type = s.url.startsWith('data:image/jpeg') ? 'jpg' : 'png';
      const file = `${kind}-${s.n}-${s.desk.replace(/\W+/g, '-')}-${s.truth}.${type}`;
      writeFileSync(join(dir, file), dataUrlBytes(s.url));
      surfaces[file] = s.corners;
      groups[file] = s.groups;
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${Math.min(items.length, from + 8)}/${items.length}`);
  }
  writeFileSync(join(dir, 'surfaces.json'), JSON.stringify(surfaces));
  writeFileSync(join(dir, 'groups.json'), JSON.stringify(groups));
  console.log(`${items.length} inputs in ${dir}`);
}

async function main(): Promise<void> {
  if (split === 'test' && salt === 0)
    console.warn('Note: --split=test --salt=0 are the benchmark images themselves; tune on --split=train.');
  const size = split === 'train' ? 60_000 : 10_000;
  // With a group filter only some images count: make more of them, stop at `count` matches.
  const made = onlyGroup ? Math.min(size, count * 12) : count;
  const stride = Math.max(1, Math.floor(size / made));
  const items = Array.from({ length: made }, (_, n) => ({ index: (first + n * stride) % size, n }));
  const server = await startServer(ROOT);
  const browser = await launch();
  try {
    const workers: Page[] = await Promise.all(
      Array.from({ length: pages }, (_, i) => openBenchPage(browser, server, i > 0)),
    );
    await Promise.all(workers.map((p) => p.addScriptTag({ url: '/scripts/bench/page/scenes.js' })));
    const dump = option('dump');
    if (dump) {
      await dumpInputs(workers[0]!, items, dump);
      return;
    }
    const started = performance.now();
    // Each page takes blocks of (up to) eight in turn: `n` (which picks the desk, n % 8) stays as
    // in one run, and every page sees every desk, so a group filter keeps them all busy.
    const block = Math.min(8, Math.ceil(items.length / pages));
    const runs = await Promise.all(
      workers.map((page, w) =>
        call<SceneRun>(
          page,
          'runScenes',
          kind,
          items.filter((_, i) => Math.floor(i / block) % pages === w),
          {
            split,
            salt,
            onlyGroup,
            limit: onlyGroup ? Math.ceil(count / pages) : 0,
            thumbs: Math.ceil(thumbs / pages),
            samples: Math.ceil(sampleCount / pages),
          },
        ),
      ),
    );
    const outcomes = runs.flatMap((r) => r.outcomes).sort((a, b) => a.n - b.n);
    printAccuracy(outcomes);
    console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s on ${pages} pages)`);
    const json = option('json');
    if (json) writeFileSync(json, JSON.stringify(outcomes, null, 1));
    if (sheet) {
      const urls = runs.flatMap((r) => r.thumbs).slice(0, thumbs);
      if (urls.length === 0) console.log('No misreads: no contact sheet.');
      else {
        const png = await call<string>(workers[0]!, 'contactSheet', urls, 6);
        writeFileSync(sheet, dataUrlBytes(png));
        console.log(`Contact sheet of ${urls.length} misreads: ${sheet}`);
      }
    }
    if (samplesDir) {
      mkdirSync(samplesDir, { recursive: true });
      const samples = runs
        .flatMap((r) => r.samples)
        .sort((a, b) => a.n - b.n)
        .slice(0, sampleCount);
      for (const s of samples) {
        const file = join(samplesDir, `${kind}-${s.n}-${s.desk.replace(/\W+/g, '-')}-${s.truth}.png`);
        writeFileSync(file, dataUrlBytes(s.url));
      }
      console.log(`${samples.length} sample inputs in ${samplesDir}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
