/**
 * The README's install, bundler, Node and command-line snippets, run as written: the Node
 * snippet in a fresh project with the packed package installed, each `npx digit-recognizer` line
 * in a shell (its comment is the output it promises), and the bundler snippet is the first lines
 * of the app test/bundlers/ builds with Vite and webpack. The browser snippets (the element,
 * `classify()`, `preprocess()`, `readNumber()`, the CDN page) run in test/bundlers/bundlers.test.ts.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { exec } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { installTarball } from '../bundlers/install-tarball.js';
import { readmeSnippets } from '../bundlers/readme-snippets.js';
import { ROOT } from './helpers.js';

const APP = join(ROOT, '.cache/readme-app');

describe('README snippets', { skip: !existsSync(join(ROOT, 'dist/cli.js')) && 'no dist/: run npm run build' }, () => {
  before(async () => {
    rmSync(APP, { recursive: true, force: true });
    mkdirSync(join(APP, 'scans'), { recursive: true });
    writeFileSync(join(APP, 'package.json'), '{ "name": "readme-app", "private": true, "type": "module" }\n');
    cpSync(join(ROOT, 'examples/node/seven.png'), join(APP, 'scans/seven.png'));
    cpSync(join(ROOT, 'test/fixtures/scenes/number-grey-laminate.jpg'), join(APP, 'scans/cheque.jpg'));
    await installTarball(APP);
  });

  it('installs from the tarball npm pack makes', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [install] = readmeSnippets('## Install', 'sh');
    assert.match(install!, /npm pack/);
    assert.ok(install!.includes(`npm install /path/to/digit-recognizer-${version}.tgz`), install!);
  });

  it('"With a bundler": the imports the Vite and webpack apps are built from', () => {
    const [imports] = readmeSnippets('### With a bundler', 'js');
    const app = readFileSync(join(ROOT, 'test/bundlers/app/src/index.js'), 'utf8');
    for (const line of imports!.trim().split('\n')) {
      const names = /import \{ (.+) \} from/.exec(line)?.[1]?.split(', ') ?? [];
      for (const name of names)
        assert.match(app, new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from 'digit-recognizer'`));
      if (!names.length) assert.ok(app.includes(line), `the bundler app lacks: ${line}`);
    }
  });

  it('"Node and the command line": the Node snippet prints the digit and the number', async () => {
    const [code] = readmeSnippets('### Node and the command line', 'js');
    writeFileSync(join(APP, 'main.mjs'), code!);
    const { stdout } = await promisify(exec)(`"${process.execPath}" main.mjs`, { cwd: APP });
    assert.equal(stdout, '7 1.00 86903\n');
  });

  it('"Node and the command line": each command does what its comment says', async () => {
    const [commands] = readmeSnippets('### Node and the command line', 'sh');
    const cli = `"${process.execPath}" node_modules/digit-recognizer/dist/cli.js`;
    for (const line of commands!.trim().split('\n')) {
      const [command, promise] = line.split(/\s+# /) as [string, string | undefined];
      const { stdout } = await promisify(exec)(command.replace(/^npx digit-recognizer/, cli), { cwd: APP });
      if (command.includes('--json')) {
        const keys = /\{(.+)\}/
          .exec(promise ?? '')![1]!
          .split(',')
          .map((k) => k.replace(/"/g, ''));
        const rows = readFileSync(join(APP, 'digits.jsonl'), 'utf8').trim().split('\n');
        assert.equal(rows.length, 2);
        for (const row of rows) assert.deepEqual(Object.keys(JSON.parse(row) as object), keys);
      } else if (command.includes('--csv')) {
        const csv = readFileSync(join(APP, 'numbers.csv'), 'utf8').trim().split('\n');
        assert.equal(csv[0], 'file,text,confidence,uncertain,error');
        assert.match(csv[1]!, /^scans\/cheque\.jpg,86903,/);
        assert.match(csv[2]!, /^scans\/seven\.png,7,/);
      } else {
        assert.ok(promise && stdout.includes(promise), `"${command}" printed:\n${stdout}`);
      }
    }
  });
});
