/**
 * The packed package in fresh Vite and webpack 5 apps with no configuration (no plugin, no
 * copied files, no setAssetPath()), opened in Chromium: classify(), readNumber() and the element
 * answer right, WebAssembly starts, and each model downloads once per thread (the page and the
 * element's reading worker).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT, collectErrors, launchChromium, serveStatic } from '../examples/helpers.js';
import { EXPECTED, freshApp } from './install-tarball.js';
import { readmeApp, readmeSnippets } from './readme-snippets.js';

const built = existsSync(join(ROOT, 'dist/index.js'));

interface AppResults {
  digit?: number;
  text?: string;
  elementDigit?: number;
  backend?: string;
  error?: string;
}

/** Opens the app, waits for its answers, and returns them with what the page fetched and said. */
async function openApp(
  browser: Browser,
  url: string,
): Promise<{ results: AppResults; fetched: string[]; said: string[] }> {
  const page: Page = await browser.newPage();
  const errors = collectErrors(page);
  const said: string[] = [];
  const fetched: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warn') said.push(message.text());
  });
  page.on('response', (response) => fetched.push(`${response.status()} ${response.url()}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => 'appResults' in window, { timeout: 90_000 })
      .catch((error: unknown) => {
        throw new Error(`no results; errors:\n${errors.join('\n')}`, { cause: error });
      });
    const results = (await page.evaluate(() => (window as unknown as { appResults: AppResults }).appResults)) ?? {};
    assert.deepEqual(errors, []);
    return { results, fetched, said: [...said, ...errors] };
  } finally {
    await page.close();
  }
}

/** The model and weight downloads, without the bundler's hashes: one of each per model. */
function modelDownloads(fetched: string[]): string[] {
  return fetched.filter((line) => /\.(json|bin)(\?|$)/.test(line) && !/package\.json|\.map/.test(line));
}

function assertWorks({ results, fetched, said }: Awaited<ReturnType<typeof openApp>>): void {
  assert.equal(results.error, undefined, `the app failed: ${results.error}\nfetched:\n${fetched.join('\n')}`);
  assert.deepEqual(results, EXPECTED);
  assert.deepEqual(said, [], 'no warnings (a WebAssembly fallback warns)');
  const downloads = modelDownloads(fetched);
  const perFile = new Map<string, number>();
  for (const line of downloads) {
    // 304: the browser's cached copy was still good.
    assert.match(line, /^(200|304) /);
    const url = line.replace(/^\d+ /, '');
    perFile.set(url, (perFile.get(url) ?? 0) + 1);
  }
  assert.equal(perFile.size, 4, `two models, each model.json and weights.bin:\n${downloads.join('\n')}`);
  for (const [url, times] of perFile) {
    // Once for the page's classify(), once more at most for the element's worker.
    assert.ok(times <= 2, `${url} fetched ${times} times`);
  }
  assert.ok(
    fetched.some((line) => /^200 .*\.wasm(\?|$)/.test(line)),
    'a .wasm binary was fetched',
  );
  const outside = fetched.filter((line) => line.includes(`${ROOT}/models/`) || line.includes(`${ROOT}/dist/`));
  assert.deepEqual(outside, [], "the package's files come from the app's copy, not the repository");
}

describe('bundlers, zero-config, from the packed tarball', { skip: !built && 'no dist/: run npm run build' }, () => {
  let browser: Browser;
  const closers: Array<() => unknown> = [];

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    for (const close of closers) await close();
  });

  it('Vite build', async () => {
    const dir = await freshApp('vite-build');
    const { build } = await import('vite');
    await build({ root: dir, configFile: false, logLevel: 'warn' });
    const { server, origin } = await serveStatic(join(dir, 'dist'));
    closers.push(() => server.close());
    assertWorks(await openApp(browser, `${origin}/`));
  });

  it('Vite dev server', async () => {
    const dir = await freshApp('vite-dev');
    const { createServer } = await import('vite');
    const server = await createServer({ root: dir, configFile: false, logLevel: 'warn', server: { port: 0 } });
    await server.listen();
    closers.push(() => server.close());
    const url = server.resolvedUrls?.local[0];
    assert.ok(url);
    assertWorks(await openApp(browser, url));
  });

  it('webpack 5', async () => {
    const dir = await freshApp('webpack');
    const { default: webpack } = await import('webpack');
    // `npx webpack` with no config, run in the app's folder: ./src/index.js to ./dist/main.js.
    const stats = await new Promise<import('webpack').Stats>((resolve, reject) => {
      webpack({ context: dir, mode: 'production', output: { path: join(dir, 'dist') } }, (error, result) =>
        error || !result ? reject(error) : resolve(result),
      );
    });
    assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(
      join(dir, 'dist/index.html'),
      html.replace(/<script type="module" src="[^"]*">/, '<script src="main.js">'),
    );
    const { server, origin } = await serveStatic(join(dir, 'dist'));
    closers.push(() => server.close());
    assertWorks(await openApp(browser, `${origin}/`));
  });

  it("runs the README's browser snippets as written, in a Vite app", async () => {
    const dir = await freshApp('readme-vite');
    const { html, script } = readmeApp();
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'src/readme.js'), script);
    const { build } = await import('vite');
    await build({ root: dir, configFile: false, logLevel: 'warn' });
    const { server, origin } = await serveStatic(join(dir, 'dist'));
    closers.push(() => server.close());
    const page = await browser.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page
        .waitForFunction(
          () => 'readmeResults' in window && 'event' in (window as unknown as { readmeResults: object }).readmeResults,
          {
            timeout: 90_000,
          },
        )
        .catch((error: unknown) => {
          throw new Error(`the snippets did not finish; errors:\n${errors.join('\n')}`, { cause: error });
        });
      const seen: Record<string, unknown> = await page.evaluate(() => {
        const results = (window as unknown as { readmeResults: Record<string, unknown> }).readmeResults;
        return { ...results, formValue: new FormData(document.querySelector('form')!).get('digit') };
      });
      assert.deepEqual(seen['classify'], { digit: 7, uncertain: false });
      assert.deepEqual(seen['worker'], { digit: 7, text: '86903', inWorker: true }, 'read in a worker');
      const pre = seen['preprocess'] as { surface?: { tone: string }; box: { width: number } };
      assert.equal(pre.surface?.tone, 'light', 'the note on the desk is found');
      assert.ok(pre.box.width > 0);
      const number = seen['readNumber'] as { text: string; digits: unknown[] };
      assert.equal(number.text, '86903');
      assert.equal(number.digits.length, 5);
      assert.equal(seen['event'], 0, 'the prediction listener heard the photo read as 0');
      assert.equal(seen['formValue'], '0', 'the element in the form submits the digit it read');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it("runs the README's CDN snippet with the packed classic script", async () => {
    const dir = await freshApp('readme-cdn');
    const site = join(dir, 'site');
    mkdirSync(site);
    cpSync(join(dir, 'node_modules/digit-recognizer'), join(site, 'npm/digit-recognizer'), { recursive: true });
    cpSync(join(dir, 'src/seven.png'), join(site, 'seven.png'));
    const [snippet] = readmeSnippets('### From a CDN', 'html');
    // jsDelivr serves the package's "jsdelivr" file for the bare package URL: here, its path.
    const local = snippet!.replace(
      /https:\/\/cdn\.jsdelivr\.net\/npm\/digit-recognizer@[\d.]+/,
      '/npm/digit-recognizer/dist/digit-recognizer.min.js',
    );
    assert.notEqual(local, snippet, 'the snippet loads the script from jsDelivr');
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html><link rel="icon" href="data:," /><img src="seven.png" />\n${local}`,
    );
    const { server, origin } = await serveStatic(site);
    closers.push(() => server.close());
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const logged = new Promise<string>((resolve) => page.on('console', (m) => m.type() === 'log' && resolve(m.text())));
    try {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('nothing logged in 60 s'), 60_000));
      assert.equal(await Promise.race([logged, timeout]), '7', errors.join('\n'));
      assert.equal(await page.evaluate(() => Boolean(document.querySelector('digit-recognizer')?.shadowRoot)), true);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it("runs the README's self-hosting snippet: every asset comes from the folder it names", async () => {
    const dir = await freshApp('readme-self-hosted');
    const [snippet] = readmeSnippets('## Self-hosting the assets', 'ts');
    const folder = /setAssetPath\('([^']+)'\)/.exec(snippet!)![1]!;
    // "Copy dist/ and models/ to your server, side by side": Vite serves public/ as it is.
    for (const part of ['dist', 'models']) {
      cpSync(join(dir, 'node_modules/digit-recognizer', part), join(dir, 'public', folder, part), { recursive: true });
    }
    writeFileSync(
      join(dir, 'src/index.js'),
      `${snippet!.trim()}\nimport { classify } from 'digit-recognizer';\n` +
        `const blob = await (await fetch(new URL('./seven.png', import.meta.url))).blob();\n` +
        `window.appResults = { digit: (await classify(blob)).digit };\n`,
    );
    const { build } = await import('vite');
    await build({ root: dir, configFile: false, logLevel: 'warn' });
    const { server, origin } = await serveStatic(join(dir, 'dist'));
    closers.push(() => server.close());
    const { results, fetched } = await openApp(browser, `${origin}/`);
    assert.deepEqual(results, { digit: 7 });
    const assets = fetched.filter((line) => /\.(json|bin|wasm)(\?|$)/.test(line));
    assert.ok(assets.length >= 3, assets.join('\n'));
    for (const line of assets) assert.match(line, new RegExp(`^200 ${origin}${folder}(dist|models)/`));
  });
});
