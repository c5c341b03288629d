/**
 * Sheets of several rows of digits in a thin pen, photographed with a phone (vignetted, JPEG),
 * read with `readNumber(…, { lines: true })`: how many rows come back exactly, in order. Half
 * the sheets are written with one pen pressure throughout ("even pen"); on the other half one
 * row is written lighter than the rest ("one row lighter": pencil, less pressure, a pen running
 * dry), as on real phone photos of practice sheets. Then half as many sheets again with "uneven
 * pressure": every digit pressed fully on one side and lightly on the other (an eighth to half as
 * dark, and thinner), on mottled paper, as a ballpoint leaves the upper loop of an 8 a
 * light grey. Digits of the validation split come from MNIST's training set, the test split's
 * from MNIST's test set, with seeds apart.
 *
 *   npx tsx scripts/bench/pen-rows.ts [--split=validation] [--count=60] [--src] [--verbose] [--dump=DIR] [--uneven-only]
 *
 * `--dump` saves every sheet not read whole as DIR/N.jpg (for a contact sheet of the misreads).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { penRows } from '../../test/fixtures/pen-rows.js';
import { random } from '../../test/fixtures/real-numbers/canvas.js';
import { photoRun } from './photo-split.js';

const { args, option, split, seedBase, set, api } = await photoRun({ test: 1_700_000, validation: 2_700_000 });
const count = Number(option('count') ?? 60);
const verbose = args.includes('--verbose');
const dump = option('dump');
if (dump) mkdirSync(dump, { recursive: true });

type Kind = 'even pen' | 'one row lighter' | 'uneven pressure';
const tally: Record<Kind, { rows: number; right: number; sheets: number; whole: number }> = {
  'even pen': { rows: 0, right: 0, sheets: 0, whole: 0 },
  'one row lighter': { rows: 0, right: 0, sheets: 0, whole: 0 },
  'uneven pressure': { rows: 0, right: 0, sheets: 0, whole: 0 },
};
const lighterRows = { rows: 0, right: 0 };
/** Sheet n: the first `count` alternate even pen and one row lighter, the rest have uneven pressure. */
const UNEVEN_SEEDS = 500_000;
for (let n = args.includes('--uneven-only') ? count : 0; n < count + Math.floor(count / 2); n++) {
  const uneven = n >= count;
  const seed = seedBase + n + (uneven ? UNEVEN_SEEDS : 0);
  const rand = random(seed);
  const kind: Kind = uneven ? 'uneven pressure' : n % 2 === 0 ? 'even pen' : 'one row lighter';
  const rowCount = 2 + Math.floor(rand() * 2);
  const rows = Array.from({ length: rowCount }, () =>
    Array.from({ length: 3 + Math.floor(rand() * 4) }, () => Math.floor(rand() * set.count)),
  );
  const strengths = rows.map(() => 0.7 + 0.25 * rand());
  const lighter = kind === 'one row lighter' ? Math.floor(rand() * rowCount) : -1;
  if (lighter >= 0) strengths[lighter] = 0.3 + 0.25 * rand();
  const digitHeight = Math.round((rowCount === 3 ? 150 : 190) + 80 * rand());
  // Spaced as widely as the longest row allows on the 2400-pixel sheet (digits about 0.75 of
  // their height wide, the row within 86% of the width).
  const longest = Math.max(...rows.map((row) => row.length));
  const room = (0.86 * 2400) / digitHeight - 0.75 * longest;
  const gap = Math.max(0.3, Math.min(1.1, room / (longest - 1) - 0.2));
  const sheet = penRows(set.images, set.labels, rows, {
    seed,
    strengths,
    ...(uneven ? { pressures: rows.map(() => 0.12 + 0.12 * rand()) } : {}),
    vignette: 0.1 + 0.2 * rand(),
    digitHeight,
    gap: [gap, gap + 0.2],
    indent: 0.05,
  });
  const jpeg = await sharp(Buffer.from(sheet.data.buffer), {
    raw: { width: sheet.width, height: sheet.height, channels: 4 },
  })
    .jpeg({ quality: 70 + Math.floor(rand() * 25) })
    .toBuffer();
  let texts: string[] = [];
  try {
    texts = ((await api.readNumber(new Uint8Array(jpeg), { lines: true })).lines ?? []).map((line) => line.text);
  } catch (error) {
    if (!(error instanceof api.DigitRecognizerError)) throw error;
  }
  const t = tally[kind];
  t.sheets++;
  let all = texts.length === sheet.texts.length;
  sheet.texts.forEach((text, r) => {
    t.rows++;
    const right = texts[r] === text && texts.length === sheet.texts.length;
    if (right) t.right++;
    else all = false;
    if (r === lighter) {
      lighterRows.rows++;
      if (right) lighterRows.right++;
    }
  });
  if (all) t.whole++;
  else if (dump) writeFileSync(join(dump, `${n}.jpg`), jpeg);
  if (verbose || !all)
    console.log(
      `${n} ${kind}: ${sheet.texts.join('/')} → ${texts.join('/')}${lighter >= 0 ? ` (row ${lighter + 1} lighter, ${strengths[lighter]!.toFixed(2)})` : ''}`,
    );
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`\n${split}, ${count} sheets`);
for (const [kind, t] of Object.entries(tally)) {
  console.log(
    `${kind}: rows ${pct(t.right, t.rows)} (${t.right}/${t.rows}), sheets read whole ${pct(t.whole, t.sheets)} (${t.whole}/${t.sheets})`,
  );
}
console.log(
  `the lighter rows alone: ${pct(lighterRows.right, lighterRows.rows)} (${lighterRows.right}/${lighterRows.rows})`,
);
