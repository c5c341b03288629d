/**
 * examples/node/classify-files.mjs: run as a user would, on the PNG next to it (an MNIST test 7,
 * dark ink on paper, made by scripts/make-example-fixtures.ts) and on photos. Needs
 * `npm run build`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { installTarball } from '../bundlers/install-tarball.js';
import { ROOT } from './helpers.js';

const SCRIPT = join(ROOT, 'examples/node/classify-files.mjs');
const run = (...args: string[]) => promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: ROOT });

describe('examples/node', { skip: !existsSync(join(ROOT, 'dist/node.js')) && 'no dist/: run npm run build' }, () => {
  it('prints the digit in a PNG', async () => {
    const { stdout } = await run(join(ROOT, 'examples/node/seven.png'));
    assert.match(stdout, /^seven\.png: 7 \(\d+\.\d%\)\n$/);
  });

  it('reads PNG and JPEG files, and says which one is not an image', async () => {
    const files = ['stories/assets/three.png', 'stories/assets/scan.png', 'test/fixtures/scenes/digit-dark-wood.jpg'];
    const failure = await run(...files.map((file) => join(ROOT, file))).then(
      () => null,
      (error: { code?: number; stdout?: string }) => error,
    );
    assert.equal(failure?.code, 1, 'exits with 1 when a file could not be read');
    const lines = (failure?.stdout ?? '').trim().split('\n');
    assert.match(lines[0] ?? '', /^three\.png: 3 /);
    assert.match(lines[1] ?? '', /^scan\.png: DECODE_FAILED The file .*scan\.png could not be decoded as an image/);
    assert.match(lines[2] ?? '', /^digit-dark-wood\.jpg: 0 /);
  });

  it('type-checks in a Node project without the DOM lib ("lib": ["es2022"])', async () => {
    const app = join(ROOT, '.cache/node-types');
    rmSync(app, { recursive: true, force: true });
    cpSync(join(ROOT, 'test/examples/node-types'), app, { recursive: true });
    await installTarball(app);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', app], { cwd: app }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`tsc failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      },
    );
    assert.equal(result.stdout.trim(), '');
  });

  it('explains its usage without arguments', async () => {
    const failure = await run().then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    assert.equal(failure?.code, 2);
    assert.match(failure?.stderr ?? '', /usage: node classify-files\.mjs/);
  });
});
