/**
 * `digit-recognizer/element`: the `<digit-recognizer>` custom element, registered on import.
 *
 * ```html
 * <script type="module">import 'digit-recognizer/element';</script>
 * <form>
 *   <digit-recognizer name="digit" multiple show-model-input></digit-recognizer>
 *   <button>Send</button>
 * </form>
 * ```
 *
 * To register under another tag, import `DigitRecognizerElement` from here and call
 * `DigitRecognizerElement.define('my-digits')`; the `digit-recognizer` tag is registered anyway.
 *
 * @packageDocumentation
 */
import { defineDigitRecognizer } from './element/define.js';

export * from './element/digit-recognizer.component.js';
export * from './element/events.js';
export type { DigitCardState } from './element/card.js';
export type { ShowProbabilities } from './element/card-view.js';
export * from './element/define.js';
export { defaultLabels, defaultMessages } from './element/messages.js';
export type { DigitRecognizerMessages } from './element/messages.js';
export { DigitRecognizerError, isDigitRecognizerError, setAssetPath, getAssetPath } from './index.js';
export type { DigitRecognizerErrorCode, DigitReading, NumberReading, Prediction } from './index.js';

defineDigitRecognizer();
