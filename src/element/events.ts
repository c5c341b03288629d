/**
 * Typed events of `<digit-recognizer>`. All bubble and are composed, so they cross shadow roots
 * and can be listened to on any ancestor.
 */
import type { DigitRecognizerError, NumberReading, UncertainReason } from '../index.js';

/** Where an image came from: a file (picked, dropped or pasted), the drawing pad, or the camera. */
export type DigitSource = 'file' | 'drawing' | 'camera';

/** One recognized image: the model's answer and where it came from. */
export interface DigitResult {
  /** The most likely digit, 0–9. */
  digit: number;
  /** Its probability, 0–1. */
  confidence: number;
  /** Ten probabilities, one per digit. */
  probabilities: number[];
  /** True when the model is unsure or the image is not a digit; `digit` is then only the best guess. */
  uncertain: boolean;
  /** Why it is uncertain (`'not-a-digit'`, `'ambiguous'`, `'low-confidence'`); absent when it is not. */
  reason?: UncertainReason;
  /** The chance, 0–1, that the image is not one handwritten digit. */
  notDigitScore: number;
  /** The image file (a frame kept from the camera is a JPEG file), or `null` for a drawing or a live camera reading. */
  file: File | null;
  /** Where the image came from. */
  source: DigitSource;
}

/** Detail of {@link DigitPredictionEvent}. */
export type DigitPredictionDetail = DigitResult;

/** One number read in `mode="number"`: the reading and where it came from. */
export interface NumberResult {
  /** What was read: `text` (e.g. `"4071"`), each digit with its box, the overall confidence. */
  reading: NumberReading;
  /** The image file (a frame kept from the camera is a JPEG file), or `null` for a number written on the pad or a live camera reading. */
  file: File | null;
  /** Where the image came from. */
  source: DigitSource;
}

/** Detail of {@link DigitNumberEvent}. */
export type DigitNumberDetail = NumberResult;

/** Detail of {@link DigitErrorEvent}. */
export interface DigitErrorDetail {
  /** What went wrong; `error.code` is stable, `error.message` is meant for developers. */
  error: DigitRecognizerError;
  /** The file that failed, or `null` for a drawing, the camera or the model itself. */
  file: File | null;
  /** Where the failing image came from (`'camera'` also when the camera itself failed); `null` for the model. */
  source: DigitSource | null;
}

/**
 * Fired once per recognized image (also when the result is uncertain).
 *
 * @example
 * ```ts
 * el.addEventListener('prediction', (event) => console.log(event.detail.digit, event.detail.file?.name));
 * ```
 */
export class DigitPredictionEvent extends CustomEvent<DigitPredictionDetail> {
  /** The event's name, `prediction`. */
  static readonly eventName = 'prediction' as const;

  constructor(detail: DigitPredictionDetail) {
    super(DigitPredictionEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * Fired once per number read in `mode="number"` (also when it is uncertain), instead of
 * `prediction`.
 *
 * @example
 * ```ts
 * el.addEventListener('number', (event) => console.log(event.detail.reading.text));
 * ```
 */
export class DigitNumberEvent extends CustomEvent<DigitNumberDetail> {
  /** The event's name, `number`. */
  static readonly eventName = 'number' as const;

  constructor(detail: DigitNumberDetail) {
    super(DigitNumberEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * Fired when an image can't be read, holds no digit (`EMPTY_IMAGE`), or the model fails to load.
 *
 * @example
 * ```ts
 * el.addEventListener('digit-error', (event) => console.warn(event.detail.error.code));
 * ```
 */
export class DigitErrorEvent extends CustomEvent<DigitErrorDetail> {
  /** The event's name, `digit-error`. */
  static readonly eventName = 'digit-error' as const;

  constructor(detail: DigitErrorDetail) {
    super(DigitErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * Fired when the user clears the drawing pad with its clear button.
 *
 * @example
 * ```ts
 * el.addEventListener('digit-clear', () => console.log('pad cleared'));
 * ```
 */
export class DigitClearEvent extends Event {
  /** The event's name, `digit-clear`. */
  static readonly eventName = 'digit-clear' as const;

  constructor() {
    super(DigitClearEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    prediction: DigitPredictionEvent;
    number: DigitNumberEvent;
    'digit-error': DigitErrorEvent;
    'digit-clear': DigitClearEvent;
  }
}
