/**
 * The headless Chromium part: cold first visits of a page using the CDN bundle (time to first
 * answer, and what it downloads), warm timings, and accuracy per photo-like kind and per font.
 * The page code lives in scripts/bench/page/ (classic scripts); it is driven with string
 * expressions so no compiled helper ever has to exist in the page.
 */
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { StaticServer } from './server.js';
import {
  accuracyOf,
  confusionMatrix,
  confusionsOf,
  diagnosisOf,
  groupAccuracy,
  median,
  numberKindResult,
  timingStats,
  type Outcome,
} from './stats.js';
import type {
  AccuracyFigure,
  ColdStart,
  Comparison,
  Download,
  KindResult,
  NumberKindResult,
  NumberOutcome,
  ReadNumberSpeed,
  SpeedResult,
} from './types.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const BENCH_PAGE = '/scripts/bench/page/index.html';
const FIRST_ANSWER_PAGE = '/scripts/bench/page/first-answer.html';

/** The families the Debian handwriting font packages install, by package. */
export const HANDWRITING_FONTS: Record<string, string> = {
  'fonts-dkg-handwriting': 'DkgHandwriting',
  'fonts-breip': 'Breip',
  'fonts-femkeklaver': 'femkeklaver',
  'fonts-humor-sans': 'Humor Sans',
  'fonts-comic-neue': 'Comic Neue',
  'fonts-dancingscript': 'Dancing Script',
  'fonts-kaushanscript': 'Kaushan Script',
  'fonts-klee': 'Klee One',
  'fonts-kristi': 'Kristi',
};

export interface BrowserOptions {
  server: StaticServer;
  /** MNIST test indices each kind is made from. */
  indices: number[];
  /** Use every n-th case of the font grid (1 = all). */
  fontEvery: number;
  /** Multiplies the number of timed runs. */
  speedScale: number;
  coldRuns: number;
  /** Pages classifying kinds at the same time (accuracy only; timings run alone). */
  concurrency: number;
  /** Kinds to run (all when undefined). */
  only?: string[];
  log: (line: string) => void;
}

export interface BrowserResults {
  chromium: string;
  kinds: KindResult[];
  numberKinds: NumberKindResult[];
  missingFonts: string[];
  speed: SpeedResult;
  coldStart: ColdStart;
}

/** Calls `window.Bench[fn](...args)` on the page and returns its (awaited) result. */
async function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  const list = args.map((a) => JSON.stringify(a)).join(', ');
  return (await page.evaluate(`window.Bench.${fn}(${list})`)) as T;
}

export async function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, protocolTimeout: 3_600_000 });
}

function installedFamilies(): Set<string> {
  try {
    const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    return new Set(out.split('\n').flatMap((line) => line.split(',').map((name) => name.trim())));
  } catch {
    return new Set();
  }
}

function kindOf(path: string): Download['kind'] {
  if (path.endsWith('.html')) return 'html';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('model.json')) return 'model json';
  if (path.endsWith('.bin')) return 'weights';
  return 'other';
}

interface ResourceEntry {
  name: string;
  encodedBodySize: number;
  decodedBodySize: number;
  responseEnd: number;
}

interface FirstVisit {
  answer: { at: number; scriptRan: number; digit?: number; error?: string };
  resources: ResourceEntry[];
  /** HTTP status of every response the network saw, by URL. */
  responses: Record<string, number>;
}

const COLLECT = `({
  answer: window.__firstAnswer,
  resources: performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => ({
    name: e.name, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize, responseEnd: e.responseEnd,
  })),
})`;

async function firstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const responses: Record<string, number> = {};
    page.on('response', (response) => {
      responses[response.url()] = response.status();
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('window.__firstAnswer !== undefined', { timeout: 60_000 });
    const collected = (await page.evaluate(COLLECT)) as Omit<FirstVisit, 'responses'>;
    return { ...collected, responses };
  } finally {
    await context.close();
  }
}

async function coldStart(
  browser: Browser,
  server: StaticServer,
  runs: number,
  log: (line: string) => void,
  pagePath = FIRST_ANSWER_PAGE,
): Promise<ColdStart> {
  const url = server.origin + pagePath;
  // A throwaway visit in its own context: starts the browser's network service and the
  // server's compression cache, so no run pays for one-off process start-up.
  await firstVisit(browser, url);
  const visits: FirstVisit[] = [];
  for (let i = 0; i < runs; i++) {
    const visit = await firstVisit(browser, url);
    if (visit.answer.error) throw new Error(`The first-answer page failed: ${visit.answer.error}`);
    visits.push(visit);
    log(`  cold start ${i + 1}/${runs}: first answer at ${visit.answer.at.toFixed(0)} ms`);
  }
  const times = visits.map((v) => v.answer.at);
  const mid = median(times);
  const typical = visits.reduce((best, v) => (Math.abs(v.answer.at - mid) < Math.abs(best.answer.at - mid) ? v : best));
  const before = typical.resources.filter((r) => r.responseEnd <= typical.answer.at);
  const seen = new Set(before.map((r) => r.name));
  for (const name of Object.keys(typical.responses)) {
    // Anything the network saw that resource timing did not (none expected) still counts.
    if (!seen.has(name) && !name.startsWith('data:'))
      before.push({ name, encodedBodySize: NaN, decodedBodySize: NaN, responseEnd: NaN });
  }
  const downloads: Download[] = before.map((r) => {
    const path = new URL(r.name).pathname;
    const status = typical.responses[r.name] ?? 0;
    const sizes = (status === 200 && server.sizesOf(path)) || { bytes: r.decodedBodySize, gzip: 0, brotli: 0 };
    return {
      url: path,
      kind: kindOf(path),
      status,
      ...sizes,
      encodedBodySize: r.encodedBodySize,
      responseEnd: r.responseEnd,
    };
  });
  const byKind: ColdStart['byKind'] = {};
  // Only files that arrived count; a failed request (a 404) is reported, not weighed.
  const library = downloads.filter((d) => d.kind !== 'html' && d.status === 200);
  for (const d of library) {
    const entry = (byKind[d.kind] ??= { bytes: 0, gzip: 0, brotli: 0, encodedBodySize: 0 });
    entry.bytes += d.bytes;
    entry.gzip += d.gzip;
    entry.brotli += d.brotli;
    entry.encodedBodySize += d.encodedBodySize;
  }
  const phases: Record<string, number> = {};
  for (const d of downloads) phases[`${d.url.split('/').pop() ?? d.url} received`] = d.responseEnd;
  phases['inline script after the bundle starts'] = typical.answer.scriptRan;
  phases['first answer'] = typical.answer.at;
  return {
    runs: times,
    median: mid,
    phases: Object.fromEntries(Object.entries(phases).sort(([, a], [, b]) => a - b)),
    answerCorrect: typical.answer.digit === 7,
    ...(typical.answer.digit === undefined ? {} : { answerDigit: typical.answer.digit }),
    downloads,
    byKind,
    totalGzip: library.reduce((s, d) => s + d.gzip, 0),
    totalBytes: library.reduce((s, d) => s + d.bytes, 0),
    cdnBundleGzip: server.sizesOf('/dist/digit-recognizer.min.js')?.gzip ?? NaN,
  };
}

interface RawSpeed {
  backend: string;
  timerResolution: number;
  photoDigit: number;
  photoLabel: number;
  canvas28: number[];
  canvas28LoopMean: number;
  photo: number[];
  photoLoopMean: number;
  batch100: number[];
  canvas28Preprocess: number[];
  photoPreprocess: number[];
  deskDigit: number;
  deskLabel: number;
  desk: number[];
  desk12mp: number[];
}

function kindResult(kind: string, description: string, outcomes: Outcome[], elapsedMs: number): KindResult {
  const wrong = outcomes.filter((o) => o.predicted !== o.label);
  return {
    kind,
    description,
    ...accuracyOf(outcomes),
    groups: groupAccuracy(outcomes),
    confusions: confusionsOf(confusionMatrix(outcomes)).slice(0, 10),
    diagnosis: diagnosisOf(outcomes),
    failures: wrong
      .slice(0, 12)
      .map(({ index, label, predicted, confidence, group, polarity, boxShare, cropOnDigit }) => ({
        index,
        label,
        predicted,
        confidence,
        group,
        polarity,
        boxShare,
        cropOnDigit,
      })),
    elapsedMs,
    errorMessages: [...new Set(wrong.flatMap((o) => (o.error ? [o.error] : [])))].slice(0, 5),
  };
}

export async function openBenchPage(
  browser: Browser,
  server: StaticServer,
  ownWindow = false,
  path = BENCH_PAGE,
): Promise<Page> {
  // A page in a context of its own gets a window of its own, so it is never a background tab.
  const page = ownWindow ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn')
      console.error(`page ${message.type()}: ${message.text()}`);
  });
  await page.goto(server.origin + path, { waitUntil: 'load' });
  await page.waitForFunction(
    path === BENCH_PAGE
      ? 'window.DigitRecognizer !== undefined && window.Bench !== undefined'
      : 'window.tf !== undefined && window.Bench !== undefined && window.Bench.compareKind !== undefined',
  );
  return page;
}

export async function runBrowser(options: BrowserOptions): Promise<BrowserResults> {
  const { server, log } = options;
  const browser = await launch();
  try {
    const chromium = await browser.version();
    log('Browser: cold first visits…');
    const cold = await coldStart(browser, server, options.coldRuns, log);

    const page = await openBenchPage(browser, server);
    log('Browser: warm timings…');
    const raw = await call<RawSpeed>(page, 'speed', options.speedScale);
    const batch100 = timingStats(raw.batch100);
    const speed: SpeedResult = {
      canvas28: timingStats(raw.canvas28),
      canvas28LoopMean: raw.canvas28LoopMean,
      photo1200x900: timingStats(raw.photo),
      photo1200x900LoopMean: raw.photoLoopMean,
      desk1200x900: timingStats(raw.desk),
      desk12mp: timingStats(raw.desk12mp),
      batch100,
      batchImagesPerSecond: 100 / (batch100.median / 1000),
      timerResolution: raw.timerResolution,
      backend: raw.backend,
      canvas28Preprocess: timingStats(raw.canvas28Preprocess),
      photo1200x900Preprocess: timingStats(raw.photoPreprocess),
    };
    if (raw.deskDigit !== raw.deskLabel)
      log(`  note: the timed desk photo reads as ${raw.deskDigit}, label ${raw.deskLabel}`);
    if (raw.photoDigit !== raw.photoLabel)
      log(`  note: the timed photo reads as ${raw.photoDigit}, label ${raw.photoLabel}`);

    // Accuracy is not timed, so the kinds share the cores: one page per core, each taking the
    // next kind in turn (the slowest first, to end together). Number kinds go through
    // readNumber() and are reported apart.
    const descriptions = await call<Record<string, string>>(page, 'describeKinds');
    const numberDescriptions = await call<Record<string, string>>(page, 'describeNumberKinds');
    const chosen = (kind: string): boolean => !options.only || options.only.includes(kind);
    const queue = [
      ...Object.keys(descriptions)
        .filter(chosen)
        .map((name) => ({ name, number: false })),
      ...Object.keys(numberDescriptions)
        .filter(chosen)
        .map((name) => ({ name, number: true })),
    ];
    const byKind = new Map<string, KindResult>();
    const byNumberKind = new Map<string, NumberKindResult>();
    const pages = [
      page,
      ...(await Promise.all(
        Array.from({ length: Math.max(0, options.concurrency - 1) }, () => openBenchPage(browser, server, true)),
      )),
    ];
    await Promise.all(
      pages.map(async (worker) => {
        for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
          const kind = job.name;
          const started = performance.now();
          if (job.number) {
            const read = await call<NumberOutcome[]>(worker, 'runNumberKind', kind, options.indices);
            const result = numberKindResult(kind, numberDescriptions[kind] ?? '', read, performance.now() - started);
            byNumberKind.set(kind, result);
            log(
              `  ${kind}: ${(result.accuracy * 100).toFixed(1)}% of ${result.count} read exactly (${(result.elapsedMs / 1000).toFixed(0)} s)`,
            );
            continue;
          }
          const outcomes = await call<Outcome[]>(worker, 'runKind', kind, options.indices);
          const result = kindResult(kind, descriptions[kind] ?? '', outcomes, performance.now() - started);
          byKind.set(kind, result);
          log(
            `  ${kind}: ${(result.accuracy * 100).toFixed(1)}% of ${result.count} (${(result.elapsedMs / 1000).toFixed(0)} s)`,
          );
        }
      }),
    );
    const kinds = Object.keys(descriptions).flatMap((kind) => byKind.get(kind) ?? []);
    const numberKinds = Object.keys(numberDescriptions).flatMap((kind) => byNumberKind.get(kind) ?? []);
    await Promise.all(pages.slice(1).map((p) => p.browserContext().close()));

    const installed = installedFamilies();
    const wanted = Object.values(HANDWRITING_FONTS);
    const inBrowser = await call<string[]>(page, 'availableFonts', wanted);
    const families = wanted.filter((f) => installed.has(f) && inBrowser.includes(f));
    const missingFonts = wanted.filter((f) => !families.includes(f));
    if (!options.only || options.only.includes('fonts')) {
      const started = performance.now();
      const outcomes = await call<Outcome[]>(page, 'runFonts', families, options.fontEvery);
      const description =
        `Handwriting-like fonts (${families.join(', ')}): black fillText of 0–9 on white, canvas input, at 28, 72 ` +
        'and 180 px, rotated −8°, 0° and 8°.';
      const result = kindResult('fonts', description, outcomes, performance.now() - started);
      kinds.push(result);
      log(`  fonts: ${(result.accuracy * 100).toFixed(1)}% of ${result.count}`);
    }
    await page.close();
    return { chromium, kinds, numberKinds, missingFonts, speed, coldStart: cold };
  } finally {
    await browser.close();
  }
}

const NAIVE_PAGE = '/scripts/bench/page/naive.html';
const NAIVE_FIRST_ANSWER_PAGE = '/scripts/bench/page/naive-first-answer.html';

export interface ComparisonOptions {
  server: StaticServer;
  /** MNIST test indices for the MNIST accuracy figure (drawn dark on a white 28×28 canvas). */
  mnistIndices: number[];
  /** MNIST test indices each photo-like kind is made from. */
  kindIndices: number[];
  speedScale: number;
  coldRuns: number;
  only?: string[];
  /** A composed 6-digit number (luminance bytes, 0 = black) to time `readNumber()` on. */
  number: { bytes: number[]; width: number; height: number; text: string };
  log: (line: string) => void;
}

function accuracyFromOutcomes(outcomes: Array<{ label: number; predicted: number }>): AccuracyFigure {
  return accuracyOf(outcomes.map((o, index) => ({ ...o, index, confidence: 0, uncertain: false, group: '' })));
}

/** Warm `readNumber()` of the CDN bundle on `number` drawn on a canvas (200 runs at scale 1). */
export async function readNumberTiming(
  browser: Browser,
  server: StaticServer,
  number: ComparisonOptions['number'],
  speedScale: number,
): Promise<ReadNumberSpeed> {
  const page = await openBenchPage(browser, server);
  try {
    const timed = await call<{ text: string; samples: number[] }>(
      page,
      'readNumberSpeed',
      number.bytes,
      number.width,
      number.height,
      Math.max(20, Math.round(200 * speedScale)),
    );
    return {
      width: number.width,
      height: number.height,
      text: number.text,
      read: timed.text,
      timing: timingStats(timed.samples),
    };
  } finally {
    await page.close();
  }
}

/**
 * Issue 6: our CDN bundle against the naive stack (full tfjs + the Keras-style CNN) on the same
 * images in the same browser; and issue 7: warm `readNumber()` on a 6-digit number.
 */
export async function runComparison(
  options: ComparisonOptions,
): Promise<{ comparison: Omit<Comparison, 'training'>; readNumberSpeed: ReadNumberSpeed }> {
  const { server, log } = options;
  const browser = await launch();
  try {
    log('Comparison: naive stack cold first visits…');
    const cold = await coldStart(browser, server, options.coldRuns, log, NAIVE_FIRST_ANSWER_PAGE);
    const naivePage = await openBenchPage(browser, server, false, NAIVE_PAGE);
    log('Comparison: naive stack warm timings (random weights)…');
    const raw = await call<{ backend: string; canvas28: number[]; photo: number[]; batch100: number[] }>(
      naivePage,
      'naiveSpeed',
      options.speedScale,
    );
    const batch100 = timingStats(raw.batch100);
    const kinds = (await call<Record<string, string>>(naivePage, 'describeKinds')) ?? {};
    const kindNames = Object.keys(kinds).filter(
      (k) => k !== 'mnist-canvas' && (!options.only || options.only.includes(k)),
    );
    const accuracy = async (page: Page, side: string): Promise<Comparison['ours']> => {
      const mnist = accuracyFromOutcomes(await call(page, 'compareMnist', options.mnistIndices));
      log(`  ${side}: MNIST on a white canvas ${(mnist.accuracy * 100).toFixed(1)}% of ${mnist.count}`);
      const byKind: Record<string, AccuracyFigure> = {};
      for (const kind of kindNames) {
        byKind[kind] = accuracyFromOutcomes(await call(page, 'compareKind', kind, options.kindIndices));
        log(`  ${side}: ${kind} ${(byKind[kind].accuracy * 100).toFixed(1)}%`);
      }
      return { mnist, kinds: byKind };
    };
    const backend = await call<string>(naivePage, 'readyToClassify');
    const modelOnly = accuracyFromOutcomes(await call(naivePage, 'naiveModelOnly', options.mnistIndices));
    log(`  naive: model alone on MNIST values ${(modelOnly.accuracy * 100).toFixed(1)}%`);
    const naiveAccuracy = await accuracy(naivePage, 'naive');
    await naivePage.close();

    const page = await openBenchPage(browser, server);
    const ours = await accuracy(page, 'ours');
    await page.close();
    log('readNumber(): warm timing on a 6-digit number…');
    const readNumberSpeed = await readNumberTiming(browser, server, options.number, options.speedScale);
    return {
      comparison: {
        mnistCount: options.mnistIndices.length,
        perKind: options.kindIndices.length,
        ours,
        naive: {
          ...naiveAccuracy,
          backend,
          speedBackend: raw.backend,
          modelOnly,
          coldStart: cold,
          canvas28: timingStats(raw.canvas28),
          photo1200x900: timingStats(raw.photo),
          batch100,
          batchImagesPerSecond: 100 / (batch100.median / 1000),
        },
      },
      readNumberSpeed,
    };
  } finally {
    await browser.close();
  }
}
