/**
 * Issue 13: `readNumber()` on real-looking numbers made from MNIST digits
 * (test/fixtures/real-numbers/): cheque amounts on security patterns, boxed forms, numbers on a
 * photographed page. In Node through the built dist/node.js (or src/ with `--src`, for tuning);
 * every other image goes in as a JPEG file's bytes, the rest as RGBA pixels.
 *
 * The reported split is seeded apart from the validation split, which takes its digits from
 * MNIST's *training* set: tune on validation, report test.
 *
 *   npx tsx scripts/bench/real-numbers.ts --split=validation --count=100 --sheet=/tmp/misreads.png [--src]
 *   npx tsx scripts/bench/real-numbers.ts --split=validation --kind=cheque-amount --verbose --src
 *
 * The bench runs it with `npx tsx scripts/bench/run.ts --update=real-numbers`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import {
  composeReal,
  REAL_KINDS,
  toRgba,
  type RealKind,
  type RealNumber,
} from '../../test/fixtures/real-numbers/index.js';
import { readMnistSplit, type DigitSet } from '../train/idx.js';
import { MNIST_DIR, ROOT } from './node-accuracy.js';
import { levenshtein } from './stats.js';
import { contactSheet } from './real-numbers-sheet.js';
import type { RealKindResult, RealNumbersRun } from './types-real-numbers.js';

type NodeEntry = typeof import('../../src/node.js');

/** Seeds of the two splits: far apart, so no image is in both. */
const SPLITS = {
  test: { seedBase: 1_300_000, mnist: 't10k' },
  validation: { seedBase: 2_300_000, mnist: 'train' },
} as const;
export type RealSplit = keyof typeof SPLITS;

/** The `n`th fixture of `kind` in `split`, and whether it goes in as a JPEG. */
export function realFixture(kind: RealKind, split: RealSplit, n: number, set: DigitSet): RealNumber {
  const offset = REAL_KINDS.indexOf(kind) * 100_000;
  return composeReal(kind, set, SPLITS[split].seedBase + offset + n);
}

async function asInput(
  made: RealNumber,
  jpeg: boolean,
  quality: number,
): Promise<Parameters<NodeEntry['readNumber']>[0]> {
  const { width, height } = made.canvas;
  const data = toRgba(made.canvas);
  if (!jpeg) return { data, width, height };
  return new Uint8Array(
    await sharp(Buffer.from(data.buffer), { raw: { width, height, channels: 4 } })
      .jpeg({ quality })
      .toBuffer(),
  );
}

interface Outcome {
  n: number;
  truth: string;
  read: string;
  uncertain: boolean;
  rejected: boolean;
  ms: number;
  groups: string[];
  made: RealNumber;
}

/** Runs `count` numbers of each kind through `readNumber()`. */
export async function realNumbers(options: {
  split: RealSplit;
  count: number;
  kinds?: readonly RealKind[];
  /** Import src/node.ts instead of dist/node.js (tuning without a build). */
  fromSource?: boolean;
  sheet?: string;
  verbose?: boolean;
  log?: (line: string) => void;
}): Promise<RealNumbersRun> {
  const log = options.log ?? (() => undefined);
  const entry = options.fromSource ? 'src/node.ts' : 'dist/node.js';
  const api = (await import(pathToFileURL(join(ROOT, entry)).href)) as NodeEntry;
  await api.getDefaultClassifier();
  const set = readMnistSplit(MNIST_DIR, SPLITS[options.split].mnist);
  const started = performance.now();
  const kinds: RealKindResult[] = [];
  const misread: Array<{ kind: RealKind; outcome: Outcome }> = [];
  for (const kind of options.kinds ?? REAL_KINDS) {
    const outcomes: Outcome[] = [];
    for (let n = 0; n < options.count; n++) {
      const made = realFixture(kind, options.split, n, set);
      const jpeg = n % 2 === 1;
      const input = await asInput(made, jpeg, 55 + ((n * 7) % 36));
      const groups = [...made.groups, jpeg ? 'file: JPEG' : 'file: pixels'];
      const t0 = performance.now();
      let read = '';
      let uncertain = false;
      let rejected = false;
      try {
        const reading = await api.readNumber(input);
        read = reading.text;
        uncertain = reading.uncertain;
      } catch (error) {
        if (!(error instanceof api.DigitRecognizerError)) throw error;
        rejected = true;
      }
      const outcome = { n, truth: made.text, read, uncertain, rejected, ms: performance.now() - t0, groups, made };
      outcomes.push(outcome);
      if (read !== made.text) misread.push({ kind, outcome });
      if (options.verbose && read !== made.text)
        log(
          `  ${kind} #${n}: ${made.text} → ${rejected ? '(rejected)' : read}${uncertain ? ' (uncertain)' : ''} [${groups.join(', ')}]`,
        );
    }
    kinds.push(summarise(kind, outcomes));
    const k = kinds[kinds.length - 1]!;
    log(
      `  ${kind}: ${pct(k.exact / k.count)} exact, ${pct(k.digitsRight / k.digits)} digits in place, ` +
        `${k.wrongFlagged}/${k.wrong} wrong ones uncertain or rejected, ${k.rightUncertain}/${k.exact} right ones ` +
        `uncertain, ${k.meanMs.toFixed(0)} ms each`,
    );
  }
  if (options.sheet && misread.length > 0) {
    await contactSheet(
      options.sheet,
      misread.slice(0, 48).map(({ kind, outcome }) => ({
        made: outcome.made,
        label: `${kind} #${outcome.n}: ${outcome.truth} → ${outcome.rejected ? 'rejected' : outcome.read || '∅'}${outcome.uncertain ? ' ?' : ''}`,
      })),
    );
    log(`  contact sheet of ${Math.min(48, misread.length)} misreads: ${options.sheet}`);
  }
  return {
    split: options.split,
    mnist: SPLITS[options.split].mnist,
    seedBase: SPLITS[options.split].seedBase,
    count: options.count,
    entry,
    kinds,
    elapsedSeconds: (performance.now() - started) / 1000,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function summarise(kind: RealKind, outcomes: Outcome[]): RealKindResult {
  const groups: RealKindResult['groups'] = {};
  let exact = 0;
  let digits = 0;
  let digitsRight = 0;
  let wrong = 0;
  let wrongFlagged = 0;
  let wrongUncertain = 0;
  let rejected = 0;
  let rightUncertain = 0;
  for (const o of outcomes) {
    const ok = o.read === o.truth;
    exact += ok ? 1 : 0;
    digits += o.truth.length;
    digitsRight += Math.max(0, o.truth.length - levenshtein(o.truth, o.read));
    if (!ok) {
      wrong++;
      if (o.uncertain) wrongUncertain++;
      if (o.rejected) rejected++;
      if (o.uncertain || o.rejected) wrongFlagged++;
    } else if (o.uncertain) rightUncertain++;
    for (const g of o.groups) {
      const bucket = (groups[g] ??= { count: 0, correct: 0 });
      bucket.count++;
      bucket.correct += ok ? 1 : 0;
    }
  }
  return {
    kind,
    count: outcomes.length,
    exact,
    digits,
    digitsRight,
    wrong,
    wrongUncertain,
    wrongFlagged,
    rejected,
    rightUncertain,
    meanMs: outcomes.reduce((s, o) => s + o.ms, 0) / Math.max(1, outcomes.length),
    groups,
    misreads: outcomes
      .filter((o) => o.read !== o.truth)
      .slice(0, 12)
      .map((o) => ({ text: o.truth, read: o.rejected ? '(rejected)' : o.read, uncertain: o.uncertain })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const split = (option('split') ?? 'validation') as RealSplit;
  if (!(split in SPLITS)) throw new Error(`--split is test or validation, not ${split}`);
  const kind = option('kind');
  for (const k of kind?.split(',') ?? [])
    if (!REAL_KINDS.includes(k as RealKind)) throw new Error(`--kind is one of ${REAL_KINDS.join(', ')}, not ${k}`);
  realNumbers({
    split,
    count: Number(option('count') ?? 100),
    ...(kind ? { kinds: kind.split(',') as RealKind[] } : {}),
    fromSource: args.includes('--src'),
    ...(option('sheet') ? { sheet: option('sheet')! } : {}),
    verbose: args.includes('--verbose'),
    log: (line) => console.log(line),
  }).then(
    (run) => {
      if (args.includes('--groups')) {
        for (const k of run.kinds)
          for (const [g, b] of Object.entries(k.groups).sort())
            console.log(
              `  ${k.kind} ${g.padEnd(40)} ${pct(b.correct / b.count).padStart(6)} (${b.correct}/${b.count})`,
            );
      }
      console.log(`(${run.elapsedSeconds.toFixed(0)} s)`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
