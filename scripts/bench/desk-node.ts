/**
 * A quick validation loop in Node over desk scenes saved by scenes.ts (`--dump=DIR`):
 * each input goes to classify() or readNumber() as raw RGBA pixels, so a change
 * to the preprocessing can be tried in seconds instead of minutes of scene drawing in Chromium.
 * Node shrinks by block averaging where Chromium draws at 320 px, so figures differ a little
 * from scenes.ts; `--browser-like` decodes as Chromium does (browser-like-decode.ts) and follows
 * it closely. Confirm in scenes.ts before believing a change. Figures are given per desk, and per
 * group (note, ink, …) when the dump has the `groups.json` scenes.ts writes.
 *
 *   npx tsx scripts/bench/scenes.ts --kind=note-on-desk --split=train --count=240 --salt=2 \
 *     --dump=/tmp/desk-s2 --pages=1
 *   npx tsx scripts/bench/desk-node.ts /tmp/desk-s2 [--number] [--browser-like] [--verbose] [--only=light-oak]
 *     [--model=DIR]   (a candidate model's folder, e.g. one `npm run train:ensemble -- --out DIR` wrote)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { classify, loadClassifier, preprocess, readNumber } from '../../src/node.js';
import { decodeRawPixelsLikeBrowser } from './browser-like-decode.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: desk-node.ts DIR [--number] [--verbose] [--only=TEXT]');
const isNumber = args.includes('--number') || dir.includes('num');
const verbose = args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const modelDir = args.find((a) => a.startsWith('--model='))?.slice(8);
if (args.includes('--browser-like')) decodeRawPixelsLikeBrowser();

interface Sample {
  file: string;
  desk: string;
  truth: string;
}

/** `<kind>-<n>-<desk>-<truth>.png` (or `.jpg`), as scenes.ts names its inputs. */
function parse(file: string): Sample | null {
  const m = /^[a-z0-9-]+?-(\d+)-(.+)-(\d+)\.(png|jpg)$/.exec(file);
  return m ? { file, desk: m[2]!, truth: m[3]! } : null;
}

async function main(): Promise<void> {
  const classifier = modelDir
    ? await loadClassifier({ modelUrl: pathToFileURL(join(resolve(modelDir), 'model.json')) })
    : undefined;
  const samples = readdirSync(dir!)
    .map(parse)
    .filter((s): s is Sample => s !== null && (!only || s.desk.includes(only)))
    .sort((a, b) => a.file.localeCompare(b.file, 'en', { numeric: true }));
  const groupsFile = join(dir!, 'groups.json');
  const groupsOf: Record<string, string[]> = existsSync(groupsFile)
    ? (JSON.parse(readFileSync(groupsFile, 'utf8')) as Record<string, string[]>)
    : {};
  const byDesk = new Map<string, { right: number; all: number }>();
  const byGroup = new Map<string, { right: number; all: number }>();
  const count = (map: Map<string, { right: number; all: number }>, key: string, ok: boolean): void => {
    const d = map.get(key) ?? { right: 0, all: 0 };
    d.all++;
    if (ok) d.right++;
    map.set(key, d);
  };
  let right = 0;
  let rightUncertain = 0;
  let wrongUncertain = 0;
  let ms = 0;
  const wrong: string[] = [];
  for (const s of samples) {
    // Decoded here, given as RGBA pixels: the same path for PNG and JPEG, and no file decoding timed.
    const { data, info } = await sharp(readFileSync(join(dir!, s.file)))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const input = { data: new Uint8Array(data), width: info.width, height: info.height };
    let read: string;
    let uncertain = false;
    let note = '';
    const t0 = performance.now();
    try {
      const reading = isNumber
        ? await readNumber(input, { classifier })
        : classifier
          ? await classifier.classify(input)
          : await classify(input);
      read = 'text' in reading ? reading.text : String(reading.digit);
      uncertain = reading.uncertain;
    } catch (error) {
      read = `(${(error as Error).message.slice(0, 30)})`;
    }
    ms += performance.now() - t0;
    const ok = read === s.truth;
    if (!ok || verbose) {
      try {
        const p = await preprocess(input);
        const f = (v: number): string => v.toFixed(0);
        note = p.surface
          ? `surface ${p.surface.tone} ${p.surface.corners.map((c) => `${f(c.x)},${f(c.y)}`).join(' ')}`
          : 'no surface';
        note += ` box ${f(p.box.x)},${f(p.box.y)} ${f(p.box.width)}×${f(p.box.height)}`;
      } catch (error) {
        note = (error as Error).message.slice(0, 40);
      }
    }
    const doubt = uncertain ? ' (uncertain)' : '';
    if (ok) right++;
    else wrong.push(`${s.file}: ${s.truth} → ${read}${doubt}  [${note}]`);
    if (ok && uncertain) rightUncertain++;
    if (!ok && uncertain) wrongUncertain++;
    if (verbose && ok) console.log(`ok ${s.file}${doubt} [${note}]`);
    count(byDesk, s.desk, ok);
    // The desk is reported above; the rest of the scene's groups here.
    for (const group of groupsOf[s.file] ?? []) if (!group.startsWith('desk: ')) count(byGroup, group, ok);
  }
  for (const w of wrong) console.log(w);
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(
    `\n${pct(right, samples.length)} right (${right}/${samples.length}), ${(ms / samples.length).toFixed(1)} ms each; ` +
      `uncertain: ${wrongUncertain}/${samples.length - right} wrong, ${rightUncertain}/${right} right`,
  );
  for (const [desk, d] of [...byDesk].sort())
    console.log(`  ${desk.padEnd(18)} ${pct(d.right, d.all).padStart(6)} (${d.right}/${d.all})`);
  if (byGroup.size > 0) console.log('');
  for (const [group, d] of [...byGroup].sort())
    console.log(`  ${group.padEnd(28)} ${pct(d.right, d.all).padStart(6)} (${d.right}/${d.all})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
