/**
 * The rules of a photographed sheet are taken out before its ink is measured, so a digit that
 * sits on a rule is not taken out with it (src/number/rule-eraser.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eraseRules } from '../../src/number/rule-eraser.js';

const WIDTH = 240;
const HEIGHT = 100;
const PAPER = 0.95;

function sheet(): Float32Array {
  return new Float32Array(WIDTH * HEIGHT).fill(PAPER);
}

function paint(values: Float32Array, x0: number, y0: number, x1: number, y1: number, tone: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values[y * WIDTH + x] = tone;
}

describe('eraseRules()', () => {
  it('paints a rule over with the paper and keeps the pen stroke that crosses it', () => {
    const values = sheet();
    paint(values, 0, 60, WIDTH, 62, 0.6); // the rule, 2 px thick, across the sheet
    paint(values, 100, 20, 106, 80, 0.1); // a "1" written across it, 6 px wide
    paint(values, 150, 30, 170, 31, 0.5); // a short hairline: no rule
    const erased = eraseRules({ values, width: WIDTH, height: HEIGHT, scale: 1 }, { reach: 1, lineHeight: 40 });
    const at = (x: number, y: number): number => erased.values[y * WIDTH + x]!;
    assert.ok(at(20, 60) > 0.9 && at(200, 61) > 0.9, 'the rule is still there');
    assert.ok(at(103, 60) < 0.2 && at(103, 40) < 0.2, 'the stroke across the rule was taken out');
    assert.ok(at(160, 30) < 0.6, 'a short line was taken for a rule');
  });

  it("keeps a thin pen's level stroke that lies along a light rule, and takes the rule out around it", () => {
    const values = sheet();
    // Light blue rules, 2 px thick, across a ruled card.
    for (const y of [20, 60, 90]) paint(values, 0, y, WIDTH, y + 2, 0.75);
    paint(values, 100, 60, 120, 62, 0.15); // a 7's bar, as thin as the rules, drawn along one
    paint(values, 117, 62, 120, 88, 0.15); // …and its stem down from it
    const erased = eraseRules({ values, width: WIDTH, height: HEIGHT, scale: 1 }, { reach: 1, lineHeight: 40 });
    const at = (x: number, y: number): number => erased.values[y * WIDTH + x]!;
    assert.ok(at(20, 60) > 0.9 && at(200, 61) > 0.9, 'the rule is still there');
    for (const x of [102, 110, 118]) assert.ok(at(x, 61) < 0.2, `the bar at x = ${x} went with the rule`);
  });

  it('keeps the level bars of digits written alike, in line but far apart', () => {
    const values = sheet();
    // The tops of a 5, a 7 and another 7, each 0.75 line heights long, along one line.
    for (const x of [20, 100, 180]) paint(values, x, 30, x + 30, 32, 0.2);
    const erased = eraseRules({ values, width: WIDTH, height: HEIGHT, scale: 1 }, { reach: 1, lineHeight: 40 });
    for (const x of [35, 115, 195]) assert.ok(erased.values[31 * WIDTH + x]! < 0.3, `the bar at x = ${x} was erased`);
  });

  it('keeps the base of a 2 and the bottom of the 0 beside it, in line on a short stretch of the line', () => {
    const values = sheet();
    // As in a photo of "210018" (line height 30): the 2's base, 33 px, and the 0's bottom, 19 px,
    // along one line, 78 px from end to end: long enough together for a rule, but a rule would
    // run on across the picture.
    paint(values, 20, 70, 53, 72, 0.2);
    paint(values, 79, 70, 98, 72, 0.2);
    const image = { values, width: WIDTH, height: HEIGHT, scale: 1 };
    assert.equal(eraseRules(image, { reach: 1, lineHeight: 30 }), image);
  });

  it('leaves a sheet with no rule as it is', () => {
    const values = sheet();
    paint(values, 100, 20, 106, 80, 0.1);
    const image = { values, width: WIDTH, height: HEIGHT, scale: 1 };
    assert.equal(eraseRules(image, { reach: 1, lineHeight: 40 }), image);
  });

  describe("a field's underline only (underlineBelow)", () => {
    /** A slanted underline, 2 px thick, dropping 6 px across the field (about 1.5°). */
    function underline(values: Float32Array, y: number): void {
      for (let x = 0; x < WIDTH; x++)
        paint(values, x, y + Math.round((6 * x) / WIDTH), x + 1, y + 2 + Math.round((6 * x) / WIDTH), 0.4);
    }
    const image = (values: Float32Array) => ({ values, width: WIDTH, height: HEIGHT, scale: 1 });
    const options = { reach: 1, lineHeight: 40, underlineBelow: 50 };

    it('erases the underline a digit sits on, slanted, and keeps the digit', () => {
      const values = sheet();
      underline(values, 80);
      paint(values, 100, 40, 106, 84, 0.1); // a "1" standing on the underline
      const erased = eraseRules(image(values), options);
      const at = (x: number, y: number): number => erased.values[y * WIDTH + x]!;
      assert.ok(at(20, 80) > 0.9 && at(220, 86) > 0.9, 'the underline is still there');
      assert.ok(at(103, 60) < 0.2, 'the digit went with the underline');
    });

    it("leaves a box's top, a box's top and bottom, and a comb as they are", () => {
      const top = sheet();
      underline(top, 20);
      const boxTop = image(top);
      assert.equal(eraseRules(boxTop, options), boxTop);
      const comb = sheet();
      underline(comb, 80);
      // A comb: thin teeth rising 10 px from its rule every 40 px.
      for (let x = 10; x < WIDTH; x += 40) paint(comb, x, 70 + Math.round((6 * x) / WIDTH), x + 1, 80, 0.4);
      const combed = image(comb);
      assert.equal(eraseRules(combed, options), combed);
      const box = sheet();
      underline(box, 10);
      underline(box, 85);
      const framed = image(box);
      assert.equal(eraseRules(framed, options), framed);
    });
  });
});
