/**
 * `npm run bench` (after the build): MNIST accuracy in Node, then cold starts, weight, warm
 * speed and photo-like accuracy in headless Chromium. Writes scripts/bench/results.json and
 * BENCHMARKS.md.
 *
 *   --quick            small samples; prints the report and writes its JSON to the temp folder
 *   --report           only re-render BENCHMARKS.md from scripts/bench/results.json
 *   --only=a,b         browser kinds to run (e.g. jpeg,fonts,note-on-desk,number-on-desk)
 *   --skip-node        no MNIST run in Node
 *   --skip-browser     no Chromium run
 *   --per-kind=N       images per browser kind (default 500; 20 with --quick)
 *   --node-count=N     MNIST digits in Node (default 10,000; 200 with --quick)
 *   --skip-compare     no side-by-side with the naive stack (full tfjs + Keras-style CNN)
 *   --compare-mnist=N  MNIST digits per stack in the comparison (default 2,000; 200 with --quick)
 *   --compare-per-kind=N  images per kind and stack in the comparison (default 100; 10 with --quick)
 *   --naive-seconds=N  training budget of the naive model when .cache/naive-model/ is missing (240)
 *   --skip-numbers     no readNumber() accuracy run in Node
 *   --numbers=N        composed numbers for readNumber() (default 500; 50 with --quick)
 *   --skip-files       no Node-with-files and CLI run
 *   --files=N          photos for the CLI run (default 1,000; 50 with --quick)
 *   --update=files     run only the Node-with-files and CLI part, into results.json and BENCHMARKS.md
 *   --skip-camera      no live-camera run
 *   --camera-runs=N    fresh browsers per fake camera video (default 5; 2 with --quick)
 *   --update=camera    run only the live-camera and main-thread part, into results.json and BENCHMARKS.md
 *   --skip-real-numbers  no cheque, form and page numbers (section 10)
 *   --update=numbers   run only the composed numbers read by readNumber() in Node (section 6's
 *                      accuracy; --numbers=N), into results.json and BENCHMARKS.md
 *   --update=fonts     run only the handwriting-font kind (fonts from Debian's packages), into
 *                      results.json and BENCHMARKS.md
 *   --update=kinds     run only the browser kinds named by --only (e.g. --only=number-on-desk), 500 images
 *                      each, into results.json and BENCHMARKS.md; speed and first visits are not rerun
 *   --update=speed     run only the warm timings and first visits in Chromium (sections 3 and 4) and
 *                      the warm readNumber() (section 6), into results.json and BENCHMARKS.md; the
 *                      comparison with plain tfjs is not rerun
 *   --update=real-numbers  run only the cheque, form and page numbers (section 10), both splits, into
 *                      results.json and BENCHMARKS.md; --real-count=N per kind (default 200), --as-baseline
 *                      also keeps the run as the baseline the section compares with
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  launch,
  readNumberTiming,
  runBrowser,
  runComparison,
  type BrowserOptions,
  type BrowserResults,
} from './browser.js';
import { ensureNaiveModel } from './naive-model.js';
import { readNumberAccuracy, sixDigitNumber } from './read-number.js';
import { nodeAccuracy, ROOT } from './node-accuracy.js';
import { nodeFiles } from './node-files.js';
import { cameraBench, mainThreadBench } from './camera.js';
import { realNumbers } from './real-numbers.js';
import { CHART_PATH, renderComparisonChart } from './report-comparison.js';
import { renderReport } from './report.js';
import { startServer, type StaticServer } from './server.js';
import { browserIndices } from './stats.js';
import type { BenchResults, Machine, ShippedTraining } from './types.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const skipNode = args.includes('--skip-node');
const skipBrowser = args.includes('--skip-browser');
const skipCompare = args.includes('--skip-compare');
const skipNumbers = args.includes('--skip-numbers');
const skipFiles = args.includes('--skip-files');
const updateFiles = args.includes('--update=files');
const skipCamera = args.includes('--skip-camera');
const updateCamera = args.includes('--update=camera');
const updateRealNumbers = args.includes('--update=real-numbers');
const updateNumbers = args.includes('--update=numbers');
const updateFonts = args.includes('--update=fonts');
const updateKinds = args.includes('--update=kinds');
const updateSpeed = args.includes('--update=speed');

/** Pages reading browser kinds at once: one per core, at most 4. */
const PAGES = Math.max(1, Math.min(4, cpus().length));

const numberArg = (name: string): number | undefined => {
  const value = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? undefined : Number(value);
};

const SETTINGS = {
  ...(quick
    ? { nodeCount: 200, perKind: 20, fontEvery: 9, speedScale: 0.2, coldRuns: 2, compareMnist: 200 }
    : { nodeCount: 10_000, perKind: 500, fontEvery: 1, speedScale: 1, coldRuns: 15, compareMnist: 2000 }),
  comparePerKind: numberArg('compare-per-kind') ?? (quick ? 10 : 100),
  numbers: numberArg('numbers') ?? (quick ? 50 : 500),
  files: numberArg('files') ?? (quick ? 50 : 1000),
  cameraRuns: numberArg('camera-runs') ?? (quick ? 2 : 5),
  naiveSeconds: numberArg('naive-seconds') ?? 240,
  ...(numberArg('node-count') ? { nodeCount: numberArg('node-count')! } : {}),
  ...(numberArg('per-kind') ? { perKind: numberArg('per-kind')! } : {}),
  ...(numberArg('compare-mnist') ? { compareMnist: numberArg('compare-mnist')! } : {}),
};

function shippedTraining(): ShippedTraining | null {
  try {
    const m = JSON.parse(readFileSync(join(ROOT, 'models/mnist-cnn/metrics.json'), 'utf8')) as ShippedTraining;
    return {
      parameters: m.parameters,
      epochs: m.epochs,
      trainingSeconds: m.trainingSeconds,
      samplesPerSecond: m.samplesPerSecond,
    };
  } catch {
    return null;
  }
}

const log = (line: string): void => console.log(line);
const RESULTS = join(ROOT, 'scripts/bench/results.json');
const REPORT = join(ROOT, 'BENCHMARKS.md');

function chromiumVersion(fromBrowser: string): string {
  const version = /[\d.]{6,}/.exec(fromBrowser)?.[0];
  if (version) return version;
  try {
    return /[\d.]{6,}/.exec(execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }))?.[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function machine(chromium: string): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let os = `Linux ${release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) os = `${pretty}, kernel ${release()}`;
  } catch {
    // Not every system has /etc/os-release.
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const weights = readFileSync(join(ROOT, 'models/recognizer/weights.bin'));
  return {
    cpu: model,
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    os,
    node: process.version,
    chromium: chromiumVersion(chromium),
    command:
      process.env.npm_lifecycle_event === 'bench'
        ? 'npm run bench'
        : `tsx scripts/bench/run.ts ${args.join(' ')}`.trim(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    packageVersion: pkg.version,
    modelSha256: createHash('sha256').update(weights).digest('hex'),
    quick,
    concurrentLoad: `${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min), ${(freemem() / 1024 ** 3).toFixed(1)} GB free`,
  };
}

function writeChart(results: BenchResults): void {
  const chart = renderComparisonChart(results);
  if (chart) writeFileSync(join(ROOT, CHART_PATH), chart);
}

async function main(): Promise<void> {
  const started = performance.now();
  const concurrentLoad = machine('').concurrentLoad;
  const results: BenchResults = {
    machine: machine(''),
    node: null,
    kinds: [],
    numberKinds: [],
    missingFonts: [],
    speed: null,
    coldStart: null,
    comparison: null,
    shippedTraining: shippedTraining(),
    readNumber: null,
    readNumberSpeed: null,
    elapsedSeconds: 0,
  };

  if (!skipNode) {
    log(`Node: ${SETTINGS.nodeCount} MNIST test digits through classify()…`);
    results.node = await nodeAccuracy({ count: SETTINGS.nodeCount, browserSubset: SETTINGS.perKind, log });
    log(
      `  ${(results.node.classify.accuracy * 100).toFixed(2)}% (${results.node.imagesPerSecond.toFixed(0)} images/s)`,
    );
  }

  if (!skipNumbers) {
    log(`Node: readNumber() on ${SETTINGS.numbers} composed numbers…`);
    results.readNumber = await readNumberAccuracy({ count: SETTINGS.numbers, log });
    log(`  ${(results.readNumber.numbers.accuracy * 100).toFixed(1)}% read exactly`);
  }

  // Trained once, then reused from .cache/naive-model/ (delete it to train again).
  const naiveTraining =
    !skipBrowser && !skipCompare ? await ensureNaiveModel({ seconds: SETTINGS.naiveSeconds, log }) : null;

  if (!skipBrowser) {
    const server = await startServer(ROOT);
    try {
      const browser = await runBrowser({
        server,
        indices: browserIndices(SETTINGS.perKind),
        fontEvery: SETTINGS.fontEvery,
        speedScale: SETTINGS.speedScale,
        coldRuns: SETTINGS.coldRuns,
        concurrency: PAGES,
        only,
        log,
      });
      results.machine = { ...machine(browser.chromium), concurrentLoad };
      results.kinds = browser.kinds;
      results.numberKinds = browser.numberKinds;
      results.missingFonts = browser.missingFonts;
      results.speed = browser.speed;
      results.coldStart = browser.coldStart;
      if (!skipCompare) {
        const compared = await runComparison({
          server,
          mnistIndices: Array.from({ length: SETTINGS.compareMnist }, (_, i) =>
            Math.floor((i * 10000) / SETTINGS.compareMnist),
          ),
          kindIndices: browserIndices(SETTINGS.comparePerKind),
          speedScale: SETTINGS.speedScale,
          coldRuns: SETTINGS.coldRuns,
          only,
          number: sixDigitNumber(),
          log,
        });
        results.comparison = { ...compared.comparison, training: naiveTraining };
        results.readNumberSpeed = compared.readNumberSpeed;
      }
    } finally {
      await server.close();
    }
  } else {
    results.machine = { ...results.machine, concurrentLoad };
  }

  if (!skipFiles) {
    log(`Node: the CLI over ${SETTINGS.files} photos, and classify(path) of a 12 MP JPEG…`);
    results.nodeFiles = await nodeFiles({ count: SETTINGS.files, runs: quick ? 3 : 9, log });
  }

  if (!args.includes('--skip-real-numbers')) {
    const count = numberArg('real-count') ?? (quick ? 20 : 200);
    log(`Node: readNumber() on ${count} cheque amounts, boxed forms and numbers on a page…`);
    const test = await realNumbers({ split: 'test', count, log });
    const validation = await realNumbers({ split: 'validation', count: Math.ceil(count / 2), log });
    let baseline = null;
    try {
      baseline = (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults).realNumbers?.baseline ?? null;
    } catch {
      // No committed results yet: no baseline to compare with.
    }
    results.realNumbers = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), test, validation, baseline };
  }

  if (!skipCamera) {
    results.camera = await runCamera();
    results.mainThread = await runMainThread();
  }

  results.elapsedSeconds = (performance.now() - started) / 1000;
  const report = renderReport(results);
  // Formatted as the repository's Prettier config wants, so `npm run lint` stays clean.
  const jsonPath = quick ? join(tmpdir(), 'digit-recognizer-bench.quick.json') : RESULTS;
  const json = await format(JSON.stringify(results), { ...(await resolveConfig(jsonPath)), filepath: jsonPath });
  if (quick) {
    writeFileSync(jsonPath, json);
    const chart = renderComparisonChart(results);
    if (chart) writeFileSync(join(tmpdir(), 'digit-recognizer-bench.quick.svg'), chart);
    console.log('\n' + report + `\nRaw results: ${jsonPath}`);
  } else {
    writeFileSync(jsonPath, json);
    writeFileSync(REPORT, report);
    writeChart(results);
    log(`Wrote BENCHMARKS.md and scripts/bench/results.json in ${(results.elapsedSeconds / 60).toFixed(1)} min.`);
  }
}

/**
 * A partial rerun: the committed results, changed by `measure` (which replaces only its own
 * parts), written back to results.json, BENCHMARKS.md and its chart, and `wrote` said.
 */
async function rerun(wrote: string, measure: (results: BenchResults) => Promise<void>): Promise<void> {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
  await measure(results);
  const json = await format(JSON.stringify(results), { ...(await resolveConfig(RESULTS)), filepath: RESULTS });
  writeFileSync(RESULTS, json);
  writeFileSync(REPORT, renderReport(results));
  writeChart(results);
  log(wrote);
}

/** `work` with the repository served by a static server of its own, closed after. */
async function withServer<T>(work: (server: StaticServer) => Promise<T>): Promise<T> {
  const server = await startServer(ROOT);
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

/** The browser part on a server of its own, with the run's log. */
const inBrowser = (options: Omit<BrowserOptions, 'server' | 'log'>): Promise<BrowserResults> =>
  withServer((server) => runBrowser({ ...options, server, log }));

/** Now, to the second, as results.json stamps reruns. */
const stamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** `--update=files`: only the Node-with-files and CLI part. */
const updateFilesOnly = (): Promise<void> =>
  rerun('Wrote section 8 into BENCHMARKS.md and scripts/bench/results.json.', async (results) => {
    log(`Node: the CLI over ${SETTINGS.files} photos, and classify(path) of a 12 MP JPEG…`);
    results.nodeFiles = await nodeFiles({ count: SETTINGS.files, runs: 9, log });
  });

/** The live camera with Chromium's fake camera (section 9). */
function runCamera(): Promise<BenchResults['camera']> {
  log(`Chromium: the live camera on fake camera videos, ${SETTINGS.cameraRuns} runs each…`);
  return withServer((server) => cameraBench({ server, runs: SETTINGS.cameraRuns, seconds: 3, log }));
}

/** The main thread while the element reads twenty 12 MP photos (section 9). */
function runMainThread(): Promise<BenchResults['mainThread']> {
  log('Chromium: the element reads twenty 12 MP photos at once; long tasks…');
  return withServer((server) => mainThreadBench({ server, log }));
}

/** `--update=camera`: only the live-camera part. */
const updateCameraOnly = (): Promise<void> =>
  rerun('Wrote section 9 into BENCHMARKS.md and scripts/bench/results.json.', async (results) => {
    results.camera = await runCamera();
    results.mainThread = await runMainThread();
  });

/**
 * `--update=fonts`: only the handwriting-font kind (the cold and warm timings the browser run
 * takes first are cut short and not kept).
 */
const updateFontsOnly = (): Promise<void> =>
  rerun('Wrote the fonts kind into BENCHMARKS.md and scripts/bench/results.json.', async (results) => {
    const browser = await inBrowser({
      indices: [],
      fontEvery: 1,
      speedScale: 0.05,
      coldRuns: 1,
      concurrency: 1,
      only: ['fonts'],
    });
    const fonts = browser.kinds.find((k) => k.kind === 'fonts');
    if (fonts) results.kinds = results.kinds.map((k) => (k.kind === 'fonts' ? fonts : k));
    results.missingFonts = browser.missingFonts;
  });

/**
 * `--update=kinds`: only the browser kinds `--only` names (digit kinds and number kinds alike);
 * the timings the browser run takes first are cut short and not kept.
 */
async function updateKindsOnly(): Promise<void> {
  if (!only || only.length === 0) throw new Error('--update=kinds needs --only=KIND[,KIND…]');
  await rerun(
    `Wrote the kinds ${only.join(', ')} into BENCHMARKS.md and scripts/bench/results.json.`,
    async (results) => {
      const browser = await inBrowser({
        indices: browserIndices(SETTINGS.perKind),
        fontEvery: SETTINGS.fontEvery,
        speedScale: 0.05,
        coldRuns: 1,
        concurrency: PAGES,
        only,
      });
      const replace = <T extends { kind: string }>(old: T[], fresh: T[]): T[] =>
        old.map((k) => fresh.find((f) => f.kind === k.kind) ?? k);
      const rerunAt = stamp();
      results.kinds = replace(
        results.kinds,
        browser.kinds.map((k) => ({ ...k, rerun: rerunAt })),
      );
      results.numberKinds = replace(
        results.numberKinds ?? [],
        browser.numberKinds.map((k) => ({ ...k, rerun: rerunAt })),
      );
    },
  );
}

/** `--update=speed`: only the warm timings and first visits, and the warm `readNumber()`. */
const updateSpeedOnly = (): Promise<void> =>
  rerun(
    'Wrote sections 3, 4 and 6 (its timing) into BENCHMARKS.md and scripts/bench/results.json.',
    async (results) => {
      const browser = await inBrowser({
        indices: [],
        fontEvery: SETTINGS.fontEvery,
        speedScale: SETTINGS.speedScale,
        coldRuns: SETTINGS.coldRuns,
        concurrency: 1,
        // No kind has this name: the run stops after the timings.
        only: ['(timings only)'],
      });
      results.speed = browser.speed;
      results.coldStart = browser.coldStart;
      log('readNumber(): warm timing on a 6-digit number…');
      results.readNumberSpeed = await withServer(async (server) => {
        const chromium = await launch();
        try {
          return await readNumberTiming(chromium, server, sixDigitNumber(), SETTINGS.speedScale);
        } finally {
          await chromium.close();
        }
      });
      results.speedRerun = stamp();
    },
  );

/** `--update=real-numbers`: only section 10, both splits. */
const updateRealNumbersOnly = (): Promise<void> =>
  rerun('Wrote section 10 into BENCHMARKS.md and scripts/bench/results.json.', async (results) => {
    const count = numberArg('real-count') ?? 200;
    log(`Node: readNumber() on ${count} cheque amounts, boxed forms and numbers on a page (reported split)…`);
    const test = await realNumbers({ split: 'test', count, log });
    log(`Node: the same on ${Math.ceil(count / 2)} of each from the validation split…`);
    const validation = await realNumbers({ split: 'validation', count: Math.ceil(count / 2), log });
    const date = stamp();
    const baseline = args.includes('--as-baseline')
      ? { date, test, validation }
      : (results.realNumbers?.baseline ?? null);
    results.realNumbers = { date, test, validation, baseline };
  });

/** `--update=numbers`: only the composed numbers' accuracy (section 6). */
const updateNumbersOnly = (): Promise<void> =>
  rerun('Wrote section 6 (accuracy) into BENCHMARKS.md and scripts/bench/results.json.', async (results) => {
    log(`Node: readNumber() on ${SETTINGS.numbers} composed numbers…`);
    results.readNumber = await readNumberAccuracy({ count: SETTINGS.numbers, log });
    log(`  ${(results.readNumber.numbers.accuracy * 100).toFixed(1)}% read exactly`);
    results.numbersRerun = stamp();
  });

const run = args.includes('--report')
  ? async (): Promise<void> => {
      const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
      writeFileSync(REPORT, renderReport(results));
      writeChart(results);
      log('Wrote BENCHMARKS.md from scripts/bench/results.json.');
    }
  : updateFiles
    ? updateFilesOnly
    : updateCamera
      ? updateCameraOnly
      : updateRealNumbers
        ? updateRealNumbersOnly
        : updateNumbers
          ? updateNumbersOnly
          : updateFonts
            ? updateFontsOnly
            : updateKinds
              ? updateKindsOnly
              : updateSpeed
                ? updateSpeedOnly
                : main;

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
