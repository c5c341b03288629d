/**
 * `readNumber(…, { lines: true })`: every line of digits in the image, looked for on a copy drawn
 * larger than the first look's, most prominent first.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Component } from '../preprocess/components.js';
import type { Decoded } from '../preprocess/decode.js';
import { WORKING_SIDE } from '../preprocess/luminance.js';
import { digitMarks, mostProminentLine } from './find-line.js';
import { firstLook, lookPastRules, type Look, type LookOptions } from './first-look.js';
import { lineHeight } from './segment.js';

/** With `lines: true`, a line is read when its digits are at least this share of the number's height… */
const OTHER_LINE_SIZE = 0.5;
/** …and it holds at least this many digit-like marks. */
const OTHER_LINE_MARKS = 0.8;
/** At most this many lines are read: a page of text is no table of numbers. */
const MAX_LINES = 40;

/**
 * The lines of `strokes` that may be numbers, most prominent first: digit-sized marks, not
 * printed text far smaller than the most prominent line's digits.
 */
export function numberLines(strokes: Component[]): Component[][] {
  const lines: Component[][] = [];
  let size = 0;
  let rest = strokes;
  while (rest.length > 0 && lines.length < MAX_LINES) {
    const next = mostProminentLine(rest, { strays: false });
    rest = rest.filter((c) => !next.includes(c));
    size ||= lineHeight(next);
    // (Marks that all touch the photo's edge are its dark corners or the desk, no number.)
    const framed = next.every((c) => c.touchesBorder);
    if (lineHeight(next) >= OTHER_LINE_SIZE * size && digitMarks(next) >= OTHER_LINE_MARKS && !framed) lines.push(next);
  }
  return lines;
}

/**
 * Longest side of the copy every line is looked for on, drawn again from the full image (and, as
 * every look, measured at the working size): thin pens on a big photo fade in a copy drawn at the
 * first look's size (the real sheets of scripts/bench/real-photos.ts: 28 of 52 lines read with
 * a copy drawn at 320 px, 34 at 640, 34 at 960).
 */
const LINES_SIDE = 2 * WORKING_SIDE;

/**
 * The image's strokes seen at {@link LINES_SIDE} (or at full size when smaller), past a ruled
 * sheet's rules as the first look, each stroke measured against the ink near it (see
 * local-contrast.ts: a row written lighter than the others is read whole); `ruled` when its
 * rules had to be erased. `first` (and `ruled`) when nothing is seen.
 */
export function linesLook(
  decoded: Decoded,
  first: Look,
  ruled: boolean,
  known: LookOptions,
): { look: Look; ruled: boolean } {
  const { sourceWidth: width, sourceHeight: height } = decoded;
  const whole = !decoded.detail || first.analysis.scale <= 1.01;
  try {
    const luminance = whole ? decoded.luminance : decoded.detail!({ x: 0, y: 0, width, height }, LINES_SIDE);
    const seen = firstLook(luminance, { ...known, localContrast: true });
    const look = lookPastRules(luminance, seen, { ...known, localContrast: true });
    return { look, ruled: look !== seen };
  } catch (error) {
    if (error instanceof DigitRecognizerError) return { look: first, ruled };
    throw error;
  }
}
