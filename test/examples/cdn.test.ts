/**
 * examples/cdn/index.html, offline: the page loads the package from jsDelivr, and every request
 * to https://cdn.jsdelivr.net/npm/digit-recognizer@0.1.0[/…] is answered from the local build, as
 * jsDelivr would answer it (the bare URL serves the "jsdelivr" file of package.json; paths under
 * it serve the package's files). Needs `npm run build` and Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { ROOT, collectErrors, launchChromium, mimeType, serveStatic } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; jsdelivr: string };
const CDN = `https://cdn.jsdelivr.net/npm/digit-recognizer@${pkg.version}`;
const PUBLISHED = ['dist/', 'models/recognizer/', 'models/segment-checker/'];

/** The local file jsDelivr would serve for `url`, or null if the package has no such file. */
function cdnFile(url: string): string | null {
  const path = new URL(url).pathname;
  const base = new URL(CDN).pathname;
  if (path === base || path === `${base}/`) return join(ROOT, pkg.jsdelivr);
  if (!path.startsWith(`${base}/`)) return null;
  const inPackage = normalize(decodeURIComponent(path.slice(base.length + 1)));
  if (!PUBLISHED.some((dir) => inPackage.startsWith(dir))) return null;
  const file = join(ROOT, inPackage);
  return existsSync(file) ? file : null;
}

describe('examples/cdn', { skip: !existsSync(join(ROOT, pkg.jsdelivr)) && 'no dist/: run npm run build' }, () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    ({ server, origin } = await serveStatic(ROOT));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('the page references this version on jsDelivr', () => {
    const html = readFileSync(join(ROOT, 'examples/cdn/index.html'), 'utf8');
    assert.ok(html.includes(`<script src="${CDN}"></script>`), `examples/cdn/index.html should load ${CDN}`);
  });

  it('renders the element and reads a stroke as 1, with every asset from the CDN', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const fromCdn: string[] = [];
    const elsewhere: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith(origin)) return void request.continue();
      if (url.startsWith(CDN)) {
        fromCdn.push(url);
        const file = cdnFile(url);
        if (!file) return void request.respond({ status: 404, contentType: 'text/plain', body: 'Not found' });
        return void request.respond({
          status: 200,
          contentType: mimeType(file),
          headers: { 'access-control-allow-origin': '*' },
          body: readFileSync(file),
        });
      }
      elsewhere.push(url);
      return void request.abort();
    });
    try {
      await page.goto(`${origin}/examples/cdn/index.html`, { waitUntil: 'load' });
      await page
        .waitForFunction(() => /^\d/.test(document.getElementById('answer')?.textContent ?? ''), {
          timeout: 30_000,
        })
        .catch((error: unknown) => {
          throw new Error(`no answer; requests: ${fromCdn.join(', ')}; errors: ${errors.join('\n')}`, { cause: error });
        });
      const seen = await page.evaluate(() => ({
        answer: document.getElementById('answer')?.textContent ?? '',
        rendered: Boolean(document.querySelector('digit-recognizer')?.shadowRoot?.querySelector('[part="base"]')),
        global: typeof (window as unknown as { DigitRecognizer?: { classify?: unknown } }).DigitRecognizer?.classify,
      }));
      assert.match(seen.answer, /^1 \(\d+%\)$/);
      assert.equal(seen.rendered, true, '<digit-recognizer> has rendered its shadow root');
      assert.equal(seen.global, 'function');
      assert.ok(
        fromCdn.includes(`${CDN}/models/recognizer/model.json`),
        `model.json from the CDN: ${fromCdn.join(', ')}`,
      );
      assert.ok(
        fromCdn.some((url) => /\/dist\/slim\/tfjs-backend-wasm(-simd)?\.wasm$/.test(url)),
        `the cut-down .wasm from the CDN: ${fromCdn.join(', ')}`,
      );
      assert.deepEqual(elsewhere, [], 'no request leaves the page and the CDN');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
