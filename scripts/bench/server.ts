/**
 * A static server for the repository root, as a CDN would serve the package: every response
 * gzipped when the browser accepts it. It remembers each file's sizes (raw, gzip level 9,
 * Brotli 11) so the weight figures come from the bytes actually served.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.map': 'application/json',
};

export interface Sizes {
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface StaticServer {
  origin: string;
  /** Sizes of a file served earlier, by URL path; undefined when it was not served. */
  sizesOf(path: string): Sizes | undefined;
  close(): Promise<void>;
}

interface Cached {
  raw: Buffer;
  gzipped: Buffer;
  brotli?: number;
  mtimeMs: number;
}

export async function startServer(root: string): Promise<StaticServer> {
  const cache = new Map<string, Cached>();
  const served = new Map<string, Cached>();

  async function load(file: string): Promise<Cached> {
    const { mtimeMs } = await stat(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const raw = await readFile(file);
    const entry: Cached = { raw, gzipped: gzipSync(raw, { level: 9 }), mtimeMs };
    cache.set(file, entry);
    return entry;
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    load(file).then(
      (entry) => {
        served.set(url.pathname, entry);
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const body = gzip ? entry.gzipped : entry.raw;
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': 'no-cache',
          ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sizesOf(path) {
      const entry = served.get(path);
      if (!entry) return undefined;
      // Brotli at quality 11 is slow, so only for the files a report asks about.
      entry.brotli ??= brotliCompressSync(entry.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return { bytes: entry.raw.length, gzip: entry.gzipped.length, brotli: entry.brotli };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
