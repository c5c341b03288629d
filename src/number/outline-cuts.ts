/**
 * Does a surface's outline cut through the writing? A note's edge never does: the digits on it
 * lie wholly inside. When the outline the sheet finder fitted cuts a digit, or runs between two
 * digits of a line over paper, it is no note's edge (a shadow's, a light patch of a cheque's
 * pattern, a quadrilateral fitted across a sheet held askew), and the whole image is read instead
 * (see first-look.ts).
 */
import { boxWithin, sideGap, type Component } from '../preprocess/components.js';
import type { Luminance } from '../preprocess/luminance.js';
import { surfaceSpans } from '../preprocess/surface.js';
import { digitMarks } from './find-line.js';
import type { Look } from './first-look.js';
import { lineHeight } from './segment.js';

/** The paper behind two groups of marks differs by at most this much (0–1) when it is one sheet… */
const PAPER_STEP = 0.04;
/** …and the ink beyond is at most this much lighter when it is the same pen's (a note's edge is far fainter). */
const PEN_STEP = 0.15;

/**
 * The median brightness in the marks' boxes of their ink (`ink`) or of what is not ink behind
 * them (`labels`: the ink's mark of each pixel, 0 none).
 */
function toneOf(marks: Component[], luminance: Luminance, labels: Int32Array, ink: boolean): number | null {
  const { width, values } = luminance;
  const seen: number[] = [];
  for (const { id, box } of marks) {
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        const label = labels[y * width + x];
        if (ink ? label === id : label === 0) seen.push(values[y * width + x]!);
      }
    }
  }
  if (seen.length === 0) return null;
  seen.sort((a, b) => a - b);
  return seen[Math.floor(seen.length / 2)]!;
}

/**
 * Is the paper behind the marks `outside` a surface's outline the paper behind the marks `inside`
 * it, and their ink the same pen's? A note's edge is a step from paper to desk; an outline
 * fitted across a sheet runs over paper, the writing going on past it. (A note on a sheet of the
 * same paper: the note's own edge beside the number, a faint line, is no pen's.) `labels` label
 * the ink of `luminance` (a look at the whole image, the same size).
 */
function paperContinues(inside: Component[], outside: Component[], luminance: Luminance, labels: Int32Array): boolean {
  if (labels.length !== luminance.width * luminance.height) return false;
  const paper = toneOf(inside, luminance, labels, false);
  const paperBeyond = toneOf(outside, luminance, labels, false);
  const pen = toneOf(inside, luminance, labels, true);
  const penBeyond = toneOf(outside, luminance, labels, true);
  return (
    paper !== null &&
    paperBeyond !== null &&
    pen !== null &&
    penBeyond !== null &&
    Math.abs(paper - paperBeyond) <= PAPER_STEP &&
    penBeyond <= pen + PEN_STEP
  );
}

/** A line of the whole image with at least this many digit marks… */
const CUT_LINE_MARKS = 2.5;
/** …at least this many of them on each side of a surface's outline, crosses it. */
const CUT_SIDE_MARKS = 0.8;

/** …counting a mark as on the surface when this share of its ink lies inside the outline. */
const TOUCHING_SHARE = 0.2;

/** …and, outside it, marks at least this wide for their height. */
const WIDE_MARK = 0.4;

/** …as tall as the digits on the surface give or take this factor… */
const SIDE_HEIGHT = 0.6;
/** …when the surface's own line holds at most this share of the whole line's digit marks. */
const SEEN_SHARE = 0.6;
/**
 * An outline that runs between two digits of the line, not through one, crosses it when the
 * paper goes on past it (see {@link paperContinues}), a digit mark lies within this many line
 * heights of one inside…
 */
const BESIDE = 1;
/** …and the surface's own line holds at most this share of the whole line's digit marks. */
const BETWEEN_SEEN_SHARE = 0.85;

/**
 * Does the outline of `seen`'s surface (its best line: `seenLine`) run through the whole image's
 * best `line` of digits, with digits on both sides of it? A note's edge never cuts through what
 * is written on it: that "surface" is a light patch of a printed pattern (a cheque's guilloche)
 * that happens to be framed by darker print, and more of the line is read without it. Tuned on
 * validation numbers (MNIST training digits, 300 of each kind): cheque amounts 72.3 → 72.7%
 * exact, boxed forms, numbers on a page and 200 numbers on desks unchanged; the first try (any
 * digits on both sides of the outline) took numbers on desks 86.0 → 77.5%: a desk's grain and
 * the note's own edge line up with the number outside the note, hence a digit the outline cuts,
 * and digit-sized marks beside it.
 *
 * Or the outline runs between two digits, over paper: a quadrilateral fitted across a sheet held
 * askew ended between the "3" and the "7" of "193370" ("1933", silently). Digits on both sides,
 * one outside beside one inside, the paper behind those outside as light as behind those inside
 * (a note's edge is a step to the desk), and their ink as dark (the same pen). Validation (MNIST
 * training digits, 400 each, `npx tsx scripts/bench/real-numbers.ts --split=validation
 * --count=400 --src`): sheets askew 336 → 338 exact; cheques, boxed forms, pages and 1,300
 * numbers on desks the same.
 */
export function cutsThrough(
  luminance: Luminance,
  seen: Look,
  seenLine: Component[],
  whole: Look,
  line: Component[],
): boolean {
  if (digitMarks(line) < CUT_LINE_MARKS) return false;
  const { width, labels } = whole.analysis;
  const spans = surfaceSpans(seen.analysis.surface!, width, whole.analysis.height);
  // The share of a mark's ink inside the outline.
  const shareInside = ({ id, box }: Component): number => {
    let within = 0;
    let all = 0;
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        if (labels[y * width + x] !== id) continue;
        all++;
        if (x >= spans.from[y]! && x < spans.to[y]!) within++;
      }
    }
    return within / Math.max(1, all);
  };
  const shares = new Map(line.map((c) => [c, shareInside(c)]));
  // A good part of a mark's ink inside the outline: it is (partly) written on the surface.
  const within = line.filter((c) => shares.get(c)! >= TOUCHING_SHARE);
  // One of them runs out of it: the outline cuts a digit.
  const across = within.some((c) => shares.get(c)! <= 1 - TOUCHING_SHARE);
  // Beside it, digits as wide as a 0 or a 4: the thin pieces of a note's own edge do not count.
  const tall = lineHeight(within);
  const without = line.filter(
    (c) =>
      !within.includes(c) &&
      c.box.width >= WIDE_MARK * c.box.height &&
      c.box.height >= SIDE_HEIGHT * tall &&
      c.box.height <= tall / SIDE_HEIGHT,
  );
  const sides = digitMarks(within) >= CUT_SIDE_MARKS && digitMarks(without) >= CUT_SIDE_MARKS;
  if (across) return sides && digitMarks(seenLine) <= SEEN_SHARE * digitMarks(line);
  // No digit cut: the outline runs between two digits of the line, over paper.
  const next = without.filter((c) => within.some((w) => sideGap(c.box, w.box) <= BESIDE * tall));
  return (
    sides &&
    digitMarks(next) >= CUT_SIDE_MARKS &&
    digitMarks(seenLine) <= BETWEEN_SEEN_SHARE * digitMarks(line) &&
    paperContinues(within, without, luminance, whole.analysis.labels)
  );
}

/** A mark of the surface's line that its outline cut runs on at least this many times as tall read whole… */
const CUT_TALLER = 1.5;
/** …yet at most this many times as tall as the line (a shape of the desk is no digit's body)… */
const CUT_AT_MOST = 3;
/** …and the outline cut at least this share of the line's marks… */
const CUT_SHARE = 0.5;
/** …and at least this many of them (one cut mark is more often an edge than a digit)… */
const CUT_MARKS = 2;
/** …unless the one mark, read whole, is a digit: this close to the line's height, and no wider. */
const WHOLE_DIGIT = 1.3;

/**
 * Did the surface's outline cut through the digits of its line (`seenLine`), the whole image
 * (`plain`) showing each of them run on past it? A shadow across a note was taken for its edge:
 * the digits' tops were read in the light, their bodies lost in the shade. Validation: 900
 * numbers on desks 812 → 813 read exactly (that one; without the upper bound, a number near a
 * note's edge, inside a big shape of the desk read whole, was lost: 523336 read "13"); cheques,
 * boxed forms, pages, sheets askew and composed numbers the same (with one cut mark enough, a
 * sheet's edge turned level was taken for a digit: a sheet askew, 55043, read "11").
 *
 * One cut mark is enough when, read whole, it is one digit of the line (as tall as its digits,
 * no wider): a white note's outline on a white table, traced through the soft light, cut
 * through the last digit of "30149" ("3014") or the first of "0777" ("777"). Validation
 * (`npx tsx scripts/bench/desk-node.ts DIR --number --browser-like`, the 1,300 numbers on desks
 * of the four validation dumps): 1189 → 1191 read exactly; cheques, boxed forms, pages and
 * sheets askew (400 each) the same.
 */
export function cutByOutline(seenLine: Component[], plain: Look): boolean {
  const height = lineHeight(seenLine);
  const tallest = CUT_AT_MOST * height;
  const wholes = seenLine.flatMap((c) => {
    if (!c.touchesBorder) return [];
    const whole = plain.strokes.find(
      (p) => boxWithin(c.box, p.box) && p.box.height >= CUT_TALLER * c.box.height && p.box.height <= tallest,
    );
    return whole ? [whole] : [];
  });
  const wholeDigit = ({ box }: Component): boolean =>
    box.height <= WHOLE_DIGIT * height && box.height * WHOLE_DIGIT >= height && box.width <= WHOLE_DIGIT * height;
  if (digitMarks(seenLine) >= 2 && wholes.some(wholeDigit)) return true;
  return wholes.length >= CUT_MARKS && wholes.length >= CUT_SHARE * seenLine.length;
}
