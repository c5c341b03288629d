/**
 * `digit-recognizer`: read handwritten digits in the browser (or Node), offline.
 *
 * ```ts
 * import { classify } from 'digit-recognizer';
 * const { digit, confidence } = await classify(document.querySelector('img')!);
 * ```
 *
 * @packageDocumentation
 */
export { classify, classifyBatch, getDefaultClassifier, loadClassifier, preprocess } from './classify/api.js';
export { setAssetPath, getAssetPath } from './classify/assets.js';
export { readNumber } from './number/read-number-api.js';
export type { DigitReading, NotADigit, NumberReading, ReadNumberOptions } from './number/read-number.js';
export { DigitRecognizerError, isDigitRecognizerError } from './classify/errors.js';
export type { DigitRecognizerErrorCode } from './classify/errors.js';
export type {
  BackendName,
  Box,
  ClassifyOptions,
  Classifier,
  DigitInput,
  ImageSource,
  LoadOptions,
  Point,
  Polarity,
  Prediction,
  Preprocessed,
  RawPixels,
  UncertainReason,
  WritingSurface,
} from './classify/types.js';
export { VERSION } from './version.js';
