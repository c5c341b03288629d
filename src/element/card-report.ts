/**
 * What the element says when a card's run ends, or the camera reads something new: the line
 * announced to screen readers and the event it fires (`number`, `prediction` or `digit-error`).
 */
import type { DigitRecognizerError, NumberReading, Prediction } from '../index.js';
import type { Card } from './card.js';
import { copyReading, type CardOutcome } from './card-reading.js';
import { DigitErrorEvent, DigitNumberEvent, DigitPredictionEvent } from './events.js';
import type { DigitResult, DigitSource } from './events.js';
import { format, percent } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';
import type { LiveReading } from './camera-controller.js';

export interface CardReport {
  announcement: string;
  event: DigitNumberEvent | DigitPredictionEvent | DigitErrorEvent;
}

/** A prediction as the element reports it: a copy a listener may keep or change. */
export function digitResultOf(prediction: Prediction, file: File | null, source: DigitSource): DigitResult {
  const { digit, confidence, probabilities, uncertain, reason, notDigitScore } = prediction;
  return {
    digit,
    confidence,
    probabilities: [...probabilities],
    uncertain,
    ...(reason ? { reason } : {}),
    notDigitScore,
    file,
    source,
  };
}

/** The announcement and event for a digit read from the image called `name`. */
function reportDigit(
  prediction: Prediction,
  name: string,
  file: File | null,
  source: DigitSource,
  messages: DigitRecognizerMessages,
): { announcement: string; event: DigitPredictionEvent } {
  const template =
    prediction.reason === 'not-a-digit'
      ? messages.announceNotADigit
      : prediction.uncertain
        ? messages.announceUncertain
        : messages.announceResult;
  return {
    announcement: format(template, { digit: prediction.digit, percent: percent(prediction.confidence), name }),
    event: new DigitPredictionEvent(digitResultOf(prediction, file, source)),
  };
}

/** The announcement and event for a number read from the image called `name`. */
function reportNumber(
  reading: NumberReading,
  name: string,
  file: File | null,
  source: DigitSource,
  messages: DigitRecognizerMessages,
): { announcement: string; event: DigitNumberEvent } {
  return {
    announcement: format(reading.uncertain ? messages.announceNumberUncertain : messages.announceNumber, {
      number: reading.text,
      percent: percent(reading.confidence),
      name,
    }),
    event: new DigitNumberEvent({ reading: copyReading(reading), file, source }),
  };
}

/** The announcement and event for a new steady camera reading (`file` null, `source: 'camera'`). */
export function reportLive(
  live: LiveReading,
  messages: DigitRecognizerMessages,
): { announcement: string; event: DigitNumberEvent | DigitPredictionEvent } {
  const name = messages.cameraPreviewLabel;
  return live.reading
    ? reportNumber(live.reading, name, null, 'camera', messages)
    : reportDigit(live.prediction, name, null, 'camera', messages);
}

/** The announcement and event for `outcome`, the end of `card`'s run. */
export function reportCard(
  card: Card,
  outcome: CardOutcome,
  messages: DigitRecognizerMessages,
  errorText: (error: DigitRecognizerError) => string,
): CardReport {
  if (outcome.reading) return reportNumber(outcome.reading, card.name, card.file, card.kind, messages);
  if (outcome.prediction) return reportDigit(outcome.prediction, card.name, card.file, card.kind, messages);
  const { error } = outcome;
  return {
    announcement:
      error.code === 'EMPTY_IMAGE'
        ? format(messages.announceNoDigit, { name: card.name })
        : `${card.name}: ${errorText(error)}`,
    event: new DigitErrorEvent({ error, file: card.file, source: card.kind }),
  };
}
