/**
 * The `digit-recognizer` command (dist/cli.js, package.json "bin"), run as a user would on a
 * folder of scans: one line per file in text, JSON Lines or CSV, the same answers on one or two
 * worker threads, damaged files reported and skipped, and the documented exit codes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { Progress } from '../../src/cli/progress.js';
import { ROOT } from '../examples/helpers.js';
import { threeNumbers } from '../fixtures/number-sheet.js';
import { mnistTest } from './helpers.js';

const CLI = join(ROOT, 'dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Run> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('the digit-recognizer command', { skip: !existsSync(CLI) && 'no dist/: run npm run build' }, () => {
  let scans: string;

  before(() => {
    // A folder as a form team has it: digits, a photo, a number, a damaged file, a note, a subfolder.
    scans = mkdtempSync(join(tmpdir(), 'digit-recognizer-cli-'));
    mkdirSync(join(scans, 'b-more'));
    cpSync(join(ROOT, 'examples/node/seven.png'), join(scans, 'a-seven.png'));
    cpSync(join(ROOT, 'stories/assets/three.png'), join(scans, 'b-more/three.png'));
    cpSync(join(ROOT, 'test/fixtures/scenes/digit-dark-wood.jpg'), join(scans, 'c-photo, on a desk.jpg'));
    writeFileSync(join(scans, 'd-damaged.png'), readFileSync(join(ROOT, 'examples/node/seven.png')).subarray(0, 200));
    writeFileSync(join(scans, 'notes.txt'), 'not an image: folders are searched for images only');
  });

  after(() => rmSync(scans, { recursive: true, force: true }));

  it('reads every image in a folder, reports the damaged one, and exits with 1', async () => {
    const { code, stdout, stderr } = await cli(scans);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 4, stdout);
    assert.match(lines[0]!, /a-seven\.png: 7 \(\d+\.\d%\)$/);
    assert.match(lines[1]!, /b-more\/three\.png: 3 /);
    assert.match(lines[2]!, /c-photo, on a desk\.jpg: 0 /);
    assert.match(lines[3]!, /d-damaged\.png: DECODE_FAILED .*could not be decoded/);
    // Piped, stderr has no progress bar: only the summary.
    assert.match(stderr, /^Read 3 of 4 files in \d+\.\d s \(\d+\.\d images\/s\); 1 could not be read\.\n$/);
  });

  it('prints JSON Lines, the same on one worker as on two', async () => {
    const one = await cli('--json', '--jobs', '1', scans);
    const two = await cli('--json', '--jobs', '2', scans);
    assert.equal(one.stdout, two.stdout, 'same lines, same order');
    const rows = one.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      rows.map((row) => row['digit'] ?? (row['error'] as { code: string }).code),
      [7, 3, 0, 'DECODE_FAILED'],
    );
    assert.deepEqual(Object.keys(rows[0]!), ['file', 'digit', 'confidence', 'uncertain']);
    assert.equal(rows[0]!['file'], join(scans, 'a-seven.png'));
    assert.equal(typeof rows[0]!['confidence'], 'number');
  });

  it('reads numbers into CSV, quoting what needs it, and exits with 0 when all were read', async () => {
    const number = join(scans, 'c-photo, on a desk.jpg');
    cpSync(join(ROOT, 'test/fixtures/scenes/number-grey-laminate.jpg'), number);
    try {
      const { code, stdout } = await cli('--number', '--csv', number);
      assert.equal(code, 0);
      const [head, row] = stdout.trim().split('\n');
      assert.equal(head, 'file,text,confidence,uncertain,error');
      assert.match(row!, /^".*c-photo, on a desk\.jpg",86903,0\.\d+,false,$/);
    } finally {
      cpSync(join(ROOT, 'test/fixtures/scenes/digit-dark-wood.jpg'), number);
    }
  });

  it('reads every line of a sheet of numbers with --lines, one row per line, numbered from 1', async () => {
    const { images, labels } = mnistTest();
    const sheet = threeNumbers(images, labels);
    const file = join(scans, 'sheet.png');
    const gray = Buffer.from(Uint8Array.from(sheet.data, (v) => Math.round(v * 255)));
    await sharp(gray, { raw: { width: sheet.width, height: sheet.height, channels: 1 } })
      .png()
      .toFile(file);
    try {
      const { code, stdout } = await cli('--lines', '--csv', file);
      assert.equal(code, 0);
      const [head, ...rows] = stdout.trim().split('\n');
      assert.equal(head, 'file,line,text,confidence,uncertain,error');
      assert.deepEqual(
        rows.map((row) => row.split(',').slice(1, 3).join(',')),
        sheet.texts.map((text, i) => `${i + 1},${text}`),
      );
      const text = await cli('--lines', file, join(scans, 'd-damaged.png'));
      assert.equal(text.code, 1);
      assert.match(text.stdout, /sheet\.png:2: \d{6} \(/);
      assert.match(text.stdout, /d-damaged\.png: DECODE_FAILED/);
    } finally {
      rmSync(file);
    }
  });

  it('reports a missing file like a damaged one and goes on', async () => {
    const { code, stdout } = await cli('--json', join(scans, 'missing.png'), join(scans, 'a-seven.png'));
    assert.equal(code, 1);
    const [missing, seven] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(missing!['error'], {
      code: 'DECODE_FAILED',
      message: `Could not read ${join(scans, 'missing.png')}: there is no such file.`,
    });
    assert.equal(seven!['digit'], 7);
  });

  it('exits with 2 on bad usage, and explains itself with --help', async () => {
    for (const args of [[], ['--json', '--csv', scans], ['--jobs', 'many', scans], ['--frobnicate', scans]]) {
      const { code, stderr, stdout } = await cli(...args);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^digit-recognizer: .+\nRun digit-recognizer --help for usage\.\n$/);
    }
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: digit-recognizer \[options\] FILES_OR_FOLDERS…/);
    assert.match(help.stdout, /--jobs N/);
    assert.match(help.stdout, /Examples:\n {2}digit-recognizer photo\.jpg/);
  });
});

describe('the progress bar', () => {
  it('shows count, rate and time left on a terminal, and nothing when piped', () => {
    const written: string[] = [];
    const terminal = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const bar = new Progress(4, terminal, true);
    bar.tick(true);
    bar.tick(false);
    bar.clear();
    bar.draw();
    const last = written.at(-1)!;
    assert.ok(last.startsWith('\r\u001b[K'), 'redraws in place');
    assert.match(last.slice(4), /^[█░]{24} 2\/4 · \d+\.\d images\/s · \d+:\d\d left · 1 failed$/);
    const piped: string[] = [];
    const quiet = new Progress(
      4,
      { write: (text: string) => piped.push(text) } as unknown as NodeJS.WriteStream,
      false,
    );
    quiet.tick(true);
    quiet.draw();
    assert.deepEqual(piped, []);
    assert.match(quiet.summary(), /^Read 1 of 4 files in /);
  });
});
