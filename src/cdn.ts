/**
 * The CDN bundle: one classic script for a plain `<script src>`, no module, no build step.
 * It exposes `window.DigitRecognizer` and registers `<digit-recognizer>`.
 *
 * ```html
 * <script src="https://cdn.jsdelivr.net/npm/digit-recognizer"></script>
 * <digit-recognizer></digit-recognizer>
 * <script>DigitRecognizer.classify(img).then((p) => console.log(p.digit));</script>
 * ```
 */
import { serveReadings, type WorkerScope } from './worker/serve-readings.js';

export * from './index.js';
export {
  DigitRecognizerElement,
  DigitPredictionEvent,
  DigitErrorEvent,
  DigitClearEvent,
  defineDigitRecognizer,
} from './element.js';

// Started as the reading worker (see worker-url.cdn.ts): answer the page.
const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (workerScope && globalThis instanceof workerScope) {
  serveReadings(globalThis as unknown as WorkerScope);
}
