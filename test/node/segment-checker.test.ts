/**
 * The shipped segment checker (models/segment-checker) on pieces it never saw in training
 * (MNIST *test* digits): one digit, two touching digits read as one piece, and half a digit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import '../../src/node.js';
import { lineView } from '../../src/number/line-view.js';
import { getSegmentChecker, type PieceViews, type SegmentChecker } from '../../src/number/segment-checker.js';
import { digitStrokes, groupStrokes, lineHeight, splitAt } from '../../src/number/segment.js';
import { analyseInk, cutOutInk, normalizeCutOut } from '../../src/preprocess/pipeline.js';
import { composeNumber } from '../fixtures/compose-number.js';
import { mnistTest } from './helpers.js';

/** The line's first group of strokes (or its left half), seen as readNumber() shows it to the checker. */
function firstPiece(indices: number[], seed: number, touching: number, half = false): PieceViews | null {
  const { images, labels } = mnistTest();
  const made = composeNumber(images, labels, indices, { seed, touching, overlap: [4, 8] });
  const analysis = analyseInk({ values: made.data, width: made.width, height: made.height, scale: 1 });
  const strokes = digitStrokes(analysis);
  const groups = groupStrokes(strokes);
  if (groups.length !== 1 && !half) return null; // the pair's ink did not touch: not this test's case
  const group = groups[0]!;
  const piece = half ? splitAt(group, Math.round(group.fromX + (group.toX - group.fromX) / 2))[0] : group;
  const cut = cutOutInk(analysis, piece.ids, piece.fromX, piece.toX);
  return cut ? { digit: normalizeCutOut(cut).pixels, line: lineView(cut, lineHeight(strokes)) } : null;
}

describe('segment checker', () => {
  let checker: SegmentChecker;
  before(async () => {
    checker = await getSegmentChecker();
  });

  const share = (scores: Float32Array, test: (s: number) => boolean): number =>
    scores.filter(test).length / Math.max(1, scores.length);

  it('says a single handwritten digit is one whole digit', async () => {
    const pieces = Array.from({ length: 200 }, (_, i) => firstPiece([i], i, 0)).filter((p) => p !== null);
    const scores = await checker.wholeDigitChance(pieces);
    // Measured: 99.5% of 200.
    assert.ok(share(scores, (s) => s > 0.5) >= 0.97, `only ${share(scores, (s) => s > 0.5)} scored as whole`);
  });

  it('says two touching digits are not one digit', async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => firstPiece([300 + 2 * i, 301 + 2 * i], i, 1)).filter(
      (p) => p !== null,
    );
    assert.ok(pieces.length >= 50, `only ${pieces.length} pairs touched`);
    const scores = await checker.wholeDigitChance(pieces);
    // Measured: 85.6% of 202. readNumber() also tries cuts up to a 0.9 chance, and compares them.
    assert.ok(share(scores, (s) => s < 0.5) >= 0.8, `only ${share(scores, (s) => s < 0.5)} scored as not one digit`);
  });

  it('says the left half of a wide digit is not one digit', async () => {
    const { labels } = mnistTest();
    const wide = Array.from(labels.keys())
      .filter((i) => labels[i] === 0 || labels[i] === 8)
      .slice(0, 100);
    const pieces = wide.map((i) => firstPiece([i], i, 0, true)).filter((p) => p !== null);
    const scores = await checker.wholeDigitChance(pieces);
    // Measured: 97% of 100.
    assert.ok(share(scores, (s) => s < 0.5) >= 0.9, `only ${share(scores, (s) => s < 0.5)} scored as not one digit`);
  });
});
