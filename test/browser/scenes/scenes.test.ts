/**
 * Digits and numbers photographed on a note lying on a desk (test/fixtures/scenes): the real
 * model reads them in Chromium, finds the note, and reads only the ink inside it. A page filling
 * the frame, a transparent PNG and a drawing still read as before, with no surface.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { memory } from '@tensorflow/tfjs-core';
import { classify, DigitRecognizerError, preprocess, readNumber } from '../../../src/index.js';
import type { Point } from '../../../src/index.js';
import type { DigitNumberEvent, DigitPredictionEvent, DigitRecognizerElement } from '../../../src/element.js';
import { digitCanvas as mnistCanvas, toBlob } from '../fixtures.js';
import {
  chooseFiles,
  digitCanvas as drawnCanvas,
  digitFile,
  drawStroke,
  failOnConsoleErrors,
  modelReady,
  part,
  shadow,
  until,
} from '../element/helpers.js';

interface Scene {
  file: string;
  label: string | null;
  desk: string;
  expect: 'digit' | 'number' | 'empty';
  width: number;
  height: number;
  /** The note's corners, clockwise from top-left; null for a page filling the frame. */
  corners: Point[] | null;
  /** Each digit's centre and height. */
  digits: Array<Point & { height: number }>;
}

const SCENES = '/test/fixtures/scenes/';
const scenes = (await (await fetch(`${SCENES}manifest.json`)).json()) as Scene[];
const ofKind = (kind: Scene['expect']) => scenes.filter((scene) => scene.expect === kind);

/**
 * Fixtures the library still gets wrong (issue 11 is open): listed, with what goes wrong, so
 * they show as pending in every run instead of passing quietly or failing CI. Remove a line
 * when its fixture reads right.
 */
const KNOWN_MISSES: Record<string, string> = {
  'digit-white-table.jpg': 'white paper on a white table: no outline found (the digit still reads right)',
  'empty-squared-paper.jpg': 'a squared page filling the frame is taken for a note, its grid for a 0',
  'empty-page-shadow.jpg':
    "a blank page with a soft shadow across it: the narrow wedge of lit paper beside the shadow's edge is taken for light ink (flagged not a digit, no EMPTY_IMAGE)",
};
/** `it`, or `it.skip` naming the known miss. */
const itUnlessKnown = (file: string, title: string, fn: () => Promise<void>): Mocha.Test =>
  KNOWN_MISSES[file] ? it.skip(`${title} [known miss: ${KNOWN_MISSES[file]}]`, fn) : it(title, fn);

const blobs = new Map<string, Blob>();
/** A fixture's bytes as the test server serves them, with its image type. */
async function sceneBlob(file: string): Promise<Blob> {
  let blob = blobs.get(file);
  if (!blob) {
    const response = await fetch(`${SCENES}${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    blob = await response.blob();
    blobs.set(file, blob);
  }
  return blob;
}

async function sceneFile(file: string): Promise<File> {
  const blob = await sceneBlob(file);
  return new File([blob], file, { type: blob.type });
}

const at = (p: Point) => `(${Math.round(p.x)}, ${Math.round(p.y)})`;

/** The error code a call rejects with, or what it read when it did not reject. */
async function outcome(promise: Promise<{ digit: number; confidence: number }>): Promise<string> {
  try {
    const { digit, confidence } = await promise;
    return `read ${digit} (${confidence.toFixed(2)})`;
  } catch (error) {
    if (!(error instanceof DigitRecognizerError)) throw error;
    return error.code;
  }
}

/** The SVG outline's points, read back from its `points` attribute. */
function outlinePoints(el: DigitRecognizerElement): Point[] {
  const polygon = shadow(el).querySelector('[part="surface"] polygon');
  if (!polygon) throw new Error('no [part="surface"] polygon');
  const numbers = (polygon.getAttribute('points') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const points: Point[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push({ x: numbers[i]!, y: numbers[i + 1]! });
  return points;
}

describe('scenes: a note on a desk, read with the real model', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  for (const scene of ofKind('digit')) {
    itUnlessKnown(
      scene.file,
      `${scene.file} (${scene.desk}): reads ${scene.label}, finds the note and the digit on it`,
      async () => {
        const blob = await sceneBlob(scene.file);
        const problems: string[] = [];
        const prediction = await classify(blob);
        if (String(prediction.digit) !== scene.label) {
          problems.push(`read ${prediction.digit} (${prediction.confidence.toFixed(2)}), not ${scene.label}`);
        }
        const pre = await preprocess(blob);
        expect([pre.sourceWidth, pre.sourceHeight], 'decoded size').to.deep.equal([scene.width, scene.height]);
        const found = pre.surface?.corners ?? [];
        const shown = found.map(at).join(' ');
        if (!pre.surface) problems.push('no surface found');
        else if (found.length !== 4) problems.push(`surface has ${found.length} corners: ${shown}`);
        const tolerance = 0.06 * Math.max(scene.width, scene.height);
        for (const truth of pre.surface ? scene.corners! : []) {
          const nearest = Math.min(...found.map((p) => Math.hypot(p.x - truth.x, p.y - truth.y)));
          if (!(nearest <= tolerance)) {
            problems.push(`corner ${at(truth)}: nearest found is ${Math.round(nearest)} px away (found ${shown})`);
          }
        }
        const { box } = pre;
        const centre = scene.digits[0]!;
        const inside = (v: number, from: number, size: number) => v >= from && v <= from + size;
        if (!inside(centre.x, box.x, box.width) || !inside(centre.y, box.y, box.height)) {
          const boxText = `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
          problems.push(`digit box ${boxText} misses the digit's centre ${at(centre)}`);
        }
        expect(problems, scene.file).to.deep.equal([]);
      },
    );
  }

  for (const scene of ofKind('number')) {
    itUnlessKnown(
      scene.file,
      `${scene.file} (${scene.desk}): reads the number ${scene.label} on the note`,
      async () => {
        const reading = await readNumber(await sceneBlob(scene.file));
        const problems: string[] = [];
        if (reading.text !== scene.label) problems.push(`read "${reading.text}", not "${scene.label}"`);
        if (!reading.surface) problems.push('no surface found');
        expect(problems, scene.file).to.deep.equal([]);
      },
    );
  }

  for (const scene of ofKind('empty')) {
    itUnlessKnown(scene.file, `${scene.file} (${scene.desk}): has no digit: EMPTY_IMAGE`, async () => {
      expect(await outcome(classify(await sceneBlob(scene.file))), scene.file).to.equal('EMPTY_IMAGE');
    });
  }

  it('reads a page filling the frame as before, with no surface', async () => {
    // MNIST test digit 0 (a 7) on white paper from edge to edge.
    const { canvas, label } = await mnistCanvas(0, { paper: '#ffffff', shadow: 0 });
    const pre = await preprocess(canvas);
    expect(pre.surface, 'surface').to.equal(undefined);
    expect((await classify(canvas)).digit).to.equal(label);
    const shaded = await mnistCanvas(3, { shadow: 0.3 });
    expect((await preprocess(shaded.canvas)).surface, 'surface of a shaded page').to.equal(undefined);
    expect((await classify(shaded.canvas)).digit).to.equal(shaded.label);
  });

  it('reads a transparent PNG of a digit with no surface', async () => {
    const { canvas, label } = await mnistCanvas(1, { transparent: true });
    const png = await toBlob(canvas);
    expect((await preprocess(png)).surface, 'surface').to.equal(undefined);
    expect((await classify(png)).digit).to.equal(label);
  });

  it('reads a drawing on a canvas with no surface', async () => {
    const canvas = drawnCanvas('1');
    expect((await preprocess(canvas)).surface, 'surface').to.equal(undefined);
    expect((await classify(canvas)).digit).to.equal(1);
  });

  it('reads bold digits drawn big on a white canvas, never taking them for a screen or a note', async () => {
    // MNIST test digits filling a square white canvas, as a drawing pad gives them: a bold 0 or 9
    // was taken for a dark screen (read as a 1) or a note (EMPTY_IMAGE).
    for (const [i, side] of [
      [141, 140],
      [188, 420],
      [209, 420],
      [262, 280],
      [311, 280],
      [459, 140],
    ] as const) {
      const { canvas, label } = await mnistCanvas(i, {
        width: side,
        height: side,
        size: 20 / 28,
        ink: '#000000',
        paper: '#ffffff',
        shadow: 0,
      });
      const pre = await preprocess(canvas);
      expect(pre.surface, `surface of digit ${i}`).to.equal(undefined);
      expect((await classify(canvas)).digit, `digit ${i}`).to.equal(label);
    }
  });

  it('leaks no tensors over the scenes, whether read, rejected or read as numbers', async () => {
    // Every model is loaded by now: the tests above ran them all.
    const before = memory().numTensors;
    for (const scene of scenes) {
      const blob = await sceneBlob(scene.file);
      await outcome(classify(blob));
      await preprocess(blob).catch(() => undefined);
      // A known miss may be rejected (EMPTY_IMAGE): that path must free its tensors too.
      if (scene.expect === 'number') {
        await readNumber(blob).catch((error: unknown) => {
          if (!(error instanceof DigitRecognizerError) || !KNOWN_MISSES[scene.file]) throw error;
        });
      }
    }
    expect(memory().numTensors).to.equal(before);
  });
});

describe('scenes: <digit-recognizer> outlines the note', function () {
  this.timeout(120000);
  failOnConsoleErrors();
  const digitScene = ofKind('digit').find((scene) => scene.file.endsWith('.jpg') && !KNOWN_MISSES[scene.file])!;
  const numberScene = ofKind('number').find((scene) => scene.file.endsWith('.jpg') && !KNOWN_MISSES[scene.file])!;

  it(`shows the digit of ${digitScene.file} with the note's outline over the preview`, async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    chooseFiles(el, [await sceneFile(digitScene.file)]);
    const { detail } = await predicted;
    await until(() => el.state === 'result', 'the result');
    await el.updateComplete;
    expect(String(detail.digit), 'digit in the event').to.equal(digitScene.label);
    expect(part(el, '[part="digit"]').textContent?.trim()).to.equal(digitScene.label);
    const points = outlinePoints(el);
    expect(points, `outline ${points.map(at).join(' ')}`).to.have.length(4);
    for (const p of points) {
      expect(p.x).to.be.within(0, digitScene.width);
      expect(p.y).to.be.within(0, digitScene.height);
    }
    expect(part(el, '[part="surface"]').closest('[aria-hidden="true"]'), 'decorative').to.not.equal(null);
  });

  it(`shows the number of ${numberScene.file} with the note's outline in number mode`, async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer mode="number"></digit-recognizer>`);
    const read = oneEvent(el, 'number') as Promise<DigitNumberEvent>;
    chooseFiles(el, [await sceneFile(numberScene.file)]);
    const { detail } = await read;
    await until(() => el.state === 'result', 'the result');
    await el.updateComplete;
    expect(detail.reading.text, 'number in the event').to.equal(numberScene.label);
    expect(part(el, '[part="number"]').textContent?.trim()).to.equal(numberScene.label);
    expect(outlinePoints(el)).to.have.length(4);
  });

  it('draws no outline for a page filling the frame', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    chooseFiles(el, [await digitFile('7')]);
    expect((await predicted).detail.digit).to.equal(7);
    await until(() => el.state === 'result', 'the result');
    await el.updateComplete;
    expect(part(el, '[part="digit"]').textContent?.trim()).to.equal('7');
    expect(shadow(el).querySelector('[part="surface"]')).to.equal(null);
  });

  it('draws no outline for a drawing on the pad', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer draw-debounce="0"></digit-recognizer>`);
    await modelReady(el);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    drawStroke(part<HTMLCanvasElement>(el, 'canvas[part="pad"]'), [
      [0.5, 0.15],
      [0.5, 0.85],
    ]);
    expect((await predicted).detail.digit).to.equal(1);
    await until(() => el.state === 'result', 'the result');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="surface"]')).to.equal(null);
  });
});
