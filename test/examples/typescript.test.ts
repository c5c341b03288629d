/**
 * examples/typescript: type-checks it against the built package (dist/types, through package.json
 * "exports", as an installed copy would resolve), builds it with Vite (no config) and runs the
 * built site in Chromium, and runs it on Vite's dev server (`npm run dev`). Needs `npm run build`.
 * The packed package is unpacked into the example's node_modules, as its `npm install` of the
 * tarball does; everything else resolves from the repository's node_modules.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { installTarball } from '../bundlers/install-tarball.js';
import { ROOT, collectErrors, launchChromium, serveStatic } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples/typescript');
const built = existsSync(join(ROOT, 'dist/types/index.d.ts')) && existsSync(join(ROOT, 'dist/index.js'));

/**
 * Installs the freshly packed package in examples/typescript/node_modules, as its `npm install`
 * does. Returns a function that removes node_modules again if there was none before.
 */
async function installPackage(): Promise<() => void> {
  const modules = join(EXAMPLE, 'node_modules');
  const made = !existsSync(modules);
  await installTarball(EXAMPLE);
  return () => {
    if (made) rmSync(modules, { recursive: true, force: true });
  };
}

describe('examples/typescript', { skip: !built && 'no dist/: run npm run build' }, () => {
  let outDir: string;
  let browser: Browser | undefined;
  let server: Server | undefined;
  let unlink = (): void => {};

  before(async () => {
    unlink = await installPackage();
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

  /** Opens the site and checks it reads the drawn stroke as 1 and renders the element. */
  async function assertSiteWorks(url: string): Promise<void> {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(url, { waitUntil: 'load' });
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
    await page.close();
  }

  it('builds with Vite, and the site reads a stroke as 1 and renders the element', async () => {
    const { build } = await import('vite');
    await build({ root: EXAMPLE, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    assert.ok(existsSync(join(outDir, 'index.html')));
    let origin: string;
    ({ server, origin } = await serveStatic(outDir));
    await assertSiteWorks(`${origin}/`);
  });

  it('runs on the Vite dev server (npm run dev)', async () => {
    const { createServer } = await import('vite');
    const dev = await createServer({ root: EXAMPLE, logLevel: 'warn', server: { port: 0 } });
    try {
      await dev.listen();
      const url = dev.resolvedUrls?.local[0];
      assert.ok(url);
      await assertSiteWorks(url);
    } finally {
      await dev.close();
    }
  });
});
