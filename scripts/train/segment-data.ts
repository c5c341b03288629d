/**
 * Training data for the segment checker: lines of handwritten digits composed from MNIST
 * *training* digits, cut into pieces exactly the way `readNumber()` cuts them, each piece
 * labelled by whether it holds one whole digit (1) or not (0: two digits, or a fragment).
 *
 * The composer records which digit owns each pixel, so a piece's label comes from the ink it
 * really holds, not from guessed boxes.
 */
import { composeNumber, type ComposedNumber } from '../../test/fixtures/compose-number.js';
import { analyseInk, cutOutInk, normalizeCutOut, type InkAnalysis } from '../../src/preprocess/pipeline.js';
import { lineView } from '../../src/number/line-view.js';
import { interleaveViews, type PieceViews } from '../../src/number/segment-checker.js';
import {
  cutCandidates,
  digitStrokes,
  groupStrokes,
  lineHeight,
  MIN_CUT_WIDTH,
  splitAt,
  type DigitGroup,
} from '../../src/number/segment.js';
import { augment } from './augment.js';
import type { DigitSet } from './idx.js';
import type { Random } from './random.js';

/**
 * Labelled pieces, each two 28×28 views interleaved as channels (see `interleaveViews()`):
 * `labels[i]` is 1 when piece i is one whole digit.
 */
export interface SegmentSet {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

/** A piece is one whole digit when it holds this share of one digit's ink… */
const WHOLE_SHARE = 0.88;
/** …and almost nothing of any other digit. */
const STRAY_SHARE = 0.06;
/** Clearly not one digit: less than this share of any digit, or… */
const FRAGMENT_SHARE = 0.7;
/** …more than this share of its ink from other digits. In between, a piece is left out. */
const MIXED_SHARE = 0.15;
/** A piece that holds this share of two digits' ink is two digits. */
const MOSTLY_HELD = 0.5;
/** Pieces are cut again, like `readNumber()` does, down to this depth. */
const MAX_DEPTH = 2;
/** Share of the pieces that are not one digit kept as examples. */
const KEEP_NOT_ONE = 0.12;
/** Chance that a fragment is cut again (`readNumber()` rarely does). */
const RECUT_FRAGMENT = 0.1;

/** Which digit owns each ink pixel of the working image (-1: none). */
function ownersAtWorkingScale(made: ComposedNumber, analysis: InkAnalysis): Int8Array {
  const owners = made.owners!;
  const result = new Int8Array(analysis.width * analysis.height).fill(-1);
  for (let y = 0; y < analysis.height; y++) {
    const sy = Math.min(made.height - 1, Math.floor((y + 0.5) * analysis.scale));
    for (let x = 0; x < analysis.width; x++) {
      const sx = Math.min(made.width - 1, Math.floor((x + 0.5) * analysis.scale));
      result[y * analysis.width + x] = owners[sy * made.width + sx]!;
    }
  }
  return result;
}

function inkPerDigit(
  analysis: InkAnalysis,
  owners: Int8Array,
  group: DigitGroup,
  digits: number,
  rows: [number, number],
): number[] {
  const counts = new Array<number>(digits).fill(0);
  for (let y = rows[0]; y < rows[1]; y++) {
    for (let x = group.fromX; x < group.toX; x++) {
      const p = y * analysis.width + x;
      const owner = owners[p]!;
      if (owner >= 0 && group.ids.has(analysis.labels[p]!)) counts[owner]!++;
    }
  }
  return counts;
}

/** 1: one whole digit; 0: not one digit; null: too close to call, left out. */
function labelOf(inside: number[], totals: number[]): 0 | 1 | null {
  const all = inside.reduce((a, b) => a + b, 0);
  if (all === 0) return 0;
  let best = 0;
  inside.forEach((n, i) => {
    if (n / Math.max(1, totals[i]!) > inside[best]! / Math.max(1, totals[best]!)) best = i;
  });
  const share = inside[best]! / Math.max(1, totals[best]!);
  const stray = (all - inside[best]!) / all;
  // Most of two digits, however little ink one of them has (a "1" beside a "5"): not one digit.
  const mostlyHeld = inside.filter((n, i) => n >= MOSTLY_HELD * totals[i]!).length;
  if (mostlyHeld >= 2) return 0;
  if (share >= WHOLE_SHARE && stray <= STRAY_SHARE) return 1;
  if (share < FRAGMENT_SHARE || stray > MIXED_SHARE) return 0;
  return null;
}

/** Options of {@link segmentExamples}. */
export interface SegmentDataOptions {
  /** Lines to compose. */
  lines: number;
  /** MNIST indices the digits are drawn from. */
  pool: Uint32Array;
  rng: Random;
  /** Augment each digit (slant, size, stroke weight) before composing. */
  augmentDigits: boolean;
}

/** Composes lines and returns every piece `readNumber()` may look at, labelled. */
export function segmentExamples(set: DigitSet, options: SegmentDataOptions): SegmentSet {
  const { rng, pool } = options;
  const pieces: PieceViews[] = [];
  const labels: number[] = [];
  for (let line = 0; line < options.lines; line++) {
    const length = 2 + (line % 5);
    const glyphs = new Float32Array(length * 784);
    const glyphLabels = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const id = pool[rng.int(pool.length)]!;
      const glyph = glyphs.subarray(i * 784, i * 784 + 784);
      glyph.set(set.images.subarray(id * 784, id * 784 + 784));
      if (options.augmentDigits) augment(glyph, rng);
      glyphLabels[i] = set.labels[id]!;
    }
    const made = composeNumber(
      glyphs,
      glyphLabels,
      Array.from({ length }, (_, i) => i),
      {
        seed: rng.int(2 ** 31),
        touching: rng.uniform(0.2, 0.7),
        overlap: [0, 10],
        underline: rng.chance(0.15),
        specks: rng.chance(0.3) ? rng.int(7) : 0,
        owners: true,
      },
    );
    let analysis: InkAnalysis;
    try {
      analysis = analyseInk({ values: made.data, width: made.width, height: made.height, scale: 1 });
    } catch {
      continue;
    }
    const strokes = digitStrokes(analysis);
    if (strokes.length === 0) continue;
    const owners = ownersAtWorkingScale(made, analysis);
    const everything: DigitGroup = {
      ids: new Set(strokes.map((s) => s.id)),
      fromX: 0,
      toX: analysis.width,
      box: { x: 0, y: 0, width: analysis.width, height: analysis.height },
    };
    const rows: [number, number] = [0, analysis.height];
    const totals = inkPerDigit(analysis, owners, everything, length, rows);
    const height = lineHeight(strokes);
    const visit = (group: DigitGroup, depth: number): void => {
      const label = labelOf(inkPerDigit(analysis, owners, group, length, rows), totals);
      // Most pieces are fragments of a cut digit: keep a share of them, and every whole digit.
      if (label === 1 || (label === 0 && rng.chance(KEEP_NOT_ONE))) {
        const cut = cutOutInk(analysis, group.ids, group.fromX, group.toX);
        if (cut) {
          pieces.push({ digit: normalizeCutOut(cut).pixels, line: lineView(cut, height) });
          labels.push(label);
        }
      }
      if (label === 0 && depth > 0 && !rng.chance(RECUT_FRAGMENT)) return;
      if (depth >= MAX_DEPTH || group.box.width < MIN_CUT_WIDTH * Math.max(height, group.box.height)) return;
      for (const column of cutCandidates(analysis, group)) {
        for (const side of splitAt(group, column)) visit(side, depth + 1);
      }
    };
    for (const group of groupStrokes(strokes)) visit(group, 0);
  }
  return { images: interleaveViews(pieces), labels: Uint8Array.from(labels), count: labels.length };
}
