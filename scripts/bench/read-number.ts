/**
 * Issue 7: `readNumber()` on numbers of 2 to 6 digits composed from MNIST *test* digits
 * (test/fixtures/compose-number.ts), in Node through the built dist/node.js. The main set has
 * `touching: 0.15`, an underline on every 7th number and specks on every 3rd; the same numbers
 * are composed again with no touching pair and with every pair touching.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { composeNumber, type ComposedNumber } from '../../test/fixtures/compose-number.js';
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { MNIST_DIR, ROOT } from './node-accuracy.js';
import { levenshtein } from './stats.js';
import type { AccuracyFigure, ReadNumberAccuracy, SegmentCheckerFacts } from './types.js';

type NodeEntry = typeof import('../../src/node.js');

interface Spec {
  seed: number;
  indices: number[];
  underline: boolean;
  specks: number;
}

/** `count` numbers, lengths 2–6 in turn, digits taken from the test set in a seeded order. */
export function numberSpecs(count: number): Spec[] {
  const specs: Spec[] = [];
  let state = 20260607;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  for (let n = 0; n < count; n++) {
    const length = 2 + (n % 5);
    specs.push({
      seed: 1000 + n,
      indices: Array.from({ length }, () => next() % 10000),
      underline: n % 7 === 6,
      specks: n % 3 === 2 ? 3 + (n % 4) : 0,
    });
  }
  return specs;
}

export function compose(set: DigitSet, spec: Spec, touching: number): ComposedNumber {
  return composeNumber(set.images, set.labels, spec.indices, {
    seed: spec.seed,
    touching,
    underline: spec.underline,
    specks: spec.specks,
  });
}

/** A 6-digit number for the browser timing, as luminance bytes. */
export function sixDigitNumber(): { bytes: number[]; width: number; height: number; text: string } {
  const set = readMnistSplit(MNIST_DIR, 't10k');
  const spec = numberSpecs(5)[4]!;
  const made = compose(set, spec, 0.15);
  return {
    bytes: Array.from(made.data, (v) => Math.round(v * 255)),
    width: made.width,
    height: made.height,
    text: made.text,
  };
}

const figure = (correct: number, count: number): AccuracyFigure => ({
  count,
  correct,
  accuracy: count > 0 ? correct / count : 0,
  uncertain: 0,
  errors: 0,
});

function segmentChecker(): SegmentCheckerFacts | null {
  try {
    const dir = join(ROOT, 'models/segment-checker');
    const m = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as SegmentCheckerFacts;
    return {
      parameters: m.parameters,
      weightBytes: m.weightBytes,
      gzipBytes: gzipSync(readFileSync(join(dir, 'weights.bin'))).length,
      validationAccuracy: m.validationAccuracy,
      validationPieces: m.validationPieces,
      command: m.command,
    };
  } catch {
    return null;
  }
}

export async function readNumberAccuracy(options: {
  count: number;
  log?: (line: string) => void;
}): Promise<ReadNumberAccuracy> {
  const log = options.log ?? (() => undefined);
  const api = (await import(pathToFileURL(join(ROOT, 'dist/node.js')).href)) as NodeEntry;
  await api.getDefaultClassifier();
  const set = readMnistSplit(MNIST_DIR, 't10k');
  const specs = numberSpecs(options.count);
  const started = performance.now();
  const read = async (made: ComposedNumber): Promise<string> => {
    try {
      return (await api.readNumber({ data: made.data, width: made.width, height: made.height })).text;
    } catch {
      return '';
    }
  };
  let exact = 0;
  let digits = 0;
  let digitsRight = 0;
  let none = 0;
  let all = 0;
  const byLength: Record<string, { correct: number; count: number }> = {};
  const misreads: ReadNumberAccuracy['misreads'] = [];
  const split = { touching: { correct: 0, count: 0 }, apart: { correct: 0, count: 0 } };
  for (const [n, spec] of specs.entries()) {
    const made = compose(set, spec, 0.15);
    const text = await read(made);
    const ok = text === made.text;
    exact += ok ? 1 : 0;
    digits += made.text.length;
    digitsRight += Math.max(0, made.text.length - levenshtein(made.text, text));
    const bucket = (byLength[`${made.text.length} digits`] ??= { correct: 0, count: 0 });
    bucket.count++;
    bucket.correct += ok ? 1 : 0;
    // The generator draws the same random numbers whatever `touching` is, so the number is only
    // wider without touching when some pair of it touched.
    const apart = compose(set, spec, 0);
    const touching = apart.width !== made.width;
    const side = touching ? split.touching : split.apart;
    side.count++;
    side.correct += ok ? 1 : 0;
    if (!ok && misreads.length < 12)
      misreads.push({ text: made.text, read: text, touching, underline: spec.underline, specks: spec.specks });
    none += (await read(apart)) === made.text ? 1 : 0;
    all += (await read(compose(set, spec, 1))) === made.text ? 1 : 0;
    if ((n + 1) % 100 === 0) log(`  readNumber: ${n + 1}/${specs.length} numbers`);
  }
  return {
    numbers: figure(exact, specs.length),
    byLength: Object.fromEntries(Object.entries(byLength).map(([k, v]) => [k, figure(v.correct, v.count)])),
    withTouchingPair: figure(split.touching.correct, split.touching.count),
    withoutTouchingPair: figure(split.apart.correct, split.apart.count),
    noneTouching: figure(none, specs.length),
    allTouching: figure(all, specs.length),
    digits: figure(digitsRight, digits),
    misreads,
    settings:
      `${specs.length} numbers, lengths 2–6 in turn (${specs.length / 5} each), digits from the MNIST test set ` +
      '(seeded), `touching: 0.15`, underline on every 7th, 3–6 specks on every 3rd',
    entry: 'dist/node.js',
    elapsedMs: performance.now() - started,
    checker: segmentChecker(),
  };
}
