/**
 * A fresh app folder with the packed package installed in it, as `npm install ./the.tgz` would:
 * the tarball `npm pack` makes, unpacked into the app's node_modules. The package's own
 * dependencies (tfjs, Lit) and the bundlers resolve from the repository's node_modules, one
 * folder up, so the tests need no network.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../examples/helpers.js';

const run = promisify(execFile);
const APP_SOURCE = join(ROOT, 'test/bundlers/app');
const APPS = join(ROOT, '.cache/bundler-apps');

/** Photos the app reads: a 7 on white, a 5-digit number on a desk, a 0 on a note on a desk. */
const APP_IMAGES: Record<string, string> = {
  'seven.png': 'examples/node/seven.png',
  'number.jpg': 'test/fixtures/scenes/number-grey-laminate.jpg',
  'photo.jpg': 'test/fixtures/scenes/digit-dark-wood.jpg',
};
/** What the app must find in them. */
export const EXPECTED = { digit: 7, text: '86903', elementDigit: 0, backend: 'wasm' };

let tarball: Promise<string> | null = null;

/** `npm pack`s the repository once per test run (it needs `npm run build` first). */
function packOnce(): Promise<string> {
  tarball ??= (async () => {
    mkdirSync(APPS, { recursive: true });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', APPS], { cwd: ROOT });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error(`npm pack said: ${stdout}`);
    return join(APPS, packed.filename);
  })();
  return tarball;
}

/** Makes `.cache/bundler-apps/<name>/` afresh: the app's sources and the installed package. */
export async function freshApp(name: string): Promise<string> {
  const dir = join(APPS, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(APP_SOURCE, dir, { recursive: true });
  for (const [file, from] of Object.entries(APP_IMAGES)) cpSync(join(ROOT, from), join(dir, 'src', file));
  await installTarball(dir);
  return dir;
}

/** Unpacks the packed package into `dir/node_modules/digit-recognizer`, replacing what was there. */
export async function installTarball(dir: string): Promise<void> {
  const tgz = await packOnce();
  const installed = join(dir, 'node_modules/digit-recognizer');
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', tgz, '-C', installed, '--strip-components=1']);
}
