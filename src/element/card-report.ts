/**
 * What the element says when a card's run ends, or the camera reads something new: the line
 * announced to screen readers and the event it fires (`number`, `prediction` or `digit-error`).
 */
import type { DigitRecognizerError } from '../index.js';
import type { Card } from './card.js';
import { copyReading, type CardOutcome } from './card-reading.js';
import { DigitErrorEvent, DigitNumberEvent, DigitPredictionEvent } from './events.js';
import { format, percent } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';
import type { LiveReading } from './camera-controller.js';

export interface CardReport {
  announcement: string;
  event: DigitNumberEvent | DigitPredictionEvent | DigitErrorEvent;
}

/** The announcement and event for a new steady camera reading (`file` null, `source: 'camera'`). */
export function reportLive(
  live: LiveReading,
  messages: DigitRecognizerMessages,
): { announcement: string; event: DigitNumberEvent | DigitPredictionEvent } {
  const name = messages.cameraPreviewLabel;
  if (live.reading) {
    const { reading } = live;
    return {
      announcement: format(reading.uncertain ? messages.announceNumberUncertain : messages.announceNumber, {
        number: reading.text,
        percent: percent(reading.confidence),
        name,
      }),
      event: new DigitNumberEvent({ reading: copyReading(reading), file: null, source: 'camera' }),
    };
  }
  const { digit, confidence, probabilities, uncertain } = live.prediction;
  return {
    announcement: format(uncertain ? messages.announceUncertain : messages.announceResult, {
      digit,
      percent: percent(confidence),
      name,
    }),
    event: new DigitPredictionEvent({
      digit,
      confidence,
      probabilities: [...probabilities],
      uncertain,
      file: null,
      source: 'camera',
    }),
  };
}

/** The announcement and event for `outcome`, the end of `card`'s run. */
export function reportCard(
  card: Card,
  outcome: CardOutcome,
  messages: DigitRecognizerMessages,
  errorText: (error: DigitRecognizerError) => string,
): CardReport {
  if (outcome.reading) {
    const { reading } = outcome;
    return {
      announcement: format(reading.uncertain ? messages.announceNumberUncertain : messages.announceNumber, {
        number: reading.text,
        percent: percent(reading.confidence),
        name: card.name,
      }),
      event: new DigitNumberEvent({ reading: copyReading(reading), file: card.file, source: card.kind }),
    };
  }
  if (outcome.prediction) {
    const { prediction } = outcome;
    return {
      announcement: format(prediction.uncertain ? messages.announceUncertain : messages.announceResult, {
        digit: prediction.digit,
        percent: percent(prediction.confidence),
        name: card.name,
      }),
      event: new DigitPredictionEvent({
        digit: prediction.digit,
        confidence: prediction.confidence,
        probabilities: [...prediction.probabilities],
        uncertain: prediction.uncertain,
        file: card.file,
        source: card.kind,
      }),
    };
  }
  const { error } = outcome;
  return {
    announcement:
      error.code === 'EMPTY_IMAGE'
        ? format(messages.announceNoDigit, { name: card.name })
        : `${card.name}: ${errorText(error)}`,
    event: new DigitErrorEvent({ error, file: card.file, source: card.kind }),
  };
}
