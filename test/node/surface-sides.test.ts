/**
 * A sheet's outline whose side is a soft step inside the sheet (the edge of a shadowed strip)
 * is moved out to the sheet's true, sharp edge; sharp sides, and soft ones with only desk beyond,
 * stay where they are (src/preprocess/surface-sides.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coarseCopy } from '../../src/preprocess/coarse-image.js';
import { channels } from '../../src/preprocess/edge-sharpness.js';
import type { Luminance } from '../../src/preprocess/luminance.js';
import type { Point } from '../../src/preprocess/polygon.js';
import { firmSides } from '../../src/preprocess/surface-sides.js';

const WIDTH = 320;
const HEIGHT = 240;
const DESK = 0.4;
const PAPER = 0.85;

/**
 * A sheet from x = 60 to 280 and y = 40 to 200 on a desk, its strip x < `strip` in shadow
 * (`shade`, its edge a soft ramp over 12 px); with `fade`, its left edge fades into the desk over
 * 40 px instead of being cut sharp.
 */
function scene({ strip = 60, shade = 0.65, fade = false } = {}): Luminance {
  const values = new Float32Array(WIDTH * HEIGHT);
  let seed = 3;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed / 0x7fffffff - 0.5) * 0.02;
      const inY = y >= 40 && y < 200;
      let v = DESK;
      if (inY && x < 280 && (fade ? x >= 20 : x >= 60)) {
        const lit = Math.min(1, Math.max(0, (x - strip) / 12 + 0.5));
        v = shade + (PAPER - shade) * lit;
        if (fade) v = DESK + (v - DESK) * Math.min(1, (x - 20) / 40);
      }
      values[y * WIDTH + x] = v + noise;
    }
  }
  return { values, width: WIDTH, height: HEIGHT, scale: 1 };
}

/** The outline x0…280 × 40…200 in the coarse grid's pixels, corners counter-clockwise on screen. */
function outline(x0: number, factor: number): Point[] {
  return [
    { x: x0 / factor, y: 40 / factor },
    { x: x0 / factor, y: 200 / factor },
    { x: 280 / factor, y: 200 / factor },
    { x: 280 / factor, y: 40 / factor },
  ];
}

function leftSide(image: Luminance, x0: number): number {
  const grid = coarseCopy(image);
  const sheet = { light: true, level: PAPER, around: DESK };
  const firm = firmSides(outline(x0, grid.factor), grid, channels(image, grid), sheet, () => false);
  return Math.min(...firm.map((p) => p.x)) * grid.factor;
}

describe('firmSides()', () => {
  it("moves a side on a shadow's soft edge out to the sheet's sharp edge", () => {
    const x = leftSide(scene({ strip: 100 }), 100);
    assert.ok(Math.abs(x - 60) <= 8, `the left side is at x = ${x.toFixed(1)}, the sheet's edge at 60`);
  });

  it('leaves a sharp side where it is', () => {
    assert.equal(leftSide(scene(), 60), 60);
  });

  it('leaves a soft side with only desk beyond it where it is', () => {
    assert.equal(leftSide(scene({ fade: true }), 40), 40);
  });
});
