/**
 * A development check on real people's pictures: photos, scans and app drawings of handwritten
 * digits and numbers that other projects published on GitHub, listed (not copied) in
 * real-photos/manifest.json with the repository, commit and path of each. Their licences are the
 * projects' own, so the images are not part of this repository: each is read from a snapshot
 * of its repository (`fetch github:OWNER/NAME` in the tool library puts one in /work/.mirror)
 * into .cache/realdev/images the first time. An image whose snapshot is missing is skipped and
 * named.
 *
 * Digits go through `classify()`, numbers through `readNumber()`, sheets of several lines of
 * digits through `readNumber(…, { lines: true })` (their label: the lines top to bottom, split
 * by "/"), non-digits through `classify()` (right when flagged "not a digit" or rejected as
 * empty). Printed: per kind and
 * scene, right / uncertain, and every miss. A development set, small and uneven (one writer
 * may give ten images): look at its misses; do not tune numbers on it.
 *
 *   npx tsx scripts/bench/real-photos.ts [--sheet=/tmp/real-misses.png] [--only=TEXT]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { classify, DigitRecognizerError, readNumber } from '../../src/node.js';
import { ROOT } from './node-accuracy.js';

interface Entry {
  file: string;
  repo: string;
  commit: string;
  path: string;
  kind: 'digit' | 'number' | 'lines' | 'non-digit';
  label: string | null;
  scene: string;
  notes: string;
}

interface Outcome {
  entry: Entry;
  read: string;
  right: boolean;
  uncertain: boolean;
  /** Sheets of lines: how many of the label's lines were read exactly, in order. */
  linesRight?: number;
}

/** How many of `truth`'s items `read` holds in the same order (longest common subsequence). */
function inOrder(truth: string[], read: string[]): number {
  const best = Array.from({ length: truth.length + 1 }, () => new Array<number>(read.length + 1).fill(0));
  for (let i = 1; i <= truth.length; i++) {
    for (let j = 1; j <= read.length; j++) {
      best[i]![j] =
        truth[i - 1] === read[j - 1] ? best[i - 1]![j - 1]! + 1 : Math.max(best[i - 1]![j]!, best[i]![j - 1]!);
    }
  }
  return best[truth.length]![read.length]!;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sheet = option('sheet');
const only = option('only');

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, 'real-photos/manifest.json'), 'utf8')) as Entry[];
const imageDir = join(ROOT, '.cache/realdev');

/** The image's bytes, from the cache or else from its repository's snapshot; null when neither has it. */
function bytesOf(entry: Entry): Buffer | null {
  const cached = join(imageDir, entry.file);
  if (existsSync(cached)) return readFileSync(cached);
  // A snapshot is a bare git directory, or (now and then) a checkout holding one in .git.
  const snapshot = `/work/.mirror/${entry.repo.replace('/', '+')}/repo`;
  const gitDir = existsSync(join(snapshot, '.git')) ? join(snapshot, '.git') : snapshot;
  if (!existsSync(gitDir)) return null;
  try {
    const bytes = execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${entry.commit}:${entry.path}`], {
      maxBuffer: 1 << 28,
    });
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, bytes);
    return bytes;
  } catch {
    return null;
  }
}

async function readOne(entry: Entry, bytes: Buffer): Promise<Omit<Outcome, 'entry'>> {
  try {
    if (entry.kind === 'lines') {
      const reading = await readNumber(new Uint8Array(bytes), { lines: true });
      const all = reading.lines ?? [reading];
      const lines = all.map((line) => line.text);
      const read = lines.join('/');
      const linesRight = inOrder(entry.label!.split('/'), lines);
      return { read, right: read === entry.label, uncertain: all.some((line) => line.uncertain), linesRight };
    }
    if (entry.kind === 'number') {
      const reading = await readNumber(new Uint8Array(bytes));
      return { read: reading.text, right: reading.text === entry.label, uncertain: reading.uncertain };
    }
    const p = await classify(new Uint8Array(bytes));
    if (entry.kind === 'non-digit') {
      const flagged = p.reason === 'not-a-digit';
      return { read: flagged ? 'not a digit' : `${p.digit}`, right: flagged, uncertain: p.uncertain };
    }
    const read = p.reason === 'not-a-digit' ? `${p.digit} (not a digit)` : `${p.digit}`;
    return { read, right: String(p.digit) === entry.label && p.reason !== 'not-a-digit', uncertain: p.uncertain };
  } catch (error) {
    if (!(error instanceof DigitRecognizerError)) throw error;
    return { read: error.code, right: entry.kind === 'non-digit' && error.code === 'EMPTY_IMAGE', uncertain: true };
  }
}

const outcomes: Outcome[] = [];
const missing = new Set<string>();
for (const entry of manifest) {
  if (only && !`${entry.file} ${entry.scene} ${entry.kind}`.includes(only)) continue;
  const bytes = bytesOf(entry);
  if (!bytes) {
    missing.add(entry.repo);
    continue;
  }
  outcomes.push({ entry, ...(await readOne(entry, bytes)) });
}

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
const groups = new Map<string, Outcome[]>();
for (const o of outcomes) {
  for (const key of [o.entry.kind, `${o.entry.kind} / ${o.entry.scene}`]) {
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
}
console.log('| kind / scene | images | right | wrong ones uncertain |');
console.log('| --- | --- | --- | --- |');
for (const [key, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const right = list.filter((o) => o.right).length;
  const wrong = list.filter((o) => !o.right);
  console.log(
    `| ${key} | ${list.length} | ${pct(right, list.length)} (${right}) | ${wrong.length ? `${wrong.filter((o) => o.uncertain).length}/${wrong.length}` : '–'} |`,
  );
}
const sheets = outcomes.filter((o) => o.linesRight !== undefined);
if (sheets.length > 0) {
  const lines = sheets.reduce((n, o) => n + o.entry.label!.split('/').length, 0);
  const right = sheets.reduce((n, o) => n + o.linesRight!, 0);
  console.log(
    `\nLines of the ${sheets.length} sheets read exactly, in order: ${pct(right, lines)} (${right} of ${lines})`,
  );
}
const misses = outcomes.filter((o) => !o.right);
console.log(`\nMisses (${misses.length} of ${outcomes.length}):`);
for (const o of misses) {
  console.log(
    `  ${o.entry.kind} ${o.entry.label ?? '—'} → ${o.read}${o.uncertain ? ' (uncertain)' : ''}  [${o.entry.scene}] ${o.entry.file}: ${o.entry.notes}`,
  );
}
if (missing.size > 0) console.log(`\nSkipped, no snapshot: ${[...missing].join(', ')} (fetch them first).`);

if (sheet && misses.length > 0) {
  const TILE = 260;
  const LABEL = 24;
  const tiles = await Promise.all(
    misses.map(async (o) => {
      const picture = await sharp(readFileSync(join(imageDir, o.entry.file)))
        .rotate()
        .resize(TILE, TILE - LABEL, { fit: 'contain', background: '#ddd' })
        .flatten({ background: '#ddd' })
        .png()
        .toBuffer();
      const text = `${o.entry.label ?? o.entry.kind} → ${o.read}`.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const label = Buffer.from(
        `<svg width="${TILE}" height="${LABEL}"><rect width="100%" height="100%" fill="white"/><text x="4" y="17" font-family="sans-serif" font-size="14">${text}</text></svg>`,
      );
      return sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#ddd' } })
        .composite([
          { input: label, top: 0, left: 0 },
          { input: picture, top: LABEL, left: 0 },
        ])
        .png()
        .toBuffer();
    }),
  );
  const columns = 5;
  await sharp({
    create: {
      width: columns * (TILE + 4),
      height: Math.ceil(tiles.length / columns) * (TILE + 4),
      channels: 3,
      background: '#888',
    },
  })
    .composite(
      tiles.map((input, i) => ({ input, left: (i % columns) * (TILE + 4), top: Math.floor(i / columns) * (TILE + 4) })),
    )
    .png()
    .toFile(sheet);
  console.log(`Contact sheet of the misses: ${sheet}`);
}
