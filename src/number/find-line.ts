/**
 * Finding the number on a page: the strokes are grouped into lines (side by side, overlapping
 * in height), and the most prominent line of digit-sized marks is the one read. Printed text is
 * small, a signature is one long scribble, a date in the corner is shorter and smaller than the
 * number; a number written on a note or in a field is its only line, and is read whole.
 */
import { sideGap, type Component } from '../preprocess/components.js';

/** A line of strokes on the page. */
export interface StrokeLine {
  strokes: Component[];
  /** How prominent the line is: its marks' typical height², times how many digit-like marks it has. */
  score: number;
}

/** A stroke joins a line when it overlaps the line's height by this share of the smaller… */
const OVERLAP = 0.5;
/** …and lies within this many line heights of the line's ends. */
const REACH = 2.5;
/** A mark counts fully towards a line's prominence up to this width, in its heights (one digit's). */
const DIGIT_ASPECT = 1.2;
/** A line with this share of all the ink is read with every stroke. */
const ALL_INK = 0.8;
/** A stroke off the line goes with it when within this many line heights above or below it. */
const STRAY_REACH = 1.5;
/** …and, when it is wholly above or below the line, not past either end by more than this (line heights). */
const STRAY_ENDS = 0.3;
/** Marks beyond this many (a long number's) add nothing: a paragraph is not more prominent for its length. */
const MAX_MARKS = 10;

/** Another line on the best one's row overlaps its height by this share of the smaller… */
const SAME_ROW = 0.5;
/** …and has marks within this factor of its marks' height: it is more of the same number. */
const SAME_SIZE = 1.4;

function medianHeight(strokes: Component[]): number {
  const heights = strokes.map((c) => c.box.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}

function bandOf(strokes: Component[]): { top: number; bottom: number } {
  return {
    top: Math.min(...strokes.map((c) => c.box.y)),
    bottom: Math.max(...strokes.map((c) => c.box.y + c.box.height)),
  };
}

function verticalOverlap(a: Component, top: number, bottom: number): number {
  return Math.min(a.box.y + a.box.height, bottom) - Math.max(a.box.y, top);
}

/**
 * How many digits' worth of marks `strokes` hold: each counts once, a wide one (a scribble, a
 * word) less.
 */
export function digitMarks(strokes: Component[]): number {
  return strokes.reduce((s, c) => s + Math.min(1, (DIGIT_ASPECT * c.box.height) / Math.max(1e-6, c.box.width)), 0);
}

/**
 * Does `c` overlap in height, by {@link OVERLAP} of the smaller, the digit-sized member of the
 * line nearest to it? On a tilted line the last digit may be well below the band of the first
 * ones, yet level with its neighbour.
 */
function besideNeighbour(c: Component, members: Component[], height: number): boolean {
  let nearest: Component | null = null;
  let nearestGap = Infinity;
  for (const m of members) {
    if (m.box.height < 0.5 * height) continue;
    const gap = sideGap(c.box, m.box);
    if (gap < nearestGap) {
      nearestGap = gap;
      nearest = m;
    }
  }
  if (!nearest || nearestGap > REACH * height) return false;
  const overlap = verticalOverlap(c, nearest.box.y, nearest.box.y + nearest.box.height);
  return overlap >= OVERLAP * Math.min(c.box.height, nearest.box.height);
}

/** Groups `strokes` into lines, tallest strokes first, each with its prominence. */
export function strokeLines(strokes: Component[]): StrokeLine[] {
  const order = strokes.slice().sort((a, b) => b.box.height - a.box.height);
  const taken = new Set<number>();
  const lines: StrokeLine[] = [];
  for (const seed of order) {
    if (taken.has(seed.id)) continue;
    taken.add(seed.id);
    const members = [seed];
    const height = seed.box.height;
    let top = seed.box.y;
    let bottom = seed.box.y + seed.box.height;
    let left = seed.box.x;
    let right = seed.box.x + seed.box.width;
    for (let grew = true; grew;) {
      grew = false;
      for (const c of order) {
        if (taken.has(c.id)) continue;
        const overlap = verticalOverlap(c, top, bottom);
        const gap = Math.max(c.box.x - right, left - (c.box.x + c.box.width));
        if (gap > REACH * height) continue;
        if (overlap < OVERLAP * Math.min(c.box.height, bottom - top) && !besideNeighbour(c, members, height)) continue;
        taken.add(c.id);
        members.push(c);
        // The band grows only with strokes of the seed's size: a tall neighbour does not widen it.
        if (c.box.height <= 1.3 * height) {
          top = Math.min(top, c.box.y);
          bottom = Math.max(bottom, c.box.y + c.box.height);
        }
        left = Math.min(left, c.box.x);
        right = Math.max(right, c.box.x + c.box.width);
        grew = true;
      }
    }
    // Digit-sized marks count once each (a wide one, a scribble or a word, counts less), up to
    // a long number's worth; their size counts twice, as prominence goes with size.
    const marks = members.filter((c) => c.box.height >= 0.5 * height);
    const count = digitMarks(marks);
    const size = marks.map((c) => c.box.height).sort((a, b) => a - b)[Math.floor(marks.length / 2)]!;
    const score = size * size * Math.min(MAX_MARKS, count);
    lines.push({ strokes: members, score });
  }
  return lines.sort((a, b) => b.score - a.score);
}

/**
 * A mark at least this share of the line's height, within `CARRY_GAP` line heights of one of the
 * best line's and overlapping it in height, carries the line on: a number drifting down a tilted
 * note ("318593" read "3185", its last two digits a line of their own, half a digit lower).
 * Validation numbers on desks (MNIST training digits): 900 read 93.0 → 93.1% (one more, that one);
 * cheque amounts, boxed forms, numbers on a page, sheets askew and composed numbers the same.
 */
const CARRY_MARK = 0.4;
const CARRY_GAP = 1;
/**
 * …overlapping it in height by this share of the smaller (`OVERLAP` elsewhere). A 5 whose bar lies
 * along a card's rule, kept whole now that the rule eraser leaves the pen's bar (rule-eraser.ts),
 * overlapped the 9 after it by 16 px where 0.5 asked 16.5, and "318593" was read "3185" again.
 * Validation (MNIST training digits): numbers on desks (800) and a page, cheque amounts, boxed forms
 * (400 each) and composed numbers the same; sheets held askew 338 → 337 of 400 (two read right
 * more, one of them read wrong silently before; three wrong more, all marked uncertain).
 */
const CARRY_OVERLAP = 0.45;

/**
 * Does a line of `marks` carry on from `best` (a line's strokes): one of its marks beside one of
 * best's, overlapping it in height by {@link CARRY_OVERLAP} of the smaller?
 */
function carriesOn(marks: Component[], best: Component[], h: number): boolean {
  return best.some(
    (a) =>
      a.box.height >= CARRY_MARK * h &&
      marks.some((b) => {
        const gap = sideGap(b.box, a.box);
        const overlap = verticalOverlap(b, a.box.y, a.box.y + a.box.height);
        return gap <= CARRY_GAP * h && overlap >= CARRY_OVERLAP * Math.min(a.box.height, b.box.height);
      }),
  );
}

/**
 * The strokes of the most prominent line (all of `strokes` when there are none; when it holds
 * nearly all the ink, every stroke near it, unless `strays` is false: marks off the line are no
 * part of it on a page read in pieces), with any
 * stroke that lies within its box give or take a third of its height: the floating bar of a
 * 5 written higher than its neighbours.
 */
export function mostProminentLine(strokes: Component[], { strays = true } = {}): Component[] {
  const lines = strokeLines(strokes);
  const best = lines[0];
  if (!best) return strokes;
  // One line holding nearly all the ink is the number, with whatever pieces of it strayed.
  const area = (list: Component[]): number => list.reduce((s, c) => s + c.area, 0);
  const h = medianHeight(best.strokes);
  const band = bandOf(best.strokes);
  if (strays && area(best.strokes) >= ALL_INK * area(strokes)) {
    // …on its row: a speck far above or below is none of the number's (one along the row may be
    // a digit seen too small), nor one wholly above or below the line past either of its ends,
    // where no piece of a digit strays (the corner of a phone below the number, the desk's grain).
    const left = Math.min(...best.strokes.map((c) => c.box.x));
    const right = Math.max(...best.strokes.map((c) => c.box.x + c.box.width));
    return strokes.filter((c) => {
      if (c.box.y + c.box.height < band.top - STRAY_REACH * h || c.box.y > band.bottom + STRAY_REACH * h) return false;
      const onRow = c.box.y + c.box.height > band.top && c.box.y < band.bottom;
      return onRow || (c.box.x + c.box.width >= left - STRAY_ENDS * h && c.box.x <= right + STRAY_ENDS * h);
    });
  }
  // A wide space splits a number into groups ("0123   4567"), each a line of its own: groups
  // on the same row with marks of the same size are one number, and so is a line of marks of
  // that size that carries on from one of the best line's marks, lower or higher.
  const row = lines.flatMap((line) => {
    if (line === best) return line.strokes;
    const other = bandOf(line.strokes);
    const overlap = Math.min(band.bottom, other.bottom) - Math.max(band.top, other.top);
    const sameRow = overlap >= SAME_ROW * Math.min(band.bottom - band.top, other.bottom - other.top);
    const size = medianHeight(line.strokes) / h;
    const sameSize = (s: number): boolean => s >= 1 / SAME_SIZE && s <= SAME_SIZE;
    if (sameRow && sameSize(size)) return line.strokes;
    const marks = line.strokes.filter((c) => c.box.height >= CARRY_MARK * h);
    return marks.length > 0 && sameSize(medianHeight(marks) / h) && carriesOn(marks, best.strokes, h)
      ? line.strokes
      : [];
  });
  const x0 = Math.min(...row.map((c) => c.box.x)) - 0.2 * h;
  const x1 = Math.max(...row.map((c) => c.box.x + c.box.width)) + 0.2 * h;
  const y0 = Math.min(...row.map((c) => c.box.y)) - 0.35 * h;
  const y1 = Math.max(...row.map((c) => c.box.y + c.box.height)) + 0.35 * h;
  const inLine = new Set(row.map((c) => c.id));
  return strokes.filter(
    (c) =>
      inLine.has(c.id) ||
      (c.box.x >= x0 && c.box.x + c.box.width <= x1 && c.box.y >= y0 && c.box.y + c.box.height <= y1),
  );
}

/**
 * A printed word beside the number (a form's label) has marks at most this share of the line's
 * height (a label's "d" or "l" may be 0.7 of the digits')…
 */
const WORD_MARK = 0.75;
/** …spans at most this share of it from its top to its bottom, ascenders and all… */
const WORD_SPAN = 0.8;
/** …is at least this wide, in line heights (a speck or a dash is no word)… */
const WORD_WIDTH = 0.8;
/** …has letters that overlap each other by less than this share of the narrower… */
const WORD_OVERLAP = 0.3;
/** …or is one mark this many times as wide as it is tall (letters joined up)… */
const WORD_ASPECT = 2.5;
/** …or this many times, when it is at most `TINY_WORD` of the line's height… */
const TINY_WORD_ASPECT = 1.5;
const TINY_WORD = 0.45;
/** …and ends at least this far (line heights) from the number's first mark. */
const WORD_GAP = 0.15;
/**
 * A word ends at a space this wide (line heights), and what is left of one whose thinner letters
 * went with the print stands at least this far from the number: a digit broken into pieces
 * stands closer to the next.
 */
const WORD_APART = 1;
/** Marks all at most `TINY_WORD` of the line's height this far away (line heights) are print too, however few… */
const FAR_PRINT = 1.5;
/**
 * …and so are marks all at most `SMALL_WORD` of its height twice as far off: a label's letters
 * the model reads as digits ("ss" read "55", three line heights before a form's boxes).
 * Validation (400 each): boxed forms one read right more; the other sets the same.
 */
const FARTHER_PRINT = 2.5;
const SMALL_WORD = 0.6;

/** Marks at one end of a line that look like a printed word (see {@link printedWords}). */
export interface PrintedWord {
  marks: Component[];
  /** Tiny and far from the number: print whatever the model makes of it. */
  far: boolean;
  /**
   * Too narrow for a word: what is left of a label whose thinner letters went with the print
   * (a "d" and a "v" of "snoosovd"). Print only when the model calls its pieces no digit (see
   * line-reading.ts).
   */
  narrow: boolean;
  /** At least a wide space (see `WORD_APART`) from the number. */
  apart: boolean;
}

/** `run` (marks at one end of a line) as a printed word apart from `rest`, the number, or null. */
function printedWord(run: Component[], rest: Component[], height: number, before: boolean): PrintedWord | null {
  if (run.length === 0 || rest.length === 0) return null;
  const left = Math.min(...run.map((c) => c.box.x));
  const right = Math.max(...run.map((c) => c.box.x + c.box.width));
  const gap = before
    ? Math.min(...rest.map((c) => c.box.x)) - right
    : left - Math.max(...rest.map((c) => c.box.x + c.box.width));
  const band = bandOf(run);
  if (gap < WORD_GAP * height || band.bottom - band.top > WORD_SPAN * height) return null;
  const tiny = run.every((c) => c.box.height <= TINY_WORD * height);
  const apart = gap >= WORD_APART * height;
  const small = run.every((c) => c.box.height <= SMALL_WORD * height);
  if ((tiny && gap >= FAR_PRINT * height) || (small && gap >= FARTHER_PRINT * height))
    return { marks: run, far: true, narrow: false, apart };
  // Letters stand side by side (a broken digit's pieces stack); a lone mark is a joined-up word.
  const sideBySide = run.every(
    (c, i) =>
      i === 0 ||
      run[i - 1]!.box.x + run[i - 1]!.box.width - c.box.x < WORD_OVERLAP * Math.min(c.box.width, run[i - 1]!.box.width),
  );
  const lone = run[0]!.box;
  const letters = run.length >= 2 ? sideBySide : lone.width >= (tiny ? TINY_WORD_ASPECT : WORD_ASPECT) * lone.height;
  if (letters && right - left >= WORD_WIDTH * height) return { marks: run, far: false, narrow: false, apart };
  return apart ? { marks: run, far: false, narrow: true, apart } : null;
}

/**
 * What may be a printed word at either end of `line` (a line's strokes): a run of marks all far
 * smaller than the digits, together as wide as a word and standing apart from them ("Amount",
 * "Tel."), or tiny and far off, or what the print left of one, far off. A run ends at a wide
 * space. Small digits written beside big ones look the same to geometry; the reader keeps a
 * run the model reads as digits (see line-reading.ts).
 */
export function printedWords(line: Component[], height: number): PrintedWord[] {
  const order = line.slice().sort((a, b) => a.box.x - b.box.x);
  const small = (c: Component): boolean => c.box.height <= WORD_MARK * height;
  let start = 0;
  while (start < order.length && small(order[start]!)) start++;
  let end = order.length;
  while (end > start && small(order[end - 1]!)) end--;
  // A word ends at a wide space: small marks past it are the number's (a digit broken in pieces).
  let right = -Infinity;
  for (let i = 0; i < start; i++) {
    if (i > 0 && order[i]!.box.x - right >= WORD_APART * height) {
      start = i;
      break;
    }
    right = Math.max(right, order[i]!.box.x + order[i]!.box.width);
  }
  let left = Infinity;
  for (let i = order.length - 1; i >= end; i--) {
    if (i < order.length - 1 && left - (order[i]!.box.x + order[i]!.box.width) >= WORD_APART * height) {
      end = i + 1;
      break;
    }
    left = Math.min(left, order[i]!.box.x);
  }
  const number = order.slice(start, end);
  return [
    printedWord(order.slice(0, start), number, height, true),
    printedWord(order.slice(end), number, height, false),
  ].filter((word): word is PrintedWord => word !== null);
}
