/**
 * Segmentation of a handwritten line of digits into one group of strokes per digit: drops
 * specks, underlines and page borders, merges the pieces of one digit (a 5 whose bar floats,
 * a 4 drawn in two strokes), and finds the columns where touching digits may be cut.
 */
import { isThinPiece, sideGap, type Component } from '../preprocess/components.js';
import type { Box } from '../preprocess/mnist-normalize.js';
import type { InkAnalysis } from '../preprocess/pipeline.js';
import { digitMarks, strokeLines } from './find-line.js';
import { deepestByLabel, distanceToBackground, inkMask } from './pattern-suppression.js';

/** The strokes of one digit: component ids, optionally limited to columns [fromX, toX). */
export interface DigitGroup {
  ids: Set<number>;
  fromX: number;
  toX: number;
  box: Box;
}

/** The middle value (the upper of the middle two), 0 when there are none. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Typical digit height on the line: the median height of the substantial strokes. */
export function lineHeight(components: Component[]): number {
  const biggest = components.reduce((m, c) => Math.max(m, c.area), 0);
  return median(components.filter((c) => c.area >= 0.15 * biggest).map((c) => c.box.height));
}

/** A mark no taller than this share of the line's height is a hairline (a rule's remains). */
const HAIRLINE = 0.06;

/**
 * Read without a surface, a mark this many times as deep (distance to the paper) as the typical
 * mark inside the photo…
 */
const SOLID_DEPTH = 2.2;
/**
 * …and this many times as long as they are tall is no pen stroke: it is the desk around a note
 * the surface finder missed (a note touching a white wall behind it, or running off the photo).
 */
const SOLID_EXTENT = 1.5;
/**
 * Away from the photo's edges, only when it is this many times as long as they are tall (a bold
 * digit may be half as tall again as its neighbours)…
 */
const SOLID_EXTENT_INSIDE = 2.5;
/** …and fills at least this share of its box (a printed grid with a digit run into it is open). */
const SOLID_FILL = 0.4;

/**
 * `strokes` without the regions of desk among them (see `SOLID_DEPTH`). Validation (MNIST
 * training digits): numbers on desks 86.5 → 87.5% (200), cheque amounts, boxed forms and numbers
 * on a page (300 each) read the same, to the digit.
 */
function withoutSolidRegions(analysis: InkAnalysis, strokes: Component[]): Component[] {
  const inside = strokes.filter((c) => !c.touchesBorder);
  const height = lineHeight(inside);
  const long = (c: Component): boolean =>
    c.touchesBorder
      ? Math.max(c.box.width, c.box.height) >= SOLID_EXTENT * height
      : Math.max(c.box.width, c.box.height) >= SOLID_EXTENT_INSIDE * height &&
        c.area >= SOLID_FILL * c.box.width * c.box.height;
  // The typical mark: of the substantial marks inside the photo (not its specks), the middle one,
  // or the shallower of the middle two.
  const inner = inside.filter((c) => c.box.height >= 0.5 * height);
  if (inner.length === 0 || !strokes.some(long)) return strokes;
  const { labels, width: imageWidth, height: imageHeight } = analysis;
  const deepest = deepestByLabel(labels, distanceToBackground(inkMask(labels), imageWidth, imageHeight));
  const typical = inner.map((c) => deepest[c.id]!).sort((a, b) => a - b)[(inner.length - 1) >> 1]!;
  return strokes.filter((c) => !(long(c) && deepest[c.id]! >= SOLID_DEPTH * typical));
}

/** On a surface, the marks clear of its outline must hold a line of at least this many digit marks… */
const OUTLINE_LINE_MARKS = 2;

/**
 * `strokes` of a surface without the pieces its outline cuts off that are far taller than the
 * digits inside it (`SOLID_EXTENT` times; a wide one may be digits the outline cuts through):
 * the desk between a note and the sheet under it when the outline took in both, a pen at the
 * note's corner. As the tallest marks they would set the line's height, the digits beside them
 * would be specks, and a lone piece of desk would be read as a 1 ("5535" on a sticky note read
 * "1"). Validation (MNIST training digits, `desk-node.ts --browser-like`): 1,300 numbers on desks
 * 1180 → 1186 read exactly; cheques, boxed forms, pages, sheets askew (400 each) and composed
 * numbers read the same (two sheets askew read wrong as before, no longer uncertain).
 */
function withoutOutlinePieces(strokes: Component[]): Component[] {
  const inside = strokes.filter((c) => !c.touchesBorder);
  if (inside.length === strokes.length) return strokes;
  const line = strokeLines(inside)[0]?.strokes ?? [];
  if (digitMarks(line) < OUTLINE_LINE_MARKS) return strokes;
  const height = lineHeight(line);
  return strokes.filter((c) => !(c.touchesBorder && c.box.height >= SOLID_EXTENT * height));
}

/**
 * Read without a surface, a thin piece or an outline (ink on at most `OUTLINE_FILL` of its box)
 * at least `EDGE_HEIGHT` of the photo's height tall, and `EDGE_TALLER` times as tall as the other
 * marks, is no pen stroke: a page's edge. (A form's boxes and rules are no taller than its line.)
 */
const EDGE_HEIGHT = 0.3;
const EDGE_TALLER = 3;
const OUTLINE_FILL = 0.06;
/** …and only beside two or more marks at least this share of the photo's height tall. */
const EDGE_MARKS = 0.04;
/** Only in a photo less than this many times as long as it is wide (as closer-look.ts's FIELD_ASPECT). */
const EDGE_SCENE_ASPECT = 2;

/**
 * The edges of a page or a note the surface finder missed, inside the photo (a sheet on a white
 * table shows a thin dark rim, whole or in pieces; see `EDGE_HEIGHT`). As the tallest marks, they
 * would set the line's height, and the digits beside them would be specks.
 */
function pageEdges(components: Component[], imageHeight: number): Component[] {
  const outline = (c: Component): boolean => c.area <= OUTLINE_FILL * c.box.width * c.box.height;
  const tall = components.filter((c) => (isThinPiece(c) || outline(c)) && c.box.height >= EDGE_HEIGHT * imageHeight);
  if (tall.length === 0) return tall;
  const others = components.filter((c) => !tall.includes(c));
  const marks = lineHeight(others);
  // The marks beside it must be writing, not a few specks beside one tall bar (a 1 drawn big).
  const writing = marks >= EDGE_MARKS * imageHeight && others.filter((c) => c.box.height >= 0.5 * marks).length >= 2;
  return writing ? tall.filter((c) => c.box.height >= EDGE_TALLER * marks) : [];
}

/**
 * The components that are ink of the digits: no specks, underlines, page borders or desk. Specks
 * are judged by the line's height, measured on the strokes, or `lineHeightAtMost` when that is
 * smaller: the height of the line being read, when it is known (see read-number.ts's
 * `withoutPrint`).
 */
export function digitStrokes(analysis: InkAnalysis, lineHeightAtMost = Infinity): Component[] {
  const { width, height } = analysis.page;
  const onSurface = analysis.surface !== null || analysis.withinOutline === true;
  const isFrame = (c: Component): boolean =>
    c.touchesBorder && (c.box.width > 0.9 * width || c.box.height > 0.9 * height || (onSurface && isThinPiece(c)));
  const notFrames = analysis.components.filter((c) => !isFrame(c));
  // (A field cut out on its own, as long as a line, has no page around it.)
  const scene =
    Math.max(analysis.width, analysis.height) < EDGE_SCENE_ASPECT * Math.min(analysis.width, analysis.height);
  const edges = onSurface || !scene ? [] : pageEdges(notFrames, analysis.height);
  const unframed = edges.length > 0 ? notFrames.filter((c) => !edges.includes(c)) : notFrames;
  const candidates = !onSurface
    ? withoutSolidRegions(analysis, unframed)
    : analysis.surface
      ? withoutOutlinePieces(unframed)
      : unframed;
  const h = Math.min(lineHeight(candidates), lineHeightAtMost);
  if (h === 0) return [];
  const centres = median(candidates.filter((c) => c.box.height >= 0.5 * h).map((c) => c.box.y + c.box.height / 2));
  return candidates.filter((c) => {
    const { box } = c;
    // Small, or a hairline: a stroke of a digit has an area of a third of h² or so.
    // A flat dash a pixel or two high is what a rule left between the digits, not a pen stroke.
    const speck =
      (box.width < 0.2 * h && box.height < 0.2 * h) ||
      c.area < 0.015 * h * h ||
      box.height <= HAIRLINE * h ||
      // …and a pixel-wide line taller than the digits is a piece of a rule down the page (a margin).
      (box.width <= Math.max(1, HAIRLINE * h) && box.height > 1.5 * h);
    const underline = box.width >= 1.2 * h && box.height <= 0.35 * h && box.y > centres;
    return !speck && !underline;
  });
}

/** One group of both `a`'s and `b`'s strokes. */
export function merge(a: DigitGroup, b: DigitGroup): DigitGroup {
  const box = union(a.box, b.box);
  return { ids: new Set([...a.ids, ...b.ids]), fromX: box.x, toX: box.x + box.width, box };
}

/**
 * A flat piece (at most this share of the line tall) above the middle of the digit beside it,
 * the floating bar of a 5, may reach `FLOATING_BAR_WIDTH` line heights past it (a bar drawn
 * apart and far to the right was a mark of its own, and the 5's body read as a 3). One along a
 * digit's foot, twice as wide as tall, is what a ruled line left there: dropped (joined, a 4 read
 * as a 9; alone, it was read as a 2). Validation numbers on a page (MNIST training digits, 400):
 * 90.3 → 91.0% exact; cheque amounts 84.3 → 84.5%; boxed forms, sheets askew, composed numbers
 * and 900 numbers on desks the same.
 */
const FLAT = 0.35;
const FLOATING_BAR_WIDTH = 1.6;

/** Is `piece` a flat bar floating over the top half of `digit`? */
function floatsAbove(piece: DigitGroup, digit: DigitGroup, lineHeight: number): boolean {
  return piece.box.height <= FLAT * lineHeight && piece.box.y + piece.box.height <= digit.box.y + digit.box.height / 2;
}

/** Is `piece` a flat mark (twice as wide as tall) along the foot of `digit`, what a rule left beside it? */
function liesAlongFoot(piece: DigitGroup, digit: DigitGroup, lineHeight: number): boolean {
  const { box } = piece;
  return (
    box.height <= FLAT * lineHeight && box.width >= 2 * box.height && box.y >= digit.box.y + (2 / 3) * digit.box.height
  );
}

/**
 * Joins a short piece (shorter than 70% of the line) to the neighbour it almost touches, when
 * the two together are still no wider than a digit (a 5's floating bar may reach further): the
 * detached bar of a 5, the stem of a 4. A flat mark along a neighbour's foot is dropped instead.
 */
function attachPieces(groups: DigitGroup[], lineHeight: number): DigitGroup[] {
  const result = groups.slice();
  for (let i = 0; i < result.length; i++) {
    const piece = result[i]!;
    if (piece.box.height >= 0.7 * lineHeight) continue;
    const gapTo = (other: DigitGroup | undefined): number => (!other ? Infinity : sideGap(other.box, piece.box));
    const options = [i - 1, i + 1]
      .filter((j) => j >= 0 && j < result.length)
      .map((j) => ({
        j,
        gap: gapTo(result[j]),
        merged: merge(piece, result[j]!),
        foot: liesAlongFoot(piece, result[j]!, lineHeight),
      }))
      .filter(
        (o) =>
          o.gap < 0.25 * lineHeight &&
          (o.foot ||
            (o.merged.box.width <=
              (floatsAbove(piece, result[o.j]!, lineHeight) ? FLOATING_BAR_WIDTH : 1.2) * lineHeight &&
              // A mark well above or below the digit (a speck, a stray dot) is no part of it.
              o.merged.box.height <= 1.3 * Math.max(lineHeight, result[o.j]!.box.height))),
      )
      .sort((a, b) => a.gap - b.gap);
    const best = options[0];
    if (!best) continue;
    // A flat mark along a digit's foot is what a rule left beside it: no part of any digit.
    if (!best.foot) result[best.j] = best.merged;
    result.splice(i, 1);
    i = -1;
  }
  return result;
}

/** Groups strokes that overlap horizontally into one digit each, left to right. */
export function groupStrokes(strokes: Component[]): DigitGroup[] {
  return attachPieces(overlapGroups(strokes), lineHeight(strokes));
}

function overlapGroups(strokes: Component[]): DigitGroup[] {
  const sorted = strokes.slice().sort((a, b) => a.box.x + a.box.width / 2 - (b.box.x + b.box.width / 2));
  const groups: DigitGroup[] = [];
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last) {
      const overlap = Math.min(last.box.x + last.box.width, c.box.x + c.box.width) - Math.max(last.box.x, c.box.x);
      if (overlap >= 0.5 * Math.min(last.box.width, c.box.width)) {
        last.ids.add(c.id);
        last.box = union(last.box, c.box);
        last.fromX = last.box.x;
        last.toX = last.box.x + last.box.width;
        continue;
      }
    }
    groups.push({ ids: new Set([c.id]), fromX: c.box.x, toX: c.box.x + c.box.width, box: { ...c.box } });
  }
  return groups;
}

/** Groups narrower than this share of the line height are never cut (a "1" is not two digits). */
export const MIN_CUT_WIDTH = 0.3;

/** Where a narrow digit touching a wide one is looked for: near the group's ends. */
const EDGE_ZONES: ReadonlyArray<[number, number]> = [
  [0.08, 0.19],
  [0.81, 0.92],
];

/**
 * Candidate columns to cut a group that may hold touching digits: the lowest points of its
 * vertical ink profile in its middle 60% (at most `count`, spread apart), and the lowest point
 * near each end.
 */
export function cutCandidates(analysis: InkAnalysis, group: DigitGroup, count = 6): number[] {
  const { width, labels } = analysis;
  const { box } = group;
  const profile: number[] = [];
  for (let x = group.fromX; x < group.toX; x++) {
    let n = 0;
    for (let y = box.y; y < box.y + box.height; y++) if (group.ids.has(labels[y * width + x]!)) n++;
    profile.push(n);
  }
  const span = group.toX - group.fromX;
  const lowest = (from: number, to: number): number[] => {
    const columns = [];
    for (let i = Math.round(from * span); i <= Math.round(to * span); i++) columns.push(i);
    return columns.sort((a, b) => profile[a]! - profile[b]! || Math.abs(a - span / 2) - Math.abs(b - span / 2));
  };
  const chosen: number[] = [];
  for (const c of lowest(0.2, 0.8)) {
    if (chosen.every((d) => Math.abs(d - c) >= Math.max(2, 0.08 * span))) chosen.push(c);
    if (chosen.length === count) break;
  }
  // A narrow digit at either end (a "1" touching a "5") is cut off near the edge.
  for (const [from, to] of EDGE_ZONES) {
    const c = lowest(from, to)[0];
    if (c !== undefined && chosen.every((d) => Math.abs(d - c) >= 2)) chosen.push(c);
  }
  return chosen.map((c) => group.fromX + c);
}

/** The two sides of a cut, each limited to its columns. */
export function splitAt(group: DigitGroup, column: number): [DigitGroup, DigitGroup] {
  const left = { ...group, ids: group.ids, toX: column, box: { ...group.box, width: column - group.box.x } };
  const right = {
    ...group,
    ids: group.ids,
    fromX: column,
    box: { ...group.box, x: column, width: group.box.x + group.box.width - column },
  };
  return [left, right];
}
