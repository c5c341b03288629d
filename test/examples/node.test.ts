/**
 * examples/node/classify-png.mjs: run as a user would, on the PNG next to it (an MNIST test 7,
 * dark ink on paper, made by scripts/make-example-fixtures.ts). Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers.js';

const SCRIPT = join(ROOT, 'examples/node/classify-png.mjs');
const run = (...args: string[]) => promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: ROOT });

describe('examples/node', { skip: !existsSync(join(ROOT, 'dist/node.js')) && 'no dist/: run npm run build' }, () => {
  it('prints the digit in a PNG', async () => {
    const { stdout } = await run(join(ROOT, 'examples/node/seven.png'));
    assert.match(stdout, /^seven\.png: 7 \(\d+\.\d%\)\n$/);
  });

  it('reads several files, and says which one is not a PNG', async () => {
    const files = ['stories/assets/three.png', 'stories/assets/scan.png'].map((file) => join(ROOT, file));
    const failure = await run(...files).then(
      () => null,
      (error: { code?: number; stdout?: string }) => error,
    );
    assert.equal(failure?.code, 1, 'exits with 1 when a file could not be read');
    const lines = (failure?.stdout ?? '').trim().split('\n');
    assert.match(lines[0] ?? '', /^three\.png: 3 /);
    assert.match(lines[1] ?? '', /^scan\.png: not a PNG/);
  });

  it('explains its usage without arguments', async () => {
    const failure = await run().then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    assert.equal(failure?.code, 2);
    assert.match(failure?.stderr ?? '', /usage: node classify-png\.mjs/);
  });
});
