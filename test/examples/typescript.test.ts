/**
 * examples/typescript: type-checks it against the built package (dist/types, through package.json
 * "exports", as an installed copy would resolve), builds it with Vite and its own vite.config.ts,
 * and runs the built site in Chromium. Needs `npm run build`; no `npm install` in the example:
 * its node_modules/digit-recognizer is linked to the repository, as `npm install` would do for
 * "file:../..", and everything else resolves from the repository's node_modules.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { ROOT, collectErrors, launchChromium, serveStatic } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples/typescript');
const built = existsSync(join(ROOT, 'dist/types/index.d.ts')) && existsSync(join(ROOT, 'dist/index.js'));

/**
 * Links examples/typescript/node_modules/digit-recognizer to the repository, unless there is one
 * already. Returns a function that removes what it made: the link points back at the repository,
 * a cycle other tools walking the tree shouldn't meet.
 */
function linkPackage(): () => void {
  const modules = join(EXAMPLE, 'node_modules');
  const link = join(modules, 'digit-recognizer');
  try {
    lstatSync(link);
    return () => {};
  } catch {
    const made = !existsSync(modules);
    mkdirSync(modules, { recursive: true });
    symlinkSync(relative(modules, ROOT), link, 'dir');
    return () => {
      unlinkSync(link); // the link only, never what it points to
      // Then what Vite left there (.vite-temp/, its bundled config), now that no link is inside.
      if (made) rmSync(modules, { recursive: true, force: true });
    };
  }
}

describe('examples/typescript', { skip: !built && 'no dist/: run npm run build' }, () => {
  let outDir: string;
  let browser: Browser | undefined;
  let server: Server | undefined;
  let unlink = (): void => {};

  before(() => {
    unlink = linkPackage();
    outDir = mkdtempSync(join(tmpdir(), 'digit-recognizer-ts-example-'));
  });

  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
    unlink();
  });

  it('type-checks against the published types of both entry points', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(EXAMPLE, 'tsconfig.json')], {
      cwd: EXAMPLE,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`tsc failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    assert.equal(result.stdout.trim(), '');
  });

  it('builds with Vite, and the site reads a stroke as 1 and renders the element', async () => {
    const { build } = await import('vite');
    await build({
      root: EXAMPLE,
      configFile: join(EXAMPLE, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    assert.ok(existsSync(join(outDir, 'index.html')));
    assert.ok(existsSync(join(outDir, 'digit-recognizer/models/mnist-cnn/model.json')));
    assert.ok(existsSync(join(outDir, 'digit-recognizer/dist/tfjs-backend-wasm.wasm')));

    let origin: string;
    ({ server, origin } = await serveStatic(outDir));
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page
      .waitForFunction(() => /^\d/.test(document.querySelector('#answer')?.textContent ?? ''), { timeout: 30_000 })
      .catch((error: unknown) => {
        throw new Error(`no answer; errors: ${errors.join('\n')}`, { cause: error });
      });
    const seen = await page.evaluate(() => ({
      answer: document.querySelector('#answer')?.textContent ?? '',
      rendered: Boolean(document.querySelector('digit-recognizer')?.shadowRoot?.querySelector('[part="base"]')),
    }));
    assert.match(seen.answer, /^1 \(\d+%\)$/);
    assert.equal(seen.rendered, true);
    assert.deepEqual(errors, []);
  });
});
