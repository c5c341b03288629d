/**
 * Registration of `<digit-recognizer>`. Importing this module registers nothing; call
 * {@link defineDigitRecognizer} (the `digit-recognizer/element` entry does it for you).
 */
import { DigitRecognizerElement } from './digit-recognizer.component.js';

/** The tag the element is registered under by default. */
export const DIGIT_RECOGNIZER_TAG = 'digit-recognizer';

/**
 * Registers the element as `tag` in `registry` (default: `<digit-recognizer>` in the global
 * registry). Safe to call more than once, and safe when another copy of the package already
 * registered the tag: the existing definition is kept.
 *
 * @example
 * ```ts
 * import { defineDigitRecognizer } from 'digit-recognizer/element';
 * defineDigitRecognizer('digit-reader'); // <digit-reader> as well as <digit-recognizer>
 * ```
 */
export function defineDigitRecognizer(
  tag: string = DIGIT_RECOGNIZER_TAG,
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  return DigitRecognizerElement.define(tag, registry);
}

declare global {
  interface HTMLElementTagNameMap {
    'digit-recognizer': DigitRecognizerElement;
  }
}
