/** The CLI's command line: options, usage text, and bad usage reported as such (exit code 2). */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

export interface CliOptions {
  paths: string[];
  number: boolean;
  /** Every line of digits in each image (implies `number`). */
  lines: boolean;
  format: 'text' | 'json' | 'csv';
  jobs: number;
  progress: boolean;
}

/** Bad usage: the CLI prints the message and the usage line, and exits with 2. */
export class UsageError extends Error {}

export const HELP = `Usage: digit-recognizer [options] FILES_OR_FOLDERS…

Reads the handwritten digit (or, with --number, the number) in each image, offline, and prints
one line per file. Folders are read recursively for .png .jpg .jpeg .webp .avif .tif .tiff .gif
files. Images never leave this machine.

Options:
  --number        read a whole number (e.g. "02139") instead of one digit
  --lines         read every line of digits in each image (a sheet of numbers), top to bottom:
                  one output line per line of digits, numbered from 1 (implies --number)
  --json          print JSON Lines: {"file","digit"|"text","confidence","uncertain"} or
                  {"file","error":{"code","message"}}
  --csv           print CSV with a header: file,digit|text,confidence,uncertain,error
                  (with --lines: file,line,text,confidence,uncertain,error)
  --jobs N        read N files at once, one worker thread each (default: all ${availableParallelism()} cores)
  --no-progress   no progress bar (there is none anyway when stderr is not a terminal)
  -h, --help      show this help
  -v, --version   show the version

Exit code: 0 when every file was read, 1 when some could not be (each is reported and skipped),
2 on bad usage.

Examples:
  digit-recognizer photo.jpg
  digit-recognizer --json scans/ > digits.jsonl
  digit-recognizer --number --csv cheques/*.png > amounts.csv
  digit-recognizer --lines --json meter-sheets/ > readings.jsonl
  npx digit-recognizer --jobs 2 ~/Pictures/forms`;

/** Parses `argv` (without node and the script); throws {@link UsageError} on bad usage. */
export function parseCommandLine(argv: string[]): CliOptions | 'help' | 'version' {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        number: { type: 'boolean' },
        lines: { type: 'boolean' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        jobs: { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['help']) return 'help';
  if (values['version']) return 'version';
  if (values['json'] && values['csv']) throw new UsageError('Choose one of --json and --csv.');
  if (positionals.length === 0) throw new UsageError('Name at least one image file or folder.');
  const cores = availableParallelism();
  let jobs = cores;
  if (values['jobs'] !== undefined) {
    jobs = Number(values['jobs']);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
      throw new UsageError(`--jobs takes a whole number from 1 to 64; got ${String(values['jobs'])}.`);
    }
  }
  return {
    paths: positionals,
    number: Boolean(values['number'] || values['lines']),
    lines: Boolean(values['lines']),
    format: values['json'] ? 'json' : values['csv'] ? 'csv' : 'text',
    jobs,
    progress: !values['no-progress'],
  };
}
