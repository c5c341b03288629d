/** Shared by the example and Storybook tests: a static file server and headless Chromium. */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME_TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Serves `dir` on a free localhost port; `index.html` for folders. Close it with `server.close()`. */
export async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      // Browsers ask for a favicon on their own; don't let its 404 show as a console error.
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': mimeType(file) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Debian's Chromium (or `CHROME_PATH`), headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects a page's console errors and uncaught exceptions, as text. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.stack : String(error)}`));
  page.on('requestfailed', (request) => {
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? ''})`);
  });
  return errors;
}
