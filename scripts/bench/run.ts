/**
 * `npm run bench` (after the build): MNIST accuracy in Node, then cold starts, weight, warm
 * speed and photo-like accuracy in headless Chromium. Writes scripts/bench/results.json and
 * BENCHMARKS.md.
 *
 *   --quick            small samples; prints the report and writes its JSON to the temp folder
 *   --report           only re-render BENCHMARKS.md from scripts/bench/results.json
 *   --only=a,b         browser kinds to run (e.g. jpeg,fonts)
 *   --skip-node        no MNIST run in Node
 *   --skip-browser     no Chromium run
 *   --per-kind=N       images per browser kind (default 500; 20 with --quick)
 *   --node-count=N     MNIST digits in Node (default 10,000; 200 with --quick)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { runBrowser } from './browser.js';
import { nodeAccuracy, ROOT } from './node-accuracy.js';
import { renderReport } from './report.js';
import { startServer } from './server.js';
import { browserIndices } from './stats.js';
import type { BenchResults, Machine } from './types.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const skipNode = args.includes('--skip-node');
const skipBrowser = args.includes('--skip-browser');

const numberArg = (name: string): number | undefined => {
  const value = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? undefined : Number(value);
};

const SETTINGS = {
  ...(quick
    ? { nodeCount: 200, perKind: 20, fontEvery: 9, speedScale: 0.2, coldRuns: 2 }
    : { nodeCount: 10_000, perKind: 500, fontEvery: 1, speedScale: 1, coldRuns: 7 }),
  ...(numberArg('node-count') ? { nodeCount: numberArg('node-count')! } : {}),
  ...(numberArg('per-kind') ? { perKind: numberArg('per-kind')! } : {}),
};

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
  const weights = readFileSync(join(ROOT, 'models/mnist-cnn/weights.bin'));
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

async function main(): Promise<void> {
  const started = performance.now();
  const concurrentLoad = machine('').concurrentLoad;
  const results: BenchResults = {
    machine: machine(''),
    node: null,
    kinds: [],
    missingFonts: [],
    speed: null,
    coldStart: null,
    elapsedSeconds: 0,
  };

  if (!skipNode) {
    log(`Node: ${SETTINGS.nodeCount} MNIST test digits through classify()…`);
    results.node = await nodeAccuracy({ count: SETTINGS.nodeCount, browserSubset: SETTINGS.perKind, log });
    log(
      `  ${(results.node.classify.accuracy * 100).toFixed(2)}% (${results.node.imagesPerSecond.toFixed(0)} images/s)`,
    );
  }

  if (!skipBrowser) {
    const server = await startServer(ROOT);
    try {
      const browser = await runBrowser({
        server,
        indices: browserIndices(SETTINGS.perKind),
        fontEvery: SETTINGS.fontEvery,
        speedScale: SETTINGS.speedScale,
        coldRuns: SETTINGS.coldRuns,
        concurrency: Math.max(1, Math.min(4, cpus().length)),
        only,
        log,
      });
      results.machine = { ...machine(browser.chromium), concurrentLoad };
      results.kinds = browser.kinds;
      results.missingFonts = browser.missingFonts;
      results.speed = browser.speed;
      results.coldStart = browser.coldStart;
    } finally {
      await server.close();
    }
  } else {
    results.machine = { ...results.machine, concurrentLoad };
  }

  results.elapsedSeconds = (performance.now() - started) / 1000;
  const report = renderReport(results);
  // Formatted as the repository's Prettier config wants, so `npm run lint` stays clean.
  const jsonPath = quick ? join(tmpdir(), 'digit-recognizer-bench.quick.json') : RESULTS;
  const json = await format(JSON.stringify(results), { ...(await resolveConfig(jsonPath)), filepath: jsonPath });
  if (quick) {
    writeFileSync(jsonPath, json);
    console.log('\n' + report + `\nRaw results: ${jsonPath}`);
  } else {
    writeFileSync(jsonPath, json);
    writeFileSync(REPORT, report);
    log(`Wrote BENCHMARKS.md and scripts/bench/results.json in ${(results.elapsedSeconds / 60).toFixed(1)} min.`);
  }
}

const run = args.includes('--report')
  ? async (): Promise<void> => {
      writeFileSync(REPORT, renderReport(JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults));
      log('Wrote BENCHMARKS.md from scripts/bench/results.json.');
    }
  : main;

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
