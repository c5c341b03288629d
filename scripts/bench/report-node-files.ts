/** The report's section on Node with files and the CLI, and its Summary rows. */
import { ms, pct, table } from './format.js';
import type { BenchResults } from './types.js';

/** Node `classify(path)` of a 12 MP JPEG, warm. */
const TWELVE_MP_MS = 400;

export function nodeFilesSummaryRows(r: BenchResults): string[][] {
  const f = r.nodeFiles;
  if (!f) return [];
  const rows = f.cli.map((run) => [
    `CLI over ${f.photos.count.toLocaleString('en')} photos, ${run.jobs} worker${run.jobs > 1 ? 's' : ''} (Node)`,
    `${run.imagesPerSecond.toFixed(1)} images/s`,
    '—',
    '—',
  ]);
  rows.push([
    'Warm Node `classify(path)`, 12 MP JPEG (median)',
    ms(f.twelveMegapixel.medianMs),
    `≤ ${TWELVE_MP_MS} ms`,
    f.twelveMegapixel.medianMs <= TWELVE_MP_MS ? 'yes' : '**no**',
  ]);
  return rows;
}

export function nodeFilesSection(r: BenchResults): string[] {
  const f = r.nodeFiles;
  if (!f) return [];
  return [
    '## 8. Node with files and the CLI',
    '',
    `\`digit-recognizer --json --jobs N\` (dist/cli.js) over a folder of ${f.photos.count.toLocaleString('en')} ` +
      `${f.photos.width}×${f.photos.height} JPEG photos of MNIST test digits written on paper (tint, uneven light, ` +
      'grain; made once into `.cache/cli-bench/` by scripts/bench/node-files.ts). Wall clock from the command to its ' +
      'last line, start-up of the workers (each loads its own model and WebAssembly) included' +
      (f.loadAverage !== undefined
        ? `; the machine's 1-minute load average was ${f.loadAverage.toFixed(2)} when it started.`
        : '.'),
    '',
    table(
      ['workers', 'time', 'images/s', 'read right'],
      f.cli.map((run) => [
        String(run.jobs),
        `${run.seconds.toFixed(1)} s`,
        run.imagesPerSecond.toFixed(1),
        `${pct(run.accuracy, 1)} of ${run.count}`,
      ]),
    ),
    '',
    `Warm \`classify(path)\` in Node of a 4000×3000 JPEG (a note on a desk): median ${ms(f.twelveMegapixel.medianMs)} ` +
      `over ${f.twelveMegapixel.runs} runs (${ms(f.twelveMegapixel.minMs)}–${ms(f.twelveMegapixel.maxMs)}), ` +
      'reading the file, decoding it with `sharp` and reading the digit.',
    '',
  ];
}
