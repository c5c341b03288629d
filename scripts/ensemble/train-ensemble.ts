/**
 * `npm run train:ensemble`: the candidate model from its trained members:
 * assembled into one model, its temperature fitted on validation, then every figure of its card
 * measured on the files written, through the package's own classifier.
 *
 *   npm run train:ensemble -- [--members a,b,c] [--verdict name] [--out DIR] [--quick]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadClassifier } from '../../src/node.js';
import type { Classifier } from '../../src/classify/types.js';
import { defaultMnistDir } from '../negatives/digit-source.js';
import { formatDuration } from '../train/progress.js';
import { fitTemperature } from '../verdict/calibrate.js';
import { loadVerdictData } from '../verdict/data.js';
import { concat, digitsOf, negativesOf, paperDigitsOf, type Labelled } from '../verdict/measure.js';
import { coarsen, readMember, writeEnsemble } from './assemble.js';
import { writeEnsembleCard, type EnsembleMetrics, type SetFigures } from './card.js';
import {
  calibrationError,
  digitFigures,
  elevenOf,
  exitFigures,
  negativeFigures,
  predictionsOf,
  type ExitFigures,
} from './measure.js';

/** The shipped model's members: two digit nets and the one that also says "not a digit". */
const SHIPPED_MEMBERS = 'mnist-cnn,members/digits-7,members/verdict-42';
/**
 * The verdict member's own digit probability from which it reads alone. Chosen on validation
 * (`--validation-only --scout none --exit-at 0.9`, then `0.99`, `0.995`; 11,931 digits, 2,301
 * non-digits): at 0.9, 97.5% of the digits stop at the first member but 4 digits and 17 verdicts
 * differ from every member reading; at 0.99, 92.2% stop and none differ; 0.995 leaves a margin
 * (89.3% stop, none differ). On non-digits (flagged either way) a few `digit`s differ: 3 at 0.99,
 * 2 at 0.995.
 */
const EXIT_AT = 0.995;
/** The shipped scout: the verdict member's recipe on a quarter of the filters (9,395 parameters). */
const SHIPPED_SCOUT = 'members/verdict-small-42';
/**
 * The scout's own probability of a digit (of its 11) from which it reads alone. Chosen on
 * validation (`--validation-only --scout-exit 0.99`, then `0.999`): at 0.99, 1 verdict of 11,931
 * digits and none of 2,301 non-digits differ from every member reading, at 0.999 none and 1. At
 * 0.999 the scout answers alone too rarely to pay for itself (timed with a throwaway script in
 * Node: warm MNIST digits slower than with no scout; at 0.99, faster).
 */
const SCOUT_EXIT = 0.99;

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: SHIPPED_MEMBERS },
    verdict: { type: 'string', default: 'verdict-42' },
    from: { type: 'string' },
    levels: { type: 'string', default: '64' },
    'exit-at': { type: 'string', default: String(EXIT_AT) },
    scout: { type: 'string', default: SHIPPED_SCOUT },
    'scout-exit': { type: 'string', default: String(SCOUT_EXIT) },
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'validation-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run train:ensemble -- [options]
  --members A,B,C   member folders under --from (default ${SHIPPED_MEMBERS})
  --verdict NAME    the member with the "not a digit" output (default verdict-42)
  --from DIR        the folder the member paths start from (default models/)
  --levels N[,N…]   steps of each uint8 kernel kept (default 64; 256 keeps them as exported);
                    one number for every member, or one per member in --members order
  --exit-at P       the verdict member reads alone where its own digit probability is ≥ P
                    (default ${EXIT_AT}; "none": every member reads every image)
  --scout DIR       a small member with a "not a digit" output (folder under --from) read before all
                    (default ${SHIPPED_SCOUT}; "none": no scout)
  --scout-exit P    where the scout's own probability of a digit (of its 11) is ≥ P, it reads alone
                    (default ${SCOUT_EXIT})
  --out DIR         where the model goes (default models/recognizer; --quick: .cache/quick-ensemble)
  --validation-only measure on validation only (while choosing members; the test sets stay unread)
  --quick           fewer images (tests)`);
  process.exit(0);
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const quick = args.quick;
const out = resolve(args.out ?? join(root, quick ? '.cache/quick-ensemble' : 'models/recognizer'));
const memberNames = args.members.split(',').filter(Boolean);
const membersDir = resolve(args.from ?? join(root, 'models'));

/** `--levels`: one count of steps for every member, or one per member. */
function levelsPerMember(option: string, count: number): number[] {
  const list = option.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 2 || n > 256) || (list.length !== 1 && list.length !== count)) {
    throw new Error(`--levels takes one whole number from 2 to 256, or one per member (${count}); got ${option}`);
  }
  return list.length === 1 ? new Array<number>(count).fill(list[0]!) : list;
}

async function classifierFor(dir: string): Promise<Classifier> {
  return loadClassifier({ modelUrl: pathToFileURL(join(dir, 'model.json')) });
}

async function main(): Promise<void> {
  const started = Date.now();
  const scoutName = args.scout === 'none' ? null : args.scout;
  const levels = levelsPerMember(args.levels, memberNames.length + (scoutName ? 1 : 0));
  const exitAt = args['exit-at'] === 'none' ? null : Number(args['exit-at']);
  if (exitAt !== null && !(exitAt > 0 && exitAt <= 1)) throw new Error(`--exit-at takes a probability or "none"`);
  const members = [...memberNames, ...(scoutName ? [scoutName] : [])].map((name, i) =>
    coarsen(readMember(resolve(membersDir, name)), levels[i]!),
  );
  const scoutExit = Number(args['scout-exit']);
  if (scoutName && !(scoutExit > 0 && scoutExit <= 1)) throw new Error('--scout-exit takes a probability');
  const scout = scoutName ? { member: members.at(-1)!.name, exitAt: scoutExit, dir: scoutName } : null;
  const data = loadVerdictData({
    dataDir: defaultMnistDir(),
    cacheDir: join(root, '.cache/negatives'),
    seed: 42,
    validation: quick ? 200 : 5000,
    quick,
    perCategory: quick ? { train: 24, validation: 8, test: 8 } : { train: 2000, validation: 300, test: 500 },
    log: (line) => console.log(line),
  });
  const { train, validationIds, test, negatives, paper, photo } = data;
  const parts = (split: 'validation' | 'test'): Labelled[] =>
    split === 'validation'
      ? [
          digitsOf(train, validationIds),
          paperDigitsOf(paper.validation, train),
          paperDigitsOf(photo.validation, train),
          negativesOf(negatives.validation),
        ]
      : [digitsOf(test), paperDigitsOf(paper.test, test), paperDigitsOf(photo.test, test), negativesOf(negatives.test)];
  const joined = (list: Labelled[]): Labelled => list.reduce((a, b) => concat(a, b));

  // Temperature 1 first: the combined probabilities as they are, to fit the temperature on.
  const raw = mkdtempSync(join(tmpdir(), 'ensemble-'));
  writeEnsemble(raw, members, { verdict: args.verdict, temperature: 1, exitAt, scout });
  const uncalibrated = await classifierFor(raw);
  const validation = joined(parts('validation'));
  const before = (await predictionsOf(uncalibrated, validation)).map(elevenOf);
  const logs = Float32Array.from(before.flatMap((row) => row.map((p) => Math.log(Math.max(1e-12, p)))));
  const temperature = fitTemperature(logs, validation.labels, 11);
  console.log(`Temperature fitted on validation: ${temperature.toFixed(3)}`);

  mkdirSync(out, { recursive: true });
  const weightBytes = writeEnsemble(out, members, { verdict: args.verdict, temperature, exitAt, scout });
  const shipped = await classifierFor(out);
  // The same model without the early exit, to count what the exit changes.
  const full = mkdtempSync(join(tmpdir(), 'ensemble-'));
  writeEnsemble(full, scout ? members.slice(0, -1) : members, {
    verdict: args.verdict,
    temperature,
    exitAt: null,
    scout: null,
  });
  const everyMember = await classifierFor(full);
  const measure = async (split: 'validation' | 'test'): Promise<SetFigures> => {
    const [digits, onPaper, photoLike, nonDigits] = parts(split);
    const all = joined([digits!, onPaper!, photoLike!, nonDigits!]);
    const predictions = await predictionsOf(shipped, all);
    const rawRows = (await predictionsOf(uncalibrated, all)).map(elevenOf);
    const unexited = await predictionsOf(everyMember, all);
    const a = digits!.count;
    const b = a + onPaper!.count;
    const c = b + photoLike!.count;
    return {
      digits: digitFigures(predictions.slice(0, a), digits!.labels),
      paperDigits: digitFigures(predictions.slice(a, b), onPaper!.labels),
      photoDigits: digitFigures(predictions.slice(b, c), photoLike!.labels),
      negatives: negativeFigures(
        predictions.slice(c),
        split === 'validation' ? negatives.validation.categories : negatives.test.categories,
      ),
      calibration: {
        before: calibrationError(rawRows, all.labels),
        after: calibrationError(predictions.map(elevenOf), all.labels),
      },
      exits: {
        digits: exitFigures(predictions.slice(0, c), unexited.slice(0, c)),
        nonDigits: exitFigures(predictions.slice(c), unexited.slice(c)),
      },
    };
  };
  const validationFigures = await measure('validation');
  // The test sets are read once, here, for the card; nothing above looked at them.
  const testFigures = args['validation-only'] ? null : await measure('test');
  uncalibrated.dispose();
  everyMember.dispose();
  rmSync(raw, { recursive: true, force: true });
  rmSync(full, { recursive: true, force: true });

  const metrics: EnsembleMetrics = {
    members: memberNames,
    scout,
    verdict: args.verdict,
    temperature,
    exitAt,
    levels,
    weightBytes,
    gzipBytes: gzipSync(readFileSync(join(out, 'weights.bin')), { level: 9 }).length,
    quick,
    validation: validationFigures,
    test: testFigures,
    seconds: (Date.now() - started) / 1000,
  };
  shipped.dispose();
  writeFileSync(join(out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeEnsembleCard(out, metrics, membersDir);
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const exitLine = (e: ExitFigures): string =>
    `${pct(e.alone / e.count)} read by fewer than every member (${e.digitsChanged} digits and ${e.verdictsChanged} verdicts changed)`;
  const perCategory = (f: SetFigures): string =>
    Object.entries(f.negatives.perCategory)
      .map(([c, { rate }]) => `${c} ${(rate * 100).toFixed(1)}%`)
      .join(', ');
  const v = validationFigures;
  const t = testFigures;
  console.log(
    `Wrote ${out}: ${(weightBytes / 1024).toFixed(1)} KB, T = ${temperature.toFixed(3)}, ${formatDuration(metrics.seconds)}\n` +
      `  validation: digits ${pct(v.digits.accuracy)} (${pct(v.digits.rightFlaggedRate)} of right ones flagged), ` +
      `through the pipeline ${pct(v.paperDigits.accuracy)} (${pct(v.paperDigits.rightFlaggedRate)}), ` +
      `photo-like ${pct(v.photoDigits.accuracy)} (${pct(v.photoDigits.rightFlaggedRate)}), ` +
      `non-digits per category ${perCategory(v)}, ` +
      `non-digits flagged ${pct(v.negatives.rate)}, ECE ${pct(v.calibration.before)} → ${pct(v.calibration.after)}, ` +
      `early exit: ${exitLine(v.exits.digits)} of digits, ${exitLine(v.exits.nonDigits)} of non-digits` +
      (t
        ? `\n  TEST: MNIST ${pct(t.digits.accuracy)} (${pct(t.digits.rightFlaggedRate)} of right ones flagged), ` +
          `through the pipeline ${pct(t.paperDigits.accuracy)} (${pct(t.paperDigits.rightFlaggedRate)}), ` +
          `photo-like ${pct(t.photoDigits.accuracy)} (${pct(t.photoDigits.rightFlaggedRate)}), ` +
          `non-digits per category ${perCategory(t)}, ` +
          `non-digits flagged ${pct(t.negatives.rate)}, ECE ${pct(t.calibration.before)} → ${pct(t.calibration.after)}`
        : '; test sets not read'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
