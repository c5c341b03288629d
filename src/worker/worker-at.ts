/**
 * A worker from a script URL. A browser starts a worker only from its page's origin, so a
 * script on another origin (a CDN) is started through a one-line same-origin `blob:` script
 * that loads it, as transformers.js and onnxruntime-web do.
 */

/** Starts the worker script at `url`; throws where the browser refuses (a CSP, no Worker). */
export function workerAt(url: string, type: WorkerType): Worker {
  const here = typeof location !== 'undefined' ? location.origin : null;
  if (new URL(url).origin === here) return new Worker(url, { type });
  const source = type === 'module' ? `import ${JSON.stringify(url)};` : `importScripts(${JSON.stringify(url)});`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl, { type });
  const revoke = (): void => URL.revokeObjectURL(blobUrl);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}
