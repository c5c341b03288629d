/**
 * The element's attributes as the element uses them: an unknown mode is `both`, a number that
 * makes no sense falls back to its default, a threshold is kept within 0–1, and `multiple` and
 * `max-files` say which of the images an intake brings are taken.
 */
import type { ShowProbabilities } from './card-view.js';
import { format, type DigitRecognizerMessages } from './messages.js';

/**
 * What the element reads and how images come in:
 * - `upload`: one digit per image, from the picker, drop or paste;
 * - `draw`: one digit, from the drawing pad;
 * - `both`: one digit, from either;
 * - `number`: a whole number per image (a postal code, a meter reading), read digit by digit
 *   with `readNumber()`, from the picker, drop, paste or a wide drawing pad.
 */
export type DigitRecognizerMode = 'upload' | 'draw' | 'both' | 'number';

export const DEFAULT_MAX_FILES = 12;
export const DEFAULT_UNCERTAIN_BELOW = 0.7;
export const DEFAULT_DRAW_DEBOUNCE = 300;

export function modeOf(value: unknown): DigitRecognizerMode {
  return value === 'upload' || value === 'draw' || value === 'number' ? value : 'both';
}

export function showProbabilitiesOf(value: unknown): ShowProbabilities {
  return value === 'all' || value === 'none' ? value : 'top3';
}

/** At least 1 whole file; the default otherwise. */
export function maxFilesOf(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) && number >= 1 ? Math.floor(number) : DEFAULT_MAX_FILES;
}

/** Within 0–1; the default when not a number. */
export function uncertainBelowOf(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(1, Math.max(0, number)) : DEFAULT_UNCERTAIN_BELOW;
}

/** Milliseconds, 0 or more; the default otherwise. */
export function drawDebounceOf(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : DEFAULT_DRAW_DEBOUNCE;
}

/** The images an intake may add, and what to tell the user about the rest. */
export interface AdmittedImages {
  images: Blob[];
  /** Why some were left out ("only one image", "at most N"); `''` when none were. */
  notice: string;
}

/**
 * The images of `files` the element takes: without `multiple` the first one (it replaces what
 * was there); with it, as many as `max-files` leaves room for. Null when none is an image.
 */
export function admitImages(
  files: Iterable<File | Blob>,
  { multiple, maxFiles, fileCards }: { multiple: boolean; maxFiles: unknown; fileCards: number },
  messages: Pick<DigitRecognizerMessages, 'onlyOneFile' | 'tooManyFiles'>,
): AdmittedImages | null {
  const images = Array.from(files).filter((file): file is Blob => file instanceof Blob);
  if (images.length === 0) return null;
  if (!multiple) return { images: images.slice(0, 1), notice: images.length > 1 ? messages.onlyOneFile : '' };
  const max = maxFilesOf(maxFiles);
  const room = Math.max(0, max - fileCards);
  if (images.length <= room) return { images, notice: '' };
  return {
    images: images.slice(0, room),
    notice: format(messages.tooManyFiles, { max, count: images.length - room }),
  };
}
