/**
 * `digit-recognizer`, the command line (package.json "bin"): reads the digit or number in every
 * image of the files and folders it is given, on all cores, and prints one line per file.
 * Run `digit-recognizer --help` for the options.
 */
import { HELP, parseCommandLine, UsageError, type CliOptions } from './cli/args.js';
import { collectFiles } from './cli/collect-files.js';
import { formatResult, header } from './cli/format.js';
import { readAll } from './cli/pool.js';
import { Progress } from './cli/progress.js';
import { VERSION } from './version.js';

async function run(options: CliOptions): Promise<number> {
  const files = await collectFiles(options.paths);
  if (files.length === 0) {
    process.stderr.write(`No images found in ${options.paths.join(', ')}.\n`);
    return 1;
  }
  const progress = new Progress(files.length, process.stderr, options.progress && process.stderr.isTTY === true);
  const head = header(options.format, options.number, options.lines);
  if (head) process.stdout.write(`${head}\n`);
  let failed = 0;
  const pool = readAll(files, {
    workerUrl: new URL('./cli-worker.js', import.meta.url),
    jobs: options.jobs,
    number: options.number,
    lines: options.lines,
    onResult: (result) => {
      if (result.error) failed++;
      progress.clear();
      const out = formatResult(result, options.format, options.lines);
      if (out) process.stdout.write(`${out}\n`);
      progress.tick(!result.error);
    },
  });
  process.once('SIGINT', () => {
    progress.clear();
    process.stderr.write(`Stopped. ${progress.summary()}\n`);
    void pool.stop().then(() => process.exit(130));
  });
  await pool.done;
  progress.clear();
  process.stderr.write(`${progress.summary()}\n`);
  return failed > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`digit-recognizer: ${error.message}\nRun digit-recognizer --help for usage.\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  return run(parsed);
}

// `digit-recognizer … | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `digit-recognizer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
