/**
 * The reading worker's script, `dist/worker.js`, started as
 * `new Worker(new URL('<literal>', import.meta.url), { type: 'module' })`: the form Vite and
 * webpack 5 find and bundle as a worker of the app, with no configuration. Like `asset-urls.ts`,
 * this module sits two folders below the package root in the sources and in the ESM build
 * (rollup keeps it in `dist/chunks/`), and the worker's own code never imports it. The CDN
 * bundle swaps it for `worker-url.cdn.ts`.
 */
import { workerAt } from '../worker/worker-at.js';

/** Starts the reading worker: the bundler's copy, or the one under `setAssetPath()`'s folder. */
export function startPackageWorker(assetRoot: string): Worker {
  if (assetRoot) return workerAt(new URL('dist/worker.js', assetRoot).href, 'module');
  return new Worker(new URL('../../dist/worker.js', import.meta.url), { type: 'module' });
}
