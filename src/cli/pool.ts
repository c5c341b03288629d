/**
 * Reads files on worker threads, one file per worker at a time, and hands the results back in
 * the order of the files, each as soon as every file before it is done. A worker that dies is
 * replaced; its file is reported as failed and the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult, Job } from './protocol.js';

export interface PoolOptions {
  /** The worker script (dist/cli-worker.js). */
  workerUrl: URL;
  jobs: number;
  number: boolean;
  lines: boolean;
  /** Called once per file, in file order. */
  onResult: (result: FileResult) => void;
}

export interface Pool {
  /** Resolves when every file has a result. */
  done: Promise<void>;
  /** Stops every worker (Ctrl-C). */
  stop(): Promise<void>;
}

export function readAll(files: string[], options: PoolOptions): Pool {
  const { workerUrl, number, lines, onResult } = options;
  const waiting = new Map<number, FileResult>();
  const workers = new Set<Worker>();
  let next = 0;
  let printed = 0;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const settle = (result: FileResult): void => {
    waiting.set(result.index, result);
    for (let ready = waiting.get(printed); ready; ready = waiting.get(printed)) {
      waiting.delete(printed);
      printed++;
      onResult(ready);
    }
    if (printed === files.length) {
      for (const worker of workers) void worker.terminate();
      finish();
    }
  };

  const start = (): void => {
    const worker = new Worker(workerUrl);
    workers.add(worker);
    let current: Job | null = null;
    const feed = (): void => {
      if (next >= files.length) {
        current = null;
        workers.delete(worker);
        void worker.terminate();
        return;
      }
      current = { index: next, file: files[next]!, number, lines };
      next++;
      worker.postMessage(current);
    };
    worker.on('message', (result: FileResult) => {
      settle(result);
      feed();
    });
    const died = (why: string): void => {
      if (!workers.has(worker)) return;
      workers.delete(worker);
      if (current) {
        settle({ index: current.index, file: current.file, error: { code: 'WORKER_FAILED', message: why } });
        current = null;
        if (next < files.length) start();
      }
    };
    worker.on('error', (error: Error) => died(`The worker reading this file failed: ${error.message}`));
    worker.on('exit', (code) => died(`The worker reading this file stopped (exit code ${code}).`));
    feed();
  };

  if (files.length === 0) finish();
  for (let i = 0; i < Math.min(options.jobs, files.length); i++) start();
  return {
    done,
    stop: async () => {
      const all = [...workers];
      workers.clear();
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}
