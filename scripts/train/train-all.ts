/**
 * `npm run train`: every shipped model from scratch. First the verdict member's data (negatives,
 * digits through the pipeline) is drawn and cached, its two parts at once; then the members of
 * the digit model and the segment checker `readNumber()` uses train as separate processes, two
 * at a time (one a core), longest first; then `npm run train:ensemble` puts the members together as the shipped
 * model, models/recognizer. The digit model, models/mnist-cnn, is its first member.
 * `--resume` passes on to every step, so an interrupted run picks up each member where it stopped
 * (a finished member only exports again).
 *
 *   npm run train -- [--resume] [--jobs N] [--skip-segments]
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDuration } from './progress.js';

const { values: args } = parseArgs({
  options: {
    resume: { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    'skip-segments': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run train -- [options]
  --resume         continue every step from its checkpoint
  --jobs N         members trained at once (default 2: one a core)
  --skip-segments  do not train the segment checker again

Logs: .cache/train-logs/<step>.log. Each step alone: npm run train:digits, train:verdict,
train:ensemble, train:segments (see their --help).`);
  process.exit(0);
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const jobs = Math.max(1, Number(args.jobs) || 1);
const resume = args.resume ? ['--resume'] : [];

interface Step {
  name: string;
  script: string;
  args: string[];
}

/**
 * The members, longest first (the verdict member takes about twice a digit member's time), and
 * the segment checker after the digit members, on the other core.
 */
const MEMBERS: Step[] = [
  { name: 'verdict-42', script: 'scripts/verdict/train-verdict.ts', args: ['--seed', '42', '--epochs', '12'] },
  { name: 'mnist-cnn', script: 'scripts/train/train.ts', args: ['--seed', '42', '--epochs', '12'] },
  {
    name: 'digits-7',
    script: 'scripts/train/train.ts',
    args: ['--seed', '7', '--split-seed', '42', '--epochs', '12'],
  },
  // The scout: the verdict member's recipe on a quarter of the filters (about 30 minutes).
  {
    name: 'verdict-small-42',
    script: 'scripts/verdict/train-verdict.ts',
    args: [
      '--seed',
      '42',
      '--epochs',
      '12',
      '--filters',
      '8,8,16,16,32',
      '--out',
      'models/members/verdict-small-42',
      '--checkpoint',
      '.cache/verdict-small-42',
    ],
  },
];
const SEGMENTS: Step = {
  name: 'segment-checker',
  script: 'scripts/train/train-segments.ts',
  args: ['--lines', '5000', '--epochs', '4', '--seed', '7'],
};

const logDir = join(root, '.cache/train-logs');

function run(step: Step): Promise<number> {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${step.name}.log`), { flags: args.resume ? 'a' : 'w' });
  const started = Date.now();
  console.log(`${step.name}: started (log: .cache/train-logs/${step.name}.log)`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, step.script), ...step.args, ...resume], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', fail);
    child.on('exit', (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (code === 0) {
        console.log(`${step.name}: done in ${formatDuration(seconds)}`);
        done(seconds);
      } else fail(new Error(`${step.name} failed (exit ${code}); see .cache/train-logs/${step.name}.log`));
    });
  });
}

/** Runs `steps`, at most `width` at once. */
async function pool(steps: Step[], width: number): Promise<void> {
  const queue = [...steps];
  await Promise.all(
    Array.from({ length: Math.min(width, queue.length) }, async () => {
      for (let step = queue.shift(); step; step = queue.shift()) await run(step);
    }),
  );
}

/** The verdict member's data in two parts, made at once: otherwise it holds up that member's ~25 minutes. */
const DATA: Step[] = (['negatives', 'digits'] as const).map((part) => ({
  name: `data-${part}`,
  script: 'scripts/verdict/train-verdict.ts',
  args: ['--seed', '42', '--prepare', part],
}));

async function main(): Promise<void> {
  const started = Date.now();
  await pool(DATA, jobs);
  console.log(`Data ready after ${formatDuration((Date.now() - started) / 1000)}`);
  await pool(args['skip-segments'] ? MEMBERS : [...MEMBERS, SEGMENTS], jobs);
  // Its defaults are the shipped model's members and steps.
  await run({ name: 'ensemble', script: 'scripts/ensemble/train-ensemble.ts', args: [] });
  console.log(`Every model trained in ${formatDuration((Date.now() - started) / 1000)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
