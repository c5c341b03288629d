/**
 * Rules taken out of the picture before its ink is measured: a ruled sheet's lines, a margin
 * line, a field's underline. Read as ink, a rule a digit sits on becomes one stroke with that
 * digit, and the ruling it is then taken for goes with the digit. Here a rule is what is darker
 * than the paper just above and below it (beside it, for an upright rule) along a long, thin run;
 * its pixels get the paper's value back. Where a pen stroke crosses it, the stroke is dark above
 * and below too, so the crossing stays ink.
 */
import { labelComponents } from '../preprocess/components.js';
import type { Luminance } from '../preprocess/luminance.js';
import { extremeAlong } from '../preprocess/rank-filter.js';

/** How {@link eraseRules} tells a rule. */
export interface RuleOptions {
  /** A rule is darker than the paper this many pixels to either side of it (half its greatest width). */
  reach: number;
  /** Typical digit height (pixels): a rule runs on for several, no stroke of a digit does. */
  lineHeight: number;
  /**
   * A field's underline only: one level rule, below this row (the middle of the digits) where it
   * crosses the middle of the image, with no comb's teeth rising from it. A box's top, a row of
   * boxes and a comb are left as they are.
   */
  underlineBelow?: number;
}

/** A rule is at most this share of the line's height thick, either side of its middle. */
export const RULE_REACH = 0.025;

/** A rule pixel is at least this much darker (luminance, 0–1) than the paper around it. */
const RULE_CONTRAST = 0.03;
/** Most pixels are paper: the lift of this rank of them is noise… */
const NOISE_RANK = 0.9;
/** …and a rule's is more than this many times as much. */
const NOISE_FACTOR = 2;
/** A piece of a rule (between the digits that cross it) is at least this long, in line heights… */
const PIECE_LENGTH = 0.3;
/** …has ink at this share of the steps along it, thin at this share of them. */
const PIECE_COVER = 0.8;
/** Pieces in one line make a rule when they add up to this many line heights… */
const RULE_LENGTH = 1.5;
/** …over a span of at least this many… */
const RULE_SPAN = 2.5;
/**
 * …that they cover at this share at least: between the digits that cross a rule it runs on, where
 * the level bars of digits written alike (the tops of a 5 and a 7) stand apart.
 */
const RULE_COVER = 0.6;
/**
 * …and that run across at least this share of the picture they are looked for in (a sheet, a
 * tile of one, the crop around a line of digits): a rule runs on past the digits, while the base
 * of a 2 and the bottom of a 0 beside it, in line, cover only part of the line they sit on
 * ("210018" was read "710018"). Chosen on validation desk photos: 92.0 → 93.5% of 200 numbers
 * read exactly, no other validation set changed.
 */
const RULE_ACROSS = 0.5;

/** Max, then min, of `values` over 2r+1 pixels along rows (`across`) or columns: a 1-D closing. */
function closeAlong(values: Float32Array, width: number, height: number, r: number, across: boolean): Float32Array {
  return extremeAlong(extremeAlong(values, width, height, r, true, across), width, height, r, false, across);
}

/** The value at `rank` (0–1) of `values` in ascending order, as a full sort would put it. */
function valueAtRank(values: Float32Array, rank: number): number {
  const a = values.slice();
  const k = Math.floor(rank * a.length);
  // Quickselect (Hoare's partition): only the side holding the k-th value is looked into.
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** A thin straight piece that may belong to a rule: where it runs, and how thick it is at each step. */
interface Piece {
  id: number;
  from: number;
  thickness: Uint16Array;
  /** Sum of the cross coordinate at each step (its centre line, times the thickness). */
  across: Float64Array;
  slope: number;
  intercept: number;
}

/** The thin, long-enough pieces of the `darker` mask along one direction, with their centre lines. */
function thinPieces(darker: Float32Array, width: number, height: number, level: boolean, r: number, min: number) {
  const { labels, components } = labelComponents(darker, width, height, 0.5);
  const pieces = new Map<number, Piece>();
  for (const c of components) {
    const length = level ? c.box.width : c.box.height;
    if (length < min) continue;
    pieces.set(c.id, {
      id: c.id,
      from: level ? c.box.x : c.box.y,
      thickness: new Uint16Array(length),
      across: new Float64Array(length),
      slope: 0,
      intercept: 0,
    });
  }
  for (let i = 0; i < labels.length; i++) {
    const piece = labels[i] ? pieces.get(labels[i]!) : undefined;
    if (!piece) continue;
    const x = i % width;
    const y = (i - x) / width;
    const step = (level ? x : y) - piece.from;
    piece.thickness[step]!++;
    piece.across[step]! += level ? y : x;
  }
  const thin = 2 * r + 2;
  const kept: Piece[] = [];
  for (const piece of pieces.values()) {
    const present = Array.from(piece.thickness).filter((t) => t > 0);
    const thinSteps = present.filter((t) => t <= thin).length;
    if (present.length < PIECE_COVER * piece.thickness.length || thinSteps < PIECE_COVER * present.length) continue;
    // Centre line from the mean positions of its first and last thirds.
    const third = Math.max(1, Math.floor(piece.thickness.length / 3));
    const centre = (from: number, to: number): [number, number] => {
      let n = 0;
      let along = 0;
      let across = 0;
      for (let s = from; s < to; s++) {
        n += piece.thickness[s]!;
        along += (piece.from + s) * piece.thickness[s]!;
        across += piece.across[s]!;
      }
      return n > 0 ? [along / n, across / n] : [piece.from + from, 0];
    };
    const [a0, c0] = centre(0, third);
    const [a1, c1] = centre(piece.thickness.length - third, piece.thickness.length);
    piece.slope = a1 > a0 ? (c1 - c0) / (a1 - a0) : 0;
    piece.intercept = c0 - piece.slope * a0;
    kept.push(piece);
  }
  return { labels, pieces: kept };
}

/**
 * Where `source` is darker than the paper either side of it (above and below for `level` rules,
 * beside them for upright ones): 1 in `darker`; `closed` is the paper's value there, and `lift`
 * how much darker than it each pixel is.
 */
function darkerThanAround(
  source: Float32Array,
  width: number,
  height: number,
  r: number,
  level: boolean,
): { closed: Float32Array; darker: Float32Array; lift: Float32Array } {
  // A level rule is filled in by closing down the columns; an upright one, along the rows.
  const closed = closeAlong(source, width, height, r, !level);
  const lift = new Float32Array(source.length);
  for (let i = 0; i < source.length; i++) lift[i] = closed[i]! - source[i]!;
  // The closing lifts noise a little everywhere: a rule stands out of that.
  const floor = Math.max(RULE_CONTRAST, NOISE_FACTOR * valueAtRank(lift, NOISE_RANK));
  const darker = new Float32Array(source.length);
  for (let i = 0; i < source.length; i++) darker[i] = lift[i]! > floor ? 1 : 0;
  return { closed, darker, lift };
}

/** How dark a rule is: the lift over the paper (see `darkerThanAround`) at this rank of its pixels… */
const RULE_DARK_RANK = 0.9;
/**
 * …and a pixel on it lifted more than this many times as much is a pen's stroke lying along the
 * rule, not the rule: a thin pen's level strokes (the bar of a 7, the base of a 2) on a ruled card
 * went with its light blue rules ("2769" was read "2164"). A printed rule as dark as the pen is
 * taken out as before. Chosen on validation numbers (MNIST training digits): numbers on desks
 * 736 → 740 of 800 read exactly (four more right, none lost; factor 2 and the median's rank gave
 * the same on desks but lost a cheque amount's underlined 7), numbers on a page 363 → 362 of 400
 * (one more wrong, marked uncertain), cheque amounts, boxed forms, sheets held askew and
 * composed numbers the same. (Where pen lies along more than a tenth of the rules' length, the
 * rank falls on the pen and the rules go with it, as before.)
 */
const PEN_DARKER = 1.5;

/** The lift at {@link RULE_DARK_RANK} of the pixels of the rules in `erase`. */
function ruleDarkness(lift: Float32Array, labels: Int32Array, erase: Set<number>): number {
  const onRules: number[] = [];
  for (let i = 0; i < labels.length; i++) if (erase.has(labels[i]!)) onRules.push(lift[i]!);
  return valueAtRank(Float32Array.from(onRules), RULE_DARK_RANK);
}

/** A comb: at least this many thin upright lines rising from its rule… */
const COMB_TEETH = 3;
/** …each at least this share of the line's height tall… */
const TOOTH_HEIGHT = 0.15;
/** …two or more of the gaps between them within this share of their median: evenly spaced. */
const TOOTH_SPACING = 0.3;

/**
 * Does a comb's teeth rise from the level rule whose middle is at row `at + slope·x`? Erased, the
 * rule would leave them standing alone, read as 1s; a pen's digits standing on an underline are
 * thicker, and not evenly spaced.
 */
function risesInTeeth(image: Luminance, r: number, at: number, slope: number, line: number): boolean {
  const { width, height, values } = image;
  const { darker } = darkerThanAround(values, width, height, r, false);
  const thin = 2 * r + 2;
  const tall = Math.max(2, Math.round(TOOTH_HEIGHT * line));
  const teeth: number[] = [];
  let last = -Infinity;
  for (let x = 0; x < width; x++) {
    const from = Math.round(at + slope * x) - thin;
    let dark = 0;
    for (let y = from - tall; y < from; y++) if (y >= 0 && y < height && darker[y * width + x]) dark++;
    if (dark < 0.8 * tall) continue;
    if (x - last > thin) teeth.push(x);
    last = x;
  }
  if (teeth.length < COMB_TEETH) return false;
  const gaps = teeth.slice(1).map((x, i) => x - teeth[i]!);
  const median = gaps.slice().sort((a, b) => a - b)[gaps.length >> 1]!;
  return gaps.filter((g) => Math.abs(g - median) <= TOOTH_SPACING * median).length >= 2;
}

/**
 * `image` (dark ink on light paper) with its long thin rules, level or upright, painted over
 * with the paper around them. Returns `image` itself when it has none. The pieces of a rule
 * that digits cross are each short: pieces on one straight line are taken together.
 */
export function eraseRules(image: Luminance, options: RuleOptions): Luminance {
  const { width, height, values } = image;
  const r = Math.max(1, Math.round(options.reach));
  const line = options.lineHeight;
  const thin = 2 * r + 2;
  let erased: Float32Array | null = null;
  const underline = options.underlineBelow;
  for (const level of underline !== undefined ? [true] : [true, false]) {
    const source = erased ?? values;
    const { closed, darker, lift } = darkerThanAround(source, width, height, r, level);
    const { labels, pieces } = thinPieces(darker, width, height, level, r, PIECE_LENGTH * line);
    if (pieces.length === 0) continue;
    // The sheet's turn, from the longest pieces: every rule on it runs the same way.
    const bySize = pieces.slice().sort((a, b) => b.thickness.length - a.thickness.length);
    const slope = bySize[Math.floor(bySize.length / 4)]!.slope;
    const lines = pieces
      .map((piece) => {
        let n = 0;
        let along = 0;
        let across = 0;
        piece.thickness.forEach((t, s) => {
          n += t;
          along += (piece.from + s) * t;
          across += piece.across[s]!;
        });
        return { piece, at: across / n - slope * (along / n) };
      })
      .sort((a, b) => a.at - b.at);
    const erase = new Set<number>();
    let rules = 0;
    // Where the last rule found runs (the one rule a field's underline mode erases).
    let lastAt = 0;
    for (let i = 0; i < lines.length;) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.at - lines[j - 1]!.at <= thin) j++;
      const group = lines.slice(i, j).map((l) => l.piece);
      const total = group.reduce((s, p) => s + p.thickness.length, 0);
      const from = Math.min(...group.map((p) => p.from));
      const to = Math.max(...group.map((p) => p.from + p.thickness.length));
      const across = RULE_ACROSS * (level ? width : height);
      if (
        total >= RULE_LENGTH * line &&
        to - from >= RULE_SPAN * line &&
        total >= RULE_COVER * (to - from) &&
        to - from >= across
      ) {
        for (const p of group) erase.add(p.id);
        rules++;
        lastAt = lines[i]!.at;
      }
      i = j;
    }
    if (erase.size === 0) continue;
    // A field's underline mode: one rule, below the digits, with no comb's teeth rising from it.
    if (
      underline !== undefined &&
      (rules > 1 || lastAt + (slope * width) / 2 < underline || risesInTeeth(image, r, lastAt, slope, line))
    )
      continue;
    const byId = new Map(pieces.map((p) => [p.id, p]));
    // A pen's stroke lying along a rule is far darker than the rule: it stays.
    const penAbove = PEN_DARKER * ruleDarkness(lift, labels, erase);
    const next: Float32Array = Float32Array.from(source);
    for (let i = 0; i < next.length; i++) {
      if (!erase.has(labels[i]!)) continue;
      const piece = byId.get(labels[i]!)!;
      const x = i % width;
      const step = (level ? x : (i - x) / width) - piece.from;
      // Where a digit's stroke joins the rule, it is thick: the stroke is left whole.
      if (piece.thickness[step]! <= thin && lift[i]! <= penAbove) next[i] = closed[i]!;
    }
    erased = next;
  }
  return erased ? { ...image, values: erased } : image;
}
