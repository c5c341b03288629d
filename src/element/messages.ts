/**
 * User-facing texts of `<digit-recognizer>`, in plain words for people who are not developers.
 * The main labels have attributes (`label`, `drop-label`, `draw-label`, `clear-label`,
 * `uncertain-label`); every other text can be replaced through the element's `messages` property,
 * so the element can be translated.
 */
import type { DigitRecognizerError, DigitRecognizerErrorCode } from '../index.js';
import { isMisplacedModel } from '../classify/model-loader.js';

/** Every text the element shows or announces, keyed by purpose. */
export interface DigitRecognizerMessages {
  /** The visible "button" text inside the drop zone. */
  chooseLabel: string;
  /** Shown on a card whose image has no digit on it. */
  noDigit: string;
  /** Name given to the result of the drawing pad. */
  drawingName: string;
  /** Name given to an image that has no file name (a pasted screenshot, a Blob). */
  unnamedImage: string;
  /** While the model downloads. `{percent}` is replaced by the progress, when known. */
  loading: string;
  /** While one image is being read. */
  classifying: string;
  /** A card that waits for the model to load. */
  waiting: string;
  /** Text of the button that retries loading the model. */
  retry: string;
  /** Accessible name of the remove button; `{name}` is the file name. */
  remove: string;
  /** Alternative text of a preview; `{name}` is the file name. */
  previewAlt: string;
  /** Accessible name of the "what the model sees" picture. */
  modelInputLabel: string;
  /** Accessible name of the list of probabilities. */
  probabilitiesLabel: string;
  /** Accessible name of the list of result cards. */
  resultsLabel: string;
  /** Confidence under the digit; `{percent}` is replaced. */
  confidence: string;
  /** Announced for a confident result. `{digit}`, `{percent}` and `{name}` are replaced. */
  announceResult: string;
  /** Announced for an uncertain result. */
  announceUncertain: string;
  /** Announced when an image holds no digit. */
  announceNoDigit: string;
  /** Shown instead of a digit when the image is not one (a letter, a doodle, two digits). */
  notADigit: string;
  /** Announced when an image is not a digit. `{name}` is replaced. */
  announceNotADigit: string;
  /** Announced for a confident number (`mode="number"`). `{number}`, `{percent}` and `{name}` are replaced. */
  announceNumber: string;
  /** Announced for an uncertain number (`mode="number"`). */
  announceNumberUncertain: string;
  /** Prompt of the drop zone in `mode="number"`, unless `drop-label` is set. */
  numberDropLabel: string;
  /** Label of the drawing pad in `mode="number"`, unless `draw-label` is set. */
  numberDrawLabel: string;
  /** Announced and shown when some files were left out because of `max-files`. `{count}`, `{max}`. */
  tooManyFiles: string;
  /** Announced and shown when several files were given without `multiple`. */
  onlyOneFile: string;
  /** The button that starts the camera (with the `camera` attribute). */
  cameraLabel: string;
  /** The button that stops the camera. */
  stopCameraLabel: string;
  /** The button that keeps the current camera frame as a result card. */
  captureLabel: string;
  /** Accessible label of the live camera preview. */
  cameraPreviewLabel: string;
  /** Shown over the preview while the camera starts. */
  cameraStarting: string;
  /** Shown over the preview while nothing steady is read: where to hold the digit. */
  cameraHint: string;
  /** The same, in `mode="number"`. */
  cameraNumberHint: string;
  /** Name of a card captured from the camera. `{time}` is replaced (e.g. "14:03:27"). */
  cameraCaptureName: string;
  /** Error texts, one per error code. */
  errors: Record<DigitRecognizerErrorCode, string>;
  /** Error text for a failure that has no known code. */
  unknownError: string;
  /**
   * Shown instead of `errors.MODEL_LOAD_FAILED` when the server answered without the model (a
   * 404, an HTML page): the site lacks the files, so "check your connection" would mislead.
   */
  modelMissing: string;
}

/** Default texts of the labels that have their own attribute (`label`, `drop-label`, …). */
export const defaultLabels = {
  /** The heading (`label` attribute). */
  label: 'Digit recognizer',
  /** The drop zone's prompt (`drop-label`). */
  dropLabel: 'Drop, paste or choose a photo of a digit',
  /** The drawing pad's label (`draw-label`). */
  drawLabel: 'Or draw a digit here',
  /** The clear button (`clear-label`). */
  clearLabel: 'Clear drawing',
  /** Shown for an uncertain result (`uncertain-label`). */
  uncertainLabel: 'Not sure',
} as const;

/** The default (English) texts. */
export const defaultMessages: DigitRecognizerMessages = {
  chooseLabel: 'Choose a photo',
  noDigit: 'No digit found',
  drawingName: 'Drawing',
  unnamedImage: 'Pasted image',
  loading: 'Loading the recognizer… {percent}',
  classifying: 'Recognizing…',
  waiting: 'Waiting for the recognizer…',
  retry: 'Retry',
  remove: 'Remove {name}',
  previewAlt: 'Preview of {name}',
  modelInputLabel: 'What the recognizer sees, 28 by 28 pixels',
  probabilitiesLabel: 'Probabilities',
  resultsLabel: 'Results',
  confidence: '{percent} confident',
  announceResult: 'Recognized {digit}, {percent} confident',
  announceUncertain: 'Not sure. Best guess {digit}, {percent} confident',
  announceNoDigit: 'No digit found in {name}',
  notADigit: "This doesn't look like a digit",
  announceNotADigit: "{name} doesn't look like a digit",
  announceNumber: 'Read {number}, {percent} confident',
  announceNumberUncertain: 'Not sure. Best guess {number}, {percent} confident',
  numberDropLabel: 'Drop, paste or choose a photo of a number',
  numberDrawLabel: 'Or write a number here',
  tooManyFiles: 'Only {max} images at a time: {count} left out.',
  onlyOneFile: 'Only one image at a time: the first one was used.',
  cameraLabel: 'Use the camera',
  stopCameraLabel: 'Stop the camera',
  captureLabel: 'Keep this',
  cameraPreviewLabel: 'Camera preview',
  cameraStarting: 'Starting the camera…',
  cameraHint: 'Hold a digit inside the box',
  cameraNumberHint: 'Hold a number inside the box',
  cameraCaptureName: 'Camera {time}',
  errors: {
    INVALID_INPUT: "This file isn't an image we can use.",
    DECODE_FAILED: "This file isn't an image we can read.",
    EMPTY_IMAGE: 'No digit found',
    MODEL_LOAD_FAILED: "The recognizer couldn't load. Check your connection and try again.",
    BACKEND_UNAVAILABLE: "This browser can't run the recognizer. Try another browser.",
    DISPOSED: 'The recognizer was stopped. Try again.',
    CAMERA_DENIED: 'The camera is blocked. Allow it in your browser, or choose a photo instead.',
    CAMERA_NOT_FOUND: 'No camera was found. Choose a photo instead.',
    CAMERA_IN_USE: 'The camera is in use by another app. Close it and try again.',
    CAMERA_INSECURE: 'The camera only works on a secure (https) page. Choose a photo instead.',
    CAMERA_UNAVAILABLE: "The camera couldn't start in this browser. Choose a photo instead.",
  },
  unknownError: 'Something went wrong while reading this image.',
  modelMissing: "The recognizer's files are missing from this website.",
};

/** The text shown for `error`: its code's, or that the site lacks the model's files. */
export function errorText(messages: DigitRecognizerMessages, error: DigitRecognizerError): string {
  if (error.code === 'MODEL_LOAD_FAILED' && isMisplacedModel(error)) return messages.modelMissing;
  return messages.errors[error.code] ?? messages.unknownError;
}

/** Replaces `{key}` placeholders in `template` with the matching values. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A probability (0–1) as a whole percentage, e.g. `"98%"`. */
export function percent(fraction: number): string {
  const value = Number.isFinite(fraction) ? Math.round(Math.min(1, Math.max(0, fraction)) * 100) : 0;
  return `${value}%`;
}

/** Merges partial overrides (from the `messages` property) over the defaults. */
export function mergeMessages(overrides: Partial<DigitRecognizerMessages> | undefined): DigitRecognizerMessages {
  if (!overrides) return defaultMessages;
  return {
    ...defaultMessages,
    ...overrides,
    errors: { ...defaultMessages.errors, ...(overrides.errors ?? {}) },
  };
}
