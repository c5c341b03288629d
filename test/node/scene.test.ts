/**
 * Scenes in Node: a page's printed rulings, a shadow, a sheet's edge or a straight line alone are
 * not digits (EMPTY_IMAGE), nor are they strokes beside one; a digit on a note lying on a desk is
 * found inside the note; pages that fill the frame read as before, with no surface reported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { describe, it } from 'node:test';
import { classify, loadClassifier, preprocess, readNumber, type Classifier } from '../../src/node.js';
import { canvasDigit } from '../fixtures/canvas-digit.js';
import { drawStrokes, type Pen } from '../fixtures/non-digits.js';
import { seven } from '../fixtures/written-ones.js';
import { mnistDigit, paperDigit, ROOT, SHIPPED_MODEL_URL } from './helpers.js';

type Pixels = { data: Float32Array; width: number; height: number };

/** A blank page, 0.93 with a little noise; `draw` darkens what it returns ink for. */
function page(width: number, height: number, ink: (x: number, y: number) => number = () => 0): Pixels {
  const data = new Float32Array(width * height);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed / 0x7fffffff - 0.5) * 0.04;
      data[y * width + x] = Math.min(1, Math.max(0, 0.93 * (1 - 0.8 * ink(x, y)) + noise));
    }
  }
  return { data, width, height };
}

/** The ink of MNIST `digit` drawn `scale`× in page pixels, its 28×28 square's top left at (`left`, `top`). */
function digitInPixels(digit: { data: Float32Array }, left: number, top: number, scale: number) {
  return (x: number, y: number): number => {
    const sx = Math.floor((x - left) / scale);
    const sy = Math.floor((y - top) / scale);
    return sx >= 0 && sy >= 0 && sx < 28 && sy < 28 ? digit.data[sy * 28 + sx]! : 0;
  };
}

/**
 * A light note (rotated `degrees`) covering about a third of a dark, grainy desk (or `half` its
 * width and height across); `ink` in note units.
 */
function noteOnDesk(
  ink: (u: number, v: number) => number = () => 0,
  degrees = 8,
  half: [number, number] = [250, 210],
): Pixels & { corners: number[][] } {
  const width = 900;
  const height = 675;
  const [cx, cy, hw, hh] = [470, 330, ...half];
  const a = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const data = new Float32Array(width * height);
  let seed = 11;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed / 0x7fffffff - 0.5) * 0.05;
      const u = c * (x - cx) + s * (y - cy);
      const v = -s * (x - cx) + c * (y - cy);
      const outside = Math.max(Math.abs(u) - hw, Math.abs(v) - hh);
      let value: number;
      if (outside <= 0) {
        value = 0.92 * (1 - 0.85 * ink(u / hh, v / hh));
      } else {
        // Wood: dark, with grain running across; a soft shadow along the note's edge.
        const grain = 0.3 + 0.08 * Math.sin(0.09 * y + 3 * Math.sin(0.013 * x)) + 0.04 * Math.sin(0.5 * y);
        value = grain * (0.65 + 0.35 * Math.min(1, outside / 18));
      }
      data[y * width + x] = Math.min(1, Math.max(0, value + noise));
    }
  }
  const corners = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => [cx + c * u! - s * v!, cy + s * u! + c * v!]);
  return { data, width, height, corners };
}

/** MNIST digit `i` as ink in note units: `size` of the note's half-height, centred at (`u0`, `v0`). */
function digitInk(i: number, size = 0.9, u0 = 0, v0 = 0): (u: number, v: number) => number {
  const digit = mnistDigit(i);
  return (u, v) => {
    const x = Math.floor(((u - u0) / size) * 14 + 14);
    const y = Math.floor(((v - v0) / size) * 14 + 14);
    return x >= 0 && y >= 0 && x < 28 && y < 28 ? digit.data[y * 28 + x]! : 0;
  };
}

async function rejectsAsEmpty(input: Pixels, what: string): Promise<void> {
  await assert.rejects(classify(input), (error: { code?: string }) => {
    assert.equal(error.code, 'EMPTY_IMAGE', `${what}: ${String(error)}`);
    return true;
  });
}

describe('scenes in Node', () => {
  let classifier: Classifier;

  it('loads the shipped model', async () => {
    classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
    assert.equal(classifier.backend, 'wasm');
  });

  it('finds a note on a dark desk, reports its outline, and reads the digit inside it', async () => {
    let right = 0;
    for (let i = 0; i < 10; i++) {
      const scene = noteOnDesk(digitInk(i, 0.7, 0.2 * ((i % 3) - 1), 0.1));
      const pre = await preprocess(scene);
      assert.ok(pre.surface, `digit ${i}: no surface found`);
      assert.equal(pre.surface.tone, 'light');
      assert.equal(pre.surface.corners.length, 4);
      // Every true corner has a found corner within 4% of the frame.
      for (const [x, y] of scene.corners) {
        const near = Math.min(...pre.surface.corners.map((p) => Math.hypot(p.x - x!, p.y - y!)));
        assert.ok(near < 36, `digit ${i}: corner (${x!.toFixed(0)}, ${y!.toFixed(0)}) is ${near.toFixed(0)} px off`);
      }
      if ((await classifier.classifyPreprocessed(pre)).digit === mnistDigit(i).label) right++;
    }
    assert.ok(right >= 9, `only ${right}/10 read`);
  });

  it('a blank note on a desk, its edge and shadow alone, is EMPTY_IMAGE, not a 0', async () => {
    await rejectsAsEmpty(noteOnDesk(), 'blank note');
    await rejectsAsEmpty(
      noteOnDesk(() => 0, -12),
      'blank note, turned the other way',
    );
  });

  it('ruled lines, a grid and a cast shadow alone are EMPTY_IMAGE', async () => {
    const ruled = page(600, 800, (_x, y) => (y % 48 < 2 ? 0.5 : 0));
    await rejectsAsEmpty(ruled, 'ruled page');
    const grid = page(640, 480, (x, y) => (x % 40 < 2 || y % 40 < 2 ? 0.45 : 0));
    await rejectsAsEmpty(grid, 'squared page');
    const shadow = page(800, 600);
    for (let y = 0; y < 600; y++) {
      for (let x = 0; x < 800; x++) shadow.data[y * 800 + x]! *= 1 - 0.4 * Math.min(1, Math.max(0, (x - 380) / 30));
    }
    await rejectsAsEmpty(shadow, 'cast shadow');
  });

  it('a straight line on a note (a ruled line cut short, the edge of a sheet under it) is not a stroke', async () => {
    // Thin, dark and straight, in note units: across 65% of the note's width below the digit, and
    // down 70% of its height near its left edge.
    const ruled = (u: number, v: number): number => (Math.abs(v - 0.8) < 0.012 && u > -0.9 && u < 0.65 ? 1 : 0);
    const edge = (u: number, v: number): number => (Math.abs(u + 0.95) < 0.012 && Math.abs(v) < 0.7 ? 1 : 0);
    let right = 0;
    for (let i = 0; i < 10; i++) {
      const digit = digitInk(i, 0.45, 0.35, -0.15);
      const scene = noteOnDesk((u, v) => Math.max(digit(u, v), ruled(u, v), edge(u, v)), 6);
      if ((await classifier.classify(scene)).digit === mnistDigit(i).label) right++;
    }
    assert.ok(right >= 9, `only ${right}/10 read`);
    await rejectsAsEmpty(noteOnDesk(ruled, 6), 'a ruled line cut short, alone on a note');
    await rejectsAsEmpty(noteOnDesk(edge, -6), "a sheet's edge, alone on a note");
  });

  it('a pen lying beside the digit on a page is not a stroke', async () => {
    let right = 0;
    for (let i = 0; i < 10; i++) {
      const digit = mnistDigit(i);
      const ink = digitInPixels(digit, 90, 150, 6);
      // The digit at 6× on the left half; a pen, 14 px thick, slanting down the right half.
      const scene = page(640, 480, (x, y) => {
        const pen = Math.abs(x - 420 - 0.25 * (y - 240)) < 7 && y > 40 && y < 440 ? 1 : 0;
        return Math.max(ink(x, y), pen);
      });
      if ((await classifier.classify(scene)).digit === digit.label) right++;
    }
    assert.ok(right >= 9, `only ${right}/10 read`);
  });

  it('a strip of desk along the side of a page photo is not read as a 1', async () => {
    // Before: a page filling the photo, the dark desk showing in a strip down its left side (a
    // real photo of a notebook page read as "1", 100% sure): the strip, the biggest mark, was
    // taken for the digit (2 of these 10 digits read; 10 now).
    let right = 0;
    for (let i = 0; i < 10; i++) {
      const digit = mnistDigit(i);
      const ink = digitInPixels(digit, 300, 200, 3);
      // The digit at 3× in the middle of a 640×480 page; the desk from y = 120 to 370, its edge
      // wavering 14–34 px from the photo's side, its wood darker in streaks.
      const scene = page(640, 480, (x, y) => {
        const edge = 24 + 6 * Math.sin(y / 17) + 4 * Math.sin(y / 5.3);
        const desk = x < edge && y > 120 && y < 370 ? 0.75 + 0.25 * Math.sin(x / 3 + y / 40) : 0;
        return Math.max(ink(x, y), desk);
      });
      if ((await classifier.classify(scene)).digit === digit.label) right++;
    }
    assert.ok(right >= 9, `only ${right}/10 read`);
  });

  it('reads a digit written across ruled lines', async () => {
    let right = 0;
    for (let i = 0; i < 10; i++) {
      const digit = mnistDigit(i);
      const ink = digitInPixels(digit, 110, 110, 6.5);
      const ruledDigit = page(400, 400, (x, y) => Math.max(ink(x, y), y % 60 < 2 ? 0.35 : 0));
      if ((await classifier.classify(ruledDigit)).digit === digit.label) right++;
    }
    assert.ok(right >= 8, `only ${right}/10 read`);
  });

  it('a page that fills the frame reads as before, with no surface', async () => {
    for (let i = 0; i < 5; i++) {
      const pre = await preprocess(paperDigit(i, 640, 480, 9));
      assert.equal(pre.surface, undefined);
      assert.equal((await classifier.classifyPreprocessed(pre)).digit, mnistDigit(i).label);
    }
  });

  it('reads a bold digit drawn big on a clean canvas, never taking it for a screen or a note', async () => {
    // MNIST test digits a canvas shows 5, 10 or 15 times their size, as a drawing pad would, dark
    // on white and white on black: a bold 0 or 9 filling the canvas was taken for a dark screen
    // or a note ("1", "7", EMPTY_IMAGE), white on black for a note ("1", "7", "5").
    const cases = [
      ...[141, 188, 209, 262, 311, 459].map((i) => ({ i, inverted: false })),
      ...[209, 281, 311, 673].map((i) => ({ i, inverted: true })),
    ];
    for (const { i, inverted } of cases) {
      const digit = mnistDigit(i);
      const input = canvasDigit(digit.data, [140, 280, 420][i % 3]!, inverted);
      const name = `digit ${i}${inverted ? ', white on black' : ''}`;
      const pre = await preprocess(input);
      assert.equal(pre.surface, undefined, name);
      assert.equal((await classifier.classifyPreprocessed(pre)).digit, digit.label, name);
    }
  });

  it('reads the number in a photo of a note on a cutting mat (scene fixture, PNG)', async () => {
    const png = PNG.sync.read(readFileSync(join(ROOT, 'test/fixtures/scenes/number-cutting-mat.png')));
    const reading = await readNumber({ data: new Uint8Array(png.data), width: png.width, height: png.height });
    assert.equal(reading.text, '0427');
    assert.equal(reading.surface?.corners.length, 4);
  });

  it('finds the whole note when it lies on another sheet or a shadow crosses it (scene fixtures, JPEG)', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/scenes/manifest.json'), 'utf8')) as Array<{
      file: string;
      label: string;
      width: number;
      corners: Array<{ x: number; y: number }>;
    }>;
    for (const file of ['digit-dark-wood-on-sheet.jpg', 'digit-grey-laminate-shadow.jpg']) {
      const scene = manifest.find((s) => s.file === file)!;
      const path = join(ROOT, 'test/fixtures/scenes', file);
      const pre = await preprocess(path);
      const found = pre.surface?.corners ?? [];
      assert.equal(found.length, 4, `${file}: no four-cornered outline`);
      // Every true corner has a found one near it: the whole note, not the piece of it on one
      // side of the other sheet's edge or of the shadow's.
      for (const truth of scene.corners) {
        const nearest = Math.min(...found.map((p) => Math.hypot(p.x - truth.x, p.y - truth.y)));
        assert.ok(
          nearest < 0.06 * scene.width,
          `${file}: corner ${truth.x},${truth.y} is ${nearest.toFixed(0)} px off`,
        );
      }
      assert.equal(String((await classifier.classifyPreprocessed(pre)).digit), scene.label, file);
    }
  });

  it('readNumber() reads thin pen strokes on a card as they are, not worn down by the pattern filter', async () => {
    // A validation photo (test/fixtures/desk-photos/README.md) once read "0": the closing meant
    // for a cheque's printed pattern broke the thin "2" and "9" into shreds.
    const reading = await readNumber(join(ROOT, 'test/fixtures/desk-photos/number-029-thin-pen-mint-card.jpg'));
    assert.equal(reading.text, '029');
    assert.ok(reading.surface, 'no surface reported');
  });

  it('readNumber() keeps a wide digit whole and reads no mark beside the number (validation desk photos)', async () => {
    // Once read "422" (a wide 2 cut in two) and "8887191" (see test/fixtures/desk-photos/README.md).
    for (const [file, text] of [
      ['number-42-wide-two-pink-card.jpg', '42'],
      ['number-888719-index-card-light-oak.jpg', '888719'],
    ] as const) {
      const reading = await readNumber(join(ROOT, 'test/fixtures/desk-photos', file));
      assert.equal(reading.text, text, file);
    }
  });

  it('readNumber() keeps a 1 that stands apart from its neighbours, a straight bar like a ruled line', async () => {
    // A validation photo (test/fixtures/desk-photos/README.md) once read "9374", not even
    // uncertain: the 1 was taken for a stray straight line far from the rest of the ink.
    const reading = await readNumber(join(ROOT, 'test/fixtures/desk-photos/number-93714-upright-one-dark-wood.jpg'));
    assert.equal(reading.text, '93714');
  });

  it('readNumber() finds a note lying on a second sheet that runs off the frame', async () => {
    // A validation photo (test/fixtures/desk-photos/README.md) once read "1": the note and the
    // sheet under it were one light shape across the frame, so no note was found at all.
    const file = join(ROOT, 'test/fixtures/desk-photos/number-8686-note-on-second-sheet-cutting-mat.jpg');
    const reading = await readNumber(file);
    assert.equal(reading.text, '8686');
    assert.ok(reading.surface, 'no surface reported');
    // The note's outline, not the sheet's: the sheet runs to the photo's bottom edge (1649 px).
    const lowest = Math.max(...reading.surface.corners.map((p) => p.y));
    assert.ok(lowest < 1550, `the outline reaches y = ${lowest.toFixed(0)}: it took in the sheet below`);
  });

  it('readNumber() leaves out a small stray mark standing apart at either end of the number', async () => {
    // A validation photo (test/fixtures/desk-photos/README.md) once read "187334": a speck before
    // the number, on its row. The mark is not read. (The number slants 16° on the note, so it is
    // now read turned level, where the speck is too small to be seen at all; read as it lay, the
    // speck was reported in notDigits, and a reading with a mark left out is uncertain.)
    const speck = await readNumber(join(ROOT, 'test/fixtures/desk-photos/number-87334-speck-light-oak.jpg'));
    assert.equal(speck.text, '87334');
    assert.ok(speck.notDigits.length <= 1, 'more than the speck left out');
    if (speck.notDigits.length > 0) assert.ok(speck.uncertain, 'a reading with a mark left out is not uncertain');
    // Another once read "9181": a short mark wholly below the line, past its last digit, is no
    // part of the line at all (as the corner of a phone below a number is not).
    const below = await readNumber(join(ROOT, 'test/fixtures/desk-photos/number-918-mark-below-grey-laminate.jpg'));
    assert.equal(below.text, '918');
  });

  it("readNumber() reads big digits filling a small card, not the card's edge", async () => {
    // The card is a fifth of the photo: read without it, its edge is one mark taller than the digits.
    const indices = [4, 18];
    const ink = (u: number, v: number): number =>
      Math.max(...indices.map((i, k) => digitInk(i, 0.4, -0.4 + 0.8 * k, 0)(u, v)));
    const reading = await readNumber(noteOnDesk(ink, 4, [160, 190]));
    assert.equal(reading.text, indices.map((i) => mnistDigit(i).label).join(''));
    assert.ok(reading.surface, 'no surface reported');
  });

  it('readNumber() reads a number on a note on a desk and reports the note', async () => {
    const indices = [3, 2, 1, 18];
    const ink = (u: number, v: number): number =>
      Math.max(...indices.map((i, k) => digitInk(i, 0.3, -0.75 + 0.5 * k, 0)(u, v)));
    const reading = await readNumber(noteOnDesk(ink, 5));
    assert.equal(reading.text, indices.map((i) => mnistDigit(i).label).join(''));
    assert.ok(reading.surface, 'no surface reported');
  });

  it('readNumber() reads a number on a sheet the surface finder misses, past the thin dark rim around it', async () => {
    // A sheet a shade darker than the white table under it, outlined by its thin shadow: the rim
    // is the largest mark, and the digits must not be taken for specks beside it.
    const [width, height] = [900, 1200];
    const canvas = createCanvas(width, height);
    const pen = canvas.getContext('2d');
    pen.fillStyle = '#e6e6e6';
    pen.fillRect(0, 0, width, height);
    pen.fillStyle = '#dadada';
    pen.fillRect(90, 50, 720, 1080);
    pen.strokeStyle = '#6e6e6e';
    pen.lineWidth = 4;
    pen.strokeRect(90, 50, 720, 1080);
    const two: Parameters<typeof drawStrokes>[1] = [
      [
        [0.2, 0.3],
        [0.5, 0.1],
        [0.8, 0.3],
        [0.2, 0.9],
        [0.85, 0.9],
      ],
    ];
    [seven(0.5), two, seven(0.4)].forEach((strokes, k) =>
      drawStrokes(pen as unknown as Pen, strokes, 200 + 140 * k, 150, 110, 7),
    );
    const { data } = pen.getImageData(0, 0, width, height);
    const reading = await readNumber({ data: new Uint8Array(data.buffer), width, height });
    assert.equal(reading.text, '727');
  });

  it('readNumber() reads a 1 drawn as one tall bar among specks of dust, not taking it for an edge', async () => {
    const dust = [
      [100, 80],
      [700, 600],
      [650, 90],
      [150, 620],
      [400, 650],
    ];
    for (const width of [10, 30]) {
      const bar = page(900, 700, (x, y) =>
        (x >= 440 && x < 440 + width && y >= 120 && y < 580) || dust.some(([a, b]) => Math.hypot(x - a!, y - b!) < 4)
          ? 1
          : 0,
      );
      assert.equal((await readNumber(bar)).text, '1', `a bar ${width} px wide`);
    }
  });
});
