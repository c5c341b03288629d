/**
 * Reading one card's image: a digit (`preprocess()` and the classifier) or, in `mode="number"`,
 * a number (`readNumber()`), turned into the outcome the card shows. No rendering, no events:
 * the element applies the outcome and says what happened.
 */
import { DigitRecognizerError, isDigitRecognizerError, preprocess, readNumber } from '../index.js';
import type {
  Classifier,
  DigitInput,
  DigitRecognizerErrorCode,
  NumberReading,
  Prediction,
  Preprocessed,
} from '../index.js';
import type { Card } from './card.js';
import { workerOf } from '../worker/worker-classifier.js';
import type { DetailedPrediction } from '../worker/protocol.js';

/** How a card's run ended. */
export type CardOutcome =
  | { status: 'complete'; reading: NumberReading; prediction?: undefined; preprocessed?: undefined; error?: undefined }
  | { status: 'complete'; prediction: Prediction; preprocessed: Preprocessed; reading?: undefined; error?: undefined }
  | {
      status: 'empty' | 'error';
      error: DigitRecognizerError;
      reading?: undefined;
      prediction?: undefined;
      preprocessed?: undefined;
    };

export interface ReadOptions {
  classifier: Classifier;
  number: boolean;
  uncertainBelow: number;
  signal: AbortSignal;
}

/** `error` as a DigitRecognizerError, with `fallback` as its code when it is not one already. */
export function toDigitError(error: unknown, fallback: DigitRecognizerErrorCode): DigitRecognizerError {
  if (isDigitRecognizerError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DigitRecognizerError(fallback, message, { cause: error });
}

/**
 * A digit and the 28×28 image the model saw, read in the classifier's worker when it has one
 * (the element's always tries to), else here.
 */
export async function readDigit(
  classifier: Classifier,
  input: DigitInput,
  options: { uncertainBelow: number; signal: AbortSignal },
): Promise<DetailedPrediction> {
  const worker = workerOf(classifier);
  if (worker) return worker.classifyInDetail(input, options);
  const preprocessed = await preprocess(input);
  options.signal.throwIfAborted();
  return { prediction: await classifier.classifyPreprocessed(preprocessed, options), preprocessed };
}

/** Reads a card's image. Never rejects: a failure is an `empty` or `error` outcome. */
export async function readCard(
  card: Card,
  { classifier, number, uncertainBelow, signal }: ReadOptions,
): Promise<CardOutcome> {
  try {
    if (number) {
      return { status: 'complete', reading: await readNumber(card.input, { classifier, uncertainBelow, signal }) };
    }
    const { prediction, preprocessed } = await readDigit(classifier, card.input, { uncertainBelow, signal });
    return { status: 'complete', prediction, preprocessed };
  } catch (reason) {
    const error = toDigitError(reason, 'INVALID_INPUT');
    return { status: error.code === 'EMPTY_IMAGE' ? 'empty' : 'error', error };
  }
}

/**
 * A finished card judged again with another `uncertainBelow`: the new prediction or reading, or
 * `null` when there is nothing to judge or it failed (the card keeps its result).
 */
export async function rejudgeCard(
  card: Card,
  classifier: Classifier,
  uncertainBelow: number,
): Promise<Pick<CardOutcome, 'prediction' | 'reading'> | null> {
  try {
    if (card.reading) {
      // A number's uncertainty also depends on how each digit's ink looks: read it again.
      return { reading: await readNumber(card.input, { classifier, uncertainBelow }) };
    }
    if (!card.preprocessed) return null;
    return { prediction: await classifier.classifyPreprocessed(card.preprocessed, { uncertainBelow }) };
  } catch {
    return null;
  }
}

/** A copy of `reading` that event listeners may keep or change without touching the card's. */
export function copyReading(reading: NumberReading): NumberReading {
  return {
    ...reading,
    digits: reading.digits.map((d) => ({ ...d, probabilities: [...d.probabilities], box: { ...d.box } })),
  };
}
