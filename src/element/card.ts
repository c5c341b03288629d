/** One result card of `<digit-recognizer>`: an image, its reading and where the run stands. */
import type { DigitRecognizerError, NumberReading, Prediction, Preprocessed } from '../index.js';
import type { DigitSource } from './events.js';

/** State of one result card. */
export type DigitCardState = 'pending' | 'result' | 'uncertain' | 'not-a-digit' | 'no-digit' | 'error';

/** A card's image, what was read from it, and the bookkeeping of its runs. */
export interface Card {
  readonly id: number;
  /** Where the image came from. */
  readonly kind: DigitSource;
  /** The image file (a camera frame kept as a JPEG), or null for the drawing. */
  readonly file: File | null;
  readonly name: string;
  /** What is classified: the file, or a snapshot of the pad. */
  input: Blob | ImageData;
  /** Object URL of the preview; null for drawings and while disconnected. */
  url: string | null;
  /** True when the browser couldn't show the preview (not an image). */
  previewFailed: boolean;
  status: 'pending' | 'complete' | 'empty' | 'error';
  /** The digit read (digit modes); null otherwise. */
  prediction: Prediction | null;
  /** The number read (`mode="number"`); null otherwise. */
  reading: NumberReading | null;
  /** Size of the input in pixels (the preview's natural size), once known: scales the digit boxes. */
  size: { width: number; height: number } | null;
  error: DigitRecognizerError | null;
  /** The image as the model saw it (its 28×28 `pixels`), kept to re-judge uncertainty. */
  preprocessed: Preprocessed | null;
  /** Aborts the current run; each run has its own. */
  controller: AbortController | null;
  /** Increases with every run; only the latest run may paint its result. */
  run: number;
  /** Increases with every quiet re-judgement; only the latest may paint its result. */
  rejudge: number;
}

let nextCardId = 1;

/** A new card for `input`, waiting to be read. */
export function pendingCard(source: Pick<Card, 'kind' | 'file' | 'name' | 'input' | 'url'>): Card {
  return {
    id: nextCardId++,
    ...source,
    previewFailed: false,
    status: 'pending',
    prediction: null,
    reading: null,
    size: null,
    error: null,
    preprocessed: null,
    controller: null,
    run: 0,
    rejudge: 0,
  };
}

/**
 * A new card for an image file (a Blob without a name gets `unnamed`), waiting to be read; its
 * preview URL is made only when `preview` is true (the element is on the page).
 */
export function fileCard(blob: Blob, kind: DigitSource, unnamed: string, preview: boolean): Card {
  const file = blob instanceof File ? blob : new File([blob], unnamed, { type: blob.type, lastModified: Date.now() });
  const url = preview ? URL.createObjectURL(file) : null;
  return pendingCard({ kind, file, name: file.name || unnamed, input: file, url });
}

/** What a card shows, as its `data-state`. */
export function cardState(card: Card): DigitCardState {
  switch (card.status) {
    case 'pending':
      return 'pending';
    case 'empty':
      return 'no-digit';
    case 'error':
      return 'error';
    case 'complete':
      if (card.prediction?.reason === 'not-a-digit') return 'not-a-digit';
      return card.prediction?.uncertain || card.reading?.uncertain ? 'uncertain' : 'result';
  }
}
