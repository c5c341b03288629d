/**
 * The Web Worker that reads images off the page's main thread, for `<digit-recognizer>` and
 * `loadClassifier({ worker: true })`. The package starts it itself (see `reading-worker.ts`);
 * there is nothing to import from here.
 *
 * @packageDocumentation
 */
import { serveReadings, type WorkerScope } from './worker/serve-readings.js';

serveReadings(globalThis as unknown as WorkerScope);
