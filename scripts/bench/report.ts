/** Turns the results into BENCHMARKS.md: one table per section, each figure against its target. */
import { figure, kb, met, ms, pct, table } from './format.js';
import { HANDWRITING_FONTS } from './browser.js';
import { deskSection, deskSummaryRows, kindTarget } from './report-desk.js';
import { nodeFilesSection, nodeFilesSummaryRows } from './report-node-files.js';
import { cameraSection, cameraSummaryRows } from './report-camera.js';
import { realNumbersSection, realNumbersSummaryRows } from './report-real-numbers.js';
import { comparedFigures, comparisonSection, ratioText } from './report-comparison.js';
import { readNumberSection } from './report-read-number.js';
import { TARGETS, withinMs } from './report-targets.js';
import type { AccuracyFigure, BenchResults, KindResult } from './types.js';

/** Fonts whose digits are hollow outlines, not strokes: reported apart as well. */
const OUTLINE_FONTS = ['femkeklaver'];

/** The font kind without the outline fonts, when it has them. */
function strokeFonts(k: KindResult): AccuracyFigure | null {
  const outline = OUTLINE_FONTS.map((f) => k.groups[`font: ${f}`]).filter((g): g is AccuracyFigure => g !== undefined);
  if (k.kind !== 'fonts' || outline.length === 0) return null;
  const count = k.count - outline.reduce((s, g) => s + g.count, 0);
  const correct = k.correct - outline.reduce((s, g) => s + g.correct, 0);
  const uncertain = k.uncertain - outline.reduce((s, g) => s + g.uncertain, 0);
  const errors = k.errors - outline.reduce((s, g) => s + g.errors, 0);
  return { count, correct, accuracy: count > 0 ? correct / count : 0, uncertain, errors };
}

function kindSection(k: KindResult): string {
  const groups = Object.entries(k.groups);
  const parts = [`#### ${k.kind}: ${pct(k.accuracy)}`, '', k.description, ''];
  if (groups.length > 1) {
    parts.push(
      table(
        ['variant', 'images', 'accuracy'],
        groups.map(([name, g]) => [name, String(g.count), pct(g.accuracy, 1)]),
      ),
      '',
    );
  }
  const strokes = strokeFonts(k);
  if (strokes) {
    parts.push(
      `${OUTLINE_FONTS.join(', ')} draws its digits as hollow, sketchy outlines (two thin lines around each stroke), ` +
        `not as strokes; without it the fonts score ${figure(strokes)}.`,
      '',
    );
  }
  if (k.confusions.length > 0) {
    parts.push(
      `Most frequent errors (label→read): ${k.confusions.map((c) => `${c.label}→${c.predicted} ×${c.count}`).join(', ')}.`,
      '',
    );
  }
  const d = k.diagnosis;
  if (d.wrong > 0) {
    const causes = [
      d.wrongPolarity > 0 ? `${d.wrongPolarity} with the ink polarity detected the wrong way round` : '',
      d.cropOffDigit > 0 ? `${d.cropOffDigit} with the crop off the digit (box misplaced or swollen)` : '',
      d.cropOnDigit > 0 ? `${d.cropOnDigit} with the crop on the digit (misread after a good crop)` : '',
      d.unknown > 0 ? `${d.unknown} with the right polarity (crop not checked)` : '',
      d.rejected > 0 ? `${d.rejected} rejected` : '',
    ].filter(Boolean);
    parts.push(`Wrong answers by cause, from \`preprocess()\`: ${causes.join('; ')}.`, '');
  }
  if (k.errors > 0) parts.push(`Rejected inputs: ${k.errors} (${k.errorMessages.join('; ')}).`, '');
  return parts.join('\n');
}

/** What a kind with no images shows instead of a 0% accuracy: why it was not measured. */
function notMeasured(k: KindResult, r: BenchResults): string {
  return k.kind === 'fonts' && r.missingFonts.length > 0
    ? 'not measured: no handwriting font installed (see section 2)'
    : 'not measured (no images)';
}

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    '# Benchmarks',
    '',
    `Measured ${m.date} with \`${m.command}\` (digit-recognizer ${m.packageVersion}, model weights sha256 ` +
      `\`${m.modelSha256.slice(0, 12)}\`) on ${m.cpu}, ${m.cores} cores; Chromium ${m.chromium}, Node ${m.node}. ` +
      `The whole run took ${(r.elapsedSeconds / 60).toFixed(1)} minutes. Raw numbers: \`scripts/bench/results.json\`.`,
    '',
  );
  if (m.quick) out.push('> **Smoke run (`--quick`)**: small samples, not the published figures.', '');
  const rerun = [...r.kinds, ...(r.numberKinds ?? [])].filter((k) => k.rerun);
  if (rerun.length > 0)
    out.push(
      `Rerun alone since (\`npx tsx scripts/bench/run.ts --update=kinds --only=…\`): ` +
        `${rerun.map((k) => `${k.kind} on ${k.rerun!}`).join(', ')}.`,
      '',
    );
  if (r.speedRerun)
    out.push(
      `Warm timings and first visits (sections 3 and 4) and the warm \`readNumber()\` (section 6) rerun alone on ${r.speedRerun} ` +
        `(\`npx tsx scripts/bench/run.ts --update=speed\`).`,
      '',
    );
  if (r.numbersRerun)
    out.push(
      `Composed numbers read by \`readNumber()\` in Node (section 6, accuracy) rerun alone on ${r.numbersRerun} ` +
        `(\`npx tsx scripts/bench/run.ts --update=numbers\`).`,
      '',
    );
  // Section 10 dated after the whole run ended was rerun alone.
  const runEnd = Date.parse(m.date) + r.elapsedSeconds * 1000;
  if (r.realNumbers && Date.parse(r.realNumbers.date) > runEnd)
    out.push(
      `Cheques, forms, pages and sheets askew (section 10) rerun alone on ${r.realNumbers.date} ` +
        `(\`npx tsx scripts/bench/run.ts --update=real-numbers\`).`,
      '',
    );

  // Summary
  const rows: string[][] = [];
  if (r.node)
    rows.push([
      'MNIST test accuracy, `classify()` in Node (10,000 digits)',
      figure(r.node.classify),
      `≥ ${pct(TARGETS.mnist, 1)}`,
      met(r.node.classify.accuracy >= TARGETS.mnist),
    ]);
  for (const k of r.kinds) {
    if (k.kind === 'mnist-canvas') continue;
    const target = kindTarget(k.kind, TARGETS.photoKind);
    if (k.count === 0) {
      rows.push([`Accuracy, ${k.kind} (Chromium)`, notMeasured(k, r), `≥ ${pct(target, 0)}`, '—']);
      continue;
    }
    rows.push([`Accuracy, ${k.kind} (Chromium)`, figure(k), `≥ ${pct(target, 0)}`, met(k.accuracy >= target)]);
    const strokes = strokeFonts(k);
    if (strokes) {
      rows.push([
        `Accuracy, fonts without the outline font ${OUTLINE_FONTS.join(', ')}`,
        figure(strokes),
        `≥ ${pct(TARGETS.photoKind, 0)}`,
        met(strokes.accuracy >= TARGETS.photoKind),
      ]);
    }
  }
  rows.push(...deskSummaryRows(r));
  if (r.speed) {
    const s = r.speed;
    rows.push([
      'Warm `classify()`, 28×28 canvas (median)',
      ms(s.canvas28.median),
      `≤ ${TARGETS.canvas28Ms} ms`,
      met(withinMs(s.canvas28.median, TARGETS.canvas28Ms)),
    ]);
    rows.push([
      'Warm `classify()`, 1200×900 photo canvas (median)',
      ms(s.photo1200x900.median),
      `≤ ${TARGETS.photoMs} ms`,
      met(withinMs(s.photo1200x900.median, TARGETS.photoMs)),
    ]);
    if (s.desk1200x900 && s.desk12mp) {
      rows.push([
        'Warm `classify()`, 1200×900 desk photo (median)',
        ms(s.desk1200x900.median),
        `≤ ${TARGETS.deskMs} ms`,
        met(withinMs(s.desk1200x900.median, TARGETS.deskMs)),
      ]);
      rows.push([
        'Warm `classify()`, 12 MP desk photo (median)',
        ms(s.desk12mp.median),
        `≤ ${TARGETS.desk12mpMs} ms`,
        met(withinMs(s.desk12mp.median, TARGETS.desk12mpMs)),
      ]);
    }
    rows.push(['`classifyBatch()` of 100 28×28 canvases', `${s.batchImagesPerSecond.toFixed(0)} images/s`, '—', '—']);
  }
  if (r.coldStart) {
    const c = r.coldStart;
    rows.push([
      'Page start → first answer, CDN bundle, cold cache (median)',
      ms(c.median),
      `≤ ${TARGETS.firstAnswerMs} ms`,
      met(withinMs(c.median, TARGETS.firstAnswerMs)),
    ]);
    rows.push([
      'First-visit download before the first answer, gzip',
      kb(c.totalGzip),
      `≤ ${TARGETS.totalGzipKb} KB`,
      met(c.totalGzip <= TARGETS.totalGzipKb * 1024),
    ]);
    rows.push([
      'CDN bundle (`dist/digit-recognizer.min.js`), gzip',
      kb(c.cdnBundleGzip),
      `≤ ${TARGETS.bundleGzipKb} KB`,
      met(c.cdnBundleGzip <= TARGETS.bundleGzipKb * 1024),
    ]);
  }
  if (r.readNumber)
    rows.push([
      '`readNumber()`: composed 2–6 digit numbers read exactly (Node)',
      figure(r.readNumber.numbers),
      `≥ ${pct(TARGETS.readNumberExact, 0)}`,
      met(r.readNumber.numbers.accuracy >= TARGETS.readNumberExact),
    ]);
  if (r.readNumberSpeed)
    rows.push([
      'Warm `readNumber()`, 6-digit number (Chromium, median)',
      ms(r.readNumberSpeed.timing.median),
      `≤ ${TARGETS.readNumberMs} ms`,
      met(withinMs(r.readNumberSpeed.timing.median, TARGETS.readNumberMs)),
    ]);
  if (r.comparison && r.coldStart && r.speed) {
    const f = comparedFigures(r.comparison, r.speed, r.coldStart);
    rows.push([
      'Against full tfjs + Keras-style CNN (section 5)',
      f.map((x) => `${x.name}: ${ratioText(x)}`).join('; '),
      '—',
      '—',
    ]);
  }
  rows.push(...nodeFilesSummaryRows(r));
  rows.push(...cameraSummaryRows(r));
  rows.push(...realNumbersSummaryRows(r));
  out.push('## Summary', '', table(['figure', 'measured', 'target', 'met?'], rows), '');

  // 1. MNIST
  if (r.node) {
    const n = r.node;
    out.push(
      '## 1. Accuracy on MNIST (Node)',
      '',
      `All ${n.classify.count.toLocaleString('en')} MNIST test digits, each as raw pixels \`{ data: Float32Array, width: 28, height: 28 }\` ` +
        `through \`classify()\` of the built \`${n.entry}\` (backend: ${n.backend}), so the full preprocessing runs.`,
      '',
      table(
        ['figure', 'measured', 'target', 'met?'],
        [
          [
            '`classify()` accuracy',
            figure(n.classify),
            `≥ ${pct(TARGETS.mnist, 1)}`,
            met(n.classify.accuracy >= TARGETS.mnist),
          ],
          ['errors', String(n.classify.count - n.classify.correct), '—', '—'],
          ['flagged `uncertain`', String(n.classify.uncertain), '—', '—'],
          [
            'reference: the model alone on the raw 28×28 digits (`classifyPreprocessed`)',
            figure(n.modelOnly),
            '—',
            '—',
          ],
          ['reference: `classify()` on the 500 digits the browser kinds use', figure(n.browserSubset), '—', '—'],
          ['throughput (one `classify()` at a time)', `${n.imagesPerSecond.toFixed(0)} images/s`, '—', '—'],
        ],
      ),
      '',
      `Errors by label→read (most frequent first): ${
        n.confusions
          .slice(0, 15)
          .map((c) => `${c.label}→${c.predicted} ×${c.count}`)
          .join(', ') || 'none'
      }.`,
      '',
      'Errors per true label: ' +
        n.matrix.map((row, label) => `${label}: ${row.reduce((s, v, i) => s + (i === label ? 0 : v), 0)}`).join(', ') +
        '.',
      '',
    );
  }

  // 2. Photo-like kinds
  if (r.kinds.length > 0) {
    const perKind = r.kinds.find((k) => k.kind !== 'fonts')?.count ?? 0;
    const stride = Math.floor(10000 / Math.max(1, perKind));
    out.push(
      '## 2. Accuracy on photo-like images (headless Chromium, CDN bundle)',
      '',
      'Our own images, never training data: each kind is made in the page from the same ' +
        `${perKind} MNIST *test* digits (indices 0, ${stride}, ${2 * stride}, … ${(perKind - 1) * stride}; deterministic, seeded per kind and ` +
        'index), except the fonts. Each goes through `window.DigitRecognizer.classify()` of `dist/digit-recognizer.min.js`. ' +
        'Generators: `scripts/bench/page/kinds.js`.',
      '',
      table(
        ['kind', 'images', 'accuracy', 'uncertain', 'read right, flagged "not a digit"', 'target', 'met?'],
        r.kinds.map((k) => [
          k.kind,
          String(k.count),
          k.count === 0 ? notMeasured(k, r) : pct(k.accuracy),
          String(k.uncertain),
          k.rightFlagged === undefined ? '—' : `${k.rightFlagged} (${pct(k.rightFlagged / Math.max(1, k.correct))})`,
          k.kind === 'mnist-canvas' ? '(reference)' : `≥ ${pct(kindTarget(k.kind, TARGETS.photoKind), 0)}`,
          k.kind === 'mnist-canvas' || k.count === 0 ? '—' : met(k.accuracy >= kindTarget(k.kind, TARGETS.photoKind)),
        ]),
      ),
      '',
      r.missingFonts.length > 0
        ? `Fonts missing (skipped): ${r.missingFonts.join(', ')}. They come from Debian's packages ` +
            `(\`apt-get install ${Object.keys(HANDWRITING_FONTS).join(' ')}\`); ` +
            '`npx tsx scripts/bench/run.ts --update=fonts` measures them alone.'
        : 'All nine handwriting fonts were installed.',
      '',
      '### Per kind',
      '',
      ...r.kinds.map(kindSection),
    );
  }

  out.push(...deskSection(r));

  // 3. Speed
  if (r.speed) {
    const s = r.speed;
    const stat = (t: typeof s.canvas28): string =>
      `median ${ms(t.median)}, p10 ${ms(t.p10)}, p90 ${ms(t.p90)} (${t.runs} runs)`;
    out.push(
      '## 3. Speed (headless Chromium)',
      '',
      `Warm: after \`getDefaultClassifier()\` resolved and a warm-up; backend ${s.backend}. Each call is awaited before the ` +
        `next. \`performance.now()\` resolution on the page: ${s.timerResolution.toFixed(3)} ms, so the loop mean ` +
        '(N back-to-back calls / N) is given as well.',
      '',
      table(
        ['figure', 'measured', 'target', 'met?'],
        [
          [
            '`classify()` 28×28 canvas',
            stat(s.canvas28),
            `≤ ${TARGETS.canvas28Ms} ms median`,
            met(withinMs(s.canvas28.median, TARGETS.canvas28Ms)),
          ],
          ['`classify()` 28×28 canvas, loop mean', ms(s.canvas28LoopMean), '—', '—'],
          [
            '`classify()` 1200×900 photo canvas',
            stat(s.photo1200x900),
            `≤ ${TARGETS.photoMs} ms median`,
            met(withinMs(s.photo1200x900.median, TARGETS.photoMs)),
          ],
          ['`classify()` 1200×900 photo canvas, loop mean', ms(s.photo1200x900LoopMean), '—', '—'],
          [
            '`classifyBatch()` of 100 28×28 canvases',
            `${stat(s.batch100)} → ${s.batchImagesPerSecond.toFixed(0)} images/s`,
            '—',
            '—',
          ],
          ['`preprocess()` alone (no model), 28×28 canvas', stat(s.canvas28Preprocess), '—', '—'],
          ['`preprocess()` alone (no model), 1200×900 photo canvas', stat(s.photo1200x900Preprocess), '—', '—'],
        ],
      ),
      '',
    );
  }

  // 3b/4. Cold start and weight
  if (r.coldStart) {
    const c = r.coldStart;
    out.push(
      '### Page start to first answer',
      '',
      'A page with only `<script src="/dist/digit-recognizer.min.js">` and an inline script that draws a 7 on a ' +
        '280×280 canvas and calls `DigitRecognizer.classify()` (`scripts/bench/page/first-answer.html`), served from ' +
        '127.0.0.1 by `scripts/bench/server.ts` (gzip). Each visit is in a new browser context with the cache ' +
        'disabled, so nothing (HTTP cache, compiled wasm) is reused. Time = `performance.now()` when the promise ' +
        'resolves (navigation start = 0).',
      '',
      table(
        ['figure', 'measured', 'target', 'met?'],
        [
          [
            `first answer, median of ${c.runs.length} cold visits`,
            ms(c.median),
            `≤ ${TARGETS.firstAnswerMs} ms`,
            met(withinMs(c.median, TARGETS.firstAnswerMs)),
          ],
          ['all visits', c.runs.map((t) => t.toFixed(0)).join(', ') + ' ms', '—', '—'],
          ['answer correct (7)', c.answerCorrect ? 'yes' : '**no**', '—', '—'],
        ],
      ),
      '',
      'Timeline of the median visit (ms after navigation start): ' +
        Object.entries(c.phases)
          .map(([name, t]) => `${name} ${Number.isFinite(t) ? t.toFixed(0) : '—'}`)
          .join('; ') +
        '.',
      '',
      '## 4. Weight of a first visit',
      '',
      'Every response the browser received before the first answer (resource timing and puppeteer response events ' +
        'agree), sized from the bytes the server sent: gzip at level 9 computed by the benchmark (the server sends ' +
        'exactly that), Brotli 11 for reference, and the body bytes the browser counted on the wire. The test page ' +
        'itself is listed but not counted.',
      '',
      table(
        ['kind', 'raw', 'gzip', 'brotli', 'on the wire', 'target', 'met?'],
        [
          ...Object.entries(c.byKind).map(([kind, s]) => [
            kind,
            kb(s.bytes),
            kb(s.gzip),
            kb(s.brotli),
            kb(s.encodedBodySize),
            '—',
            '—',
          ]),
          [
            '**total**',
            kb(c.totalBytes),
            `**${kb(c.totalGzip)}**`,
            kb(Object.values(c.byKind).reduce((s, k) => s + k.brotli, 0)),
            kb(Object.values(c.byKind).reduce((s, k) => s + k.encodedBodySize, 0)),
            `≤ ${TARGETS.totalGzipKb} KB`,
            met(c.totalGzip <= TARGETS.totalGzipKb * 1024),
          ],
          [
            'CDN bundle alone (`dist/digit-recognizer.min.js`)',
            kb(c.downloads.find((d) => d.url === '/dist/digit-recognizer.min.js')?.bytes ?? NaN),
            kb(c.cdnBundleGzip),
            kb(c.downloads.find((d) => d.url === '/dist/digit-recognizer.min.js')?.brotli ?? NaN),
            kb(c.downloads.find((d) => d.url === '/dist/digit-recognizer.min.js')?.encodedBodySize ?? NaN),
            `≤ ${TARGETS.bundleGzipKb} KB`,
            met(c.cdnBundleGzip <= TARGETS.bundleGzipKb * 1024),
          ],
        ],
      ),
      '',
      table(
        ['file', 'kind', 'status', 'raw', 'gzip', 'received at'],
        c.downloads.map((d) => [
          `\`${d.url}\``,
          d.kind,
          d.status === 200 ? '200' : `**${d.status}**`,
          kb(d.bytes),
          kb(d.gzip),
          Number.isFinite(d.responseEnd) ? `${d.responseEnd.toFixed(0)} ms` : '—',
        ]),
      ),
      '',
    );
  }

  out.push(...comparisonSection(r), ...readNumberSection(r));

  out.push(
    '## 7. Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', m.cpu],
        ['cores', String(m.cores)],
        ['memory', `${m.memoryGb.toFixed(1)} GB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', `${m.chromium} (headless, \`--disable-gpu\`)`],
        ['load average when the run started', m.concurrentLoad],
        ['command', `\`${m.command}\``],
      ],
    ),
    '',
    ...nodeFilesSection(r),
    ...cameraSection(r),
    ...realNumbersSection(r),
    '## How to run',
    '',
    '```sh',
    'npm run bench                              # build, then everything: BENCHMARKS.md and scripts/bench/results.json',
    'npx tsx scripts/bench/run.ts --quick       # smoke run on small samples: prints the report, JSON to the temp folder',
    'npx tsx scripts/bench/run.ts --quick --only=jpeg,fonts --per-kind=50 --skip-node',
    'npx tsx scripts/bench/run.ts --report      # re-render BENCHMARKS.md from results.json',
    'npx tsx scripts/bench/run.ts --update=files # only section 8 (Node files, CLI), into results.json',
    'npx tsx scripts/bench/run.ts --update=camera # only section 9 (the live camera), into results.json',
    'npx tsx scripts/bench/run.ts --update=speed # only sections 3 and 4 (warm timings, first visits), into results.json',
    'npx tsx scripts/bench/run.ts --update=real-numbers # only section 10 (cheques, forms, pages), into results.json',
    'npx tsx scripts/bench/run.ts --update=kinds --only=number-on-desk # only those browser kinds, into results.json',
    'npx tsx scripts/bench/scenes.ts --kind=note-on-desk --split=train --count=400 --sheet=/tmp/misreads.png',
    '                                           # validation split for tuning: accuracy per group, misreads sheet',
    'npx tsx scripts/bench/scenes.ts --kind=number-on-desk --split=train --count=300 --salt=3 --dump=/tmp/nd --pages=1',
    "npx tsx scripts/bench/surface-fit.ts /tmp/nd # the surface finder against the dump's true outlines",
    'npx tsx scripts/bench/canvas-digits.ts     # MNIST test digits drawn big on a clean white canvas',
    'npx tsx scripts/bench/real-photos.ts       # dev check: real photos from public projects (fetch their snapshots first)',
    '```',
    '',
    'Options: `--per-kind=N` images per browser kind, `--node-count=N` MNIST digits in Node, `--only=kind,…`, ' +
      '`--skip-node`, `--skip-browser`, `--skip-compare` (no naive stack), `--compare-mnist=N`, ' +
      '`--compare-per-kind=N`, `--naive-seconds=N` (training budget when `.cache/naive-model/` is missing; delete ' +
      'the folder to train again), `--skip-numbers`, `--numbers=N` (composed numbers for `readNumber()`), `--skip-files`, `--files=N` ' +
      '(photos for the CLI, default 1,000), `--skip-camera`, `--camera-runs=N` (fresh browsers per camera video, default 5). ' +
      '`npm run bench` runs the build first; `tsx scripts/bench/run.ts` uses dist/ as it is.',
    '```',
    '',
  );
  return out.join('\n');
}
