/**
 * Straight lines in a photo of a note on a desk are not strokes: a ruled line cut short, the edge
 * of a sheet showing through, a pen lying beside the note. The digit among them reads right;
 * a line alone is EMPTY_IMAGE. Scenes drawn on a canvas from MNIST test digits.
 */
import { expect } from '@open-wc/testing';
import { classify, DigitRecognizerError } from '../../../src/index.js';
import { mnistTest } from '../fixtures.js';
import { failOnConsoleErrors } from '../element/helpers.js';

const WIDTH = 1000;
const HEIGHT = 750;
/** The note: its centre, half width and half height (px) and its turn (degrees). */
const NOTE = { cx: 520, cy: 370, hw: 270, hh: 220, degrees: 6 };

interface Clutter {
  /** MNIST test index of the digit written on the note, if any. */
  digit?: number;
  /** A ruled line across 60% of the note's width, below the digit. */
  ruled?: boolean;
  /** The edge of a sheet under the note, showing through near its left side. */
  sheetEdge?: boolean;
  /** A pen lying on the desk beside the note. */
  pen?: boolean;
}

/** MNIST test digit `index` as dark ink on a canvas of its own, 28 px a side, transparent around it. */
async function digitSprite(index: number): Promise<{ sprite: HTMLCanvasElement; label: number }> {
  const { images, labels } = await mnistTest();
  const sprite = document.createElement('canvas');
  sprite.width = 28;
  sprite.height = 28;
  const ctx = sprite.getContext('2d')!;
  const data = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    data.data.set([20, 20, 30, images[index * 784 + i]!], i * 4);
  }
  ctx.putImageData(data, 0, 0);
  return { sprite, label: labels[index]! };
}

/** A light note on a dark wooden desk, with what `clutter` asks for. */
async function scene(clutter: Clutter): Promise<{ canvas: HTMLCanvasElement; label: number | null }> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#4b3424';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  // Grain: faint darker bands across the desk.
  for (let y = 0; y < HEIGHT; y += 9) {
    ctx.fillStyle = `rgba(20, 10, 5, ${0.08 + 0.08 * Math.sin(y * 0.37)})`;
    ctx.fillRect(0, y, WIDTH, 4);
  }
  if (clutter.pen) {
    ctx.save();
    ctx.translate(120, 380);
    ctx.rotate((80 * Math.PI) / 180);
    ctx.fillStyle = '#202024';
    ctx.beginPath();
    ctx.roundRect(-260, -11, 520, 22, 8);
    ctx.fill();
    ctx.restore();
  }
  const { cx, cy, hw, hh, degrees } = NOTE;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.4)';
  ctx.shadowBlur = 12;
  ctx.fillStyle = '#f3efe4';
  ctx.fillRect(-hw, -hh, 2 * hw, 2 * hh);
  ctx.shadowColor = 'rgba(0, 0, 0, 0)';
  ctx.fillStyle = '#3a4660';
  if (clutter.ruled) ctx.fillRect(-0.85 * hw, 0.78 * hh, 1.2 * hw, 4);
  if (clutter.sheetEdge) ctx.fillRect(-0.86 * hw, -0.7 * hh, 4, 1.4 * hh);
  let label: number | null = null;
  if (clutter.digit !== undefined) {
    const { sprite, label: l } = await digitSprite(clutter.digit);
    label = l;
    const side = 1.1 * hh;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(sprite, 0.25 * hw - side / 2, -0.15 * hh - side / 2, side, side);
  }
  ctx.restore();
  return { canvas, label };
}

/** The error code classify() rejects with, or the digit it read. */
async function outcome(canvas: HTMLCanvasElement): Promise<string> {
  try {
    return `read ${(await classify(canvas)).digit}`;
  } catch (error) {
    if (!(error instanceof DigitRecognizerError)) throw error;
    return error.code;
  }
}

describe('scenes: straight lines on and beside a note are not strokes', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  it('reads the digit on a note with a ruled line cut short, a sheet edge under it and a pen beside it', async () => {
    const misread: string[] = [];
    for (let digit = 0; digit < 10; digit++) {
      const { canvas, label } = await scene({ digit, ruled: true, sheetEdge: true, pen: true });
      const read = await outcome(canvas);
      if (read !== `read ${label}`) misread.push(`${label}: ${read}`);
    }
    expect(misread.length, `misread: ${misread.join(', ')}`).to.be.at.most(1);
  });

  it('a ruled line cut short, alone on a note, is EMPTY_IMAGE', async () => {
    expect(await outcome((await scene({ ruled: true, pen: true })).canvas)).to.equal('EMPTY_IMAGE');
  });

  it("a sheet's edge under a note, alone, is EMPTY_IMAGE", async () => {
    expect(await outcome((await scene({ sheetEdge: true })).canvas)).to.equal('EMPTY_IMAGE');
  });
});
