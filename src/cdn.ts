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
export * from './index.js';
export {
  DigitRecognizerElement,
  DigitPredictionEvent,
  DigitErrorEvent,
  DigitClearEvent,
  defineDigitRecognizer,
} from './element.js';
