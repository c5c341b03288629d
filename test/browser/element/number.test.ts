import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DigitErrorEvent, DigitNumberEvent, DigitRecognizerElement } from '../../../src/element.js';
import { composeNumber } from '../../fixtures/compose-number.js';
import { mnistTest, toBlob } from '../fixtures.js';
import {
  blankFile,
  chooseFiles,
  collect,
  digitFile,
  drawStroke,
  modelReady,
  part,
  shadow,
  failOnConsoleErrors,
  until,
} from './helpers.js';

interface NumberFixture {
  file: File;
  text: string;
  width: number;
  height: number;
}

/**
 * A PNG of real MNIST test digits at `indices`, written as one number on paper by
 * `composeNumber` (no touching digits, so the reading is exact).
 */
async function numberFile(indices: number[], seed = 1, name = 'number.png'): Promise<NumberFixture> {
  const { images, labels } = await mnistTest();
  // Only the digits used, as floats 0–1 (white ink on black), renumbered 0…n-1.
  const glyphs = new Float32Array(indices.length * 784);
  indices.forEach((index, i) => {
    for (let p = 0; p < 784; p++) glyphs[i * 784 + p] = images[index * 784 + p]! / 255;
  });
  const composed = composeNumber(
    glyphs,
    indices.map((index) => labels[index]!),
    indices.map((_, i) => i),
    { seed, touching: 0 },
  );
  const canvas = document.createElement('canvas');
  canvas.width = composed.width;
  canvas.height = composed.height;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(composed.width, composed.height);
  for (let i = 0; i < composed.data.length; i++) {
    const gray = Math.round(Math.max(0, Math.min(1, composed.data[i]!)) * 255);
    image.data.set([gray, gray, gray, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
  const file = new File([await toBlob(canvas)], name, { type: 'image/png' });
  return { file, text: composed.text, width: composed.width, height: composed.height };
}

/** MNIST test digits 4, 0, 7, 1 (the labels of indices 4, 3, 0, 2): "4071". */
const FOUR_DIGITS = [4, 3, 0, 2];

function announcement(el: DigitRecognizerElement): string {
  return part(el, '[aria-live]').textContent?.trim() ?? '';
}

describe('<digit-recognizer mode="number">', function () {
  this.timeout(120000);
  failOnConsoleErrors();
  let fourDigits: NumberFixture;

  before(async () => {
    fourDigits = await numberFile(FOUR_DIGITS);
  });

  it('reads a four-digit number, shows it with the boxes of its digits, and submits it', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><digit-recognizer mode="number" name="postcode"></digit-recognizer></form>`,
    );
    const el = form.querySelector('digit-recognizer')!;
    expect(fourDigits.text).to.equal('4071');
    const predictions = collect(el, 'prediction');
    const read = oneEvent(el, 'number') as Promise<DigitNumberEvent>;
    chooseFiles(el, [fourDigits.file]);
    const event = await read;
    predictions.stop();

    // The event carries the reading.
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail.file).to.equal(fourDigits.file);
    const { reading } = event.detail;
    expect(reading.text).to.equal('4071');
    expect(reading.digits.map((d) => d.digit)).to.deep.equal([4, 0, 7, 1]);
    expect(reading.confidence).to.be.within(0, 1);
    expect(predictions.events, 'no prediction events in number mode').to.have.length(0);

    // The value is the number, in the form too.
    expect(el.value).to.equal('4071');
    expect(new FormData(form).get('postcode')).to.equal('4071');
    expect(el.readings).to.have.length(1);
    expect(el.readings[0]!.reading.text).to.equal('4071');
    expect(el.readings[0]!.file).to.equal(fourDigits.file);
    expect(el.results, 'no single-digit results').to.deep.equal([]);
    expect(el.state).to.equal('result');

    // The number, large, as text, with the overall confidence.
    await el.updateComplete;
    expect(part(el, '[part="number"]').textContent?.trim()).to.equal('4071');
    expect(part(el, '[part="confidence"]').textContent?.trim()).to.equal(
      `${Math.round(reading.confidence * 100)}% confident`,
    );
    expect(shadow(el).querySelector('[part="bars"]'), 'no probability bars').to.equal(null);
    const card = part(el, '[part="card"]');
    expect(card.dataset['state']).to.equal(reading.uncertain ? 'uncertain' : 'result');
    expect(announcement(el)).to.equal(
      `${reading.uncertain ? 'Not sure. Best guess' : 'Read'} 4071, ${Math.round(reading.confidence * 100)}% confident`,
    );

    // One decorative box per digit over the preview, where the digit is.
    await until(() => shadow(el).querySelectorAll('[part="digit-box"]').length === 4, 'the digit boxes');
    const boxes = Array.from(shadow(el).querySelectorAll<HTMLElement>('[part="digit-box"]'));
    expect(boxes.map((b) => b.textContent?.trim())).to.deep.equal(['4', '0', '7', '1']);
    expect(boxes[0]!.closest('[aria-hidden="true"]'), 'boxes are hidden from assistive technology').to.not.equal(null);
    const preview = part<HTMLImageElement>(el, 'img[part="preview"]');
    expect(preview.naturalWidth).to.equal(fourDigits.width);
    const shown = preview.getBoundingClientRect();
    expect(shown.width).to.be.greaterThan(0);
    const scale = shown.width / fourDigits.width;
    boxes.forEach((box, i) => {
      const expected = reading.digits[i]!.box;
      const rect = box.getBoundingClientRect();
      expect(rect.left - shown.left, `box ${i} left`).to.be.closeTo(expected.x * scale, 1.5);
      expect(rect.top - shown.top, `box ${i} top`).to.be.closeTo(expected.y * scale, 1.5);
      expect(rect.width, `box ${i} width`).to.be.closeTo(expected.width * scale, 1.5);
      expect(rect.height, `box ${i} height`).to.be.closeTo(expected.height * scale, 1.5);
    });
    // Left to right, without overlapping.
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.getBoundingClientRect().left).to.be.greaterThan(boxes[i - 1]!.getBoundingClientRect().left);
    }

    await expect(el).to.be.accessible();
  });

  it('talks about numbers in its prompts, unless they were set', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer mode="number"></digit-recognizer>`);
    expect(part(el, '.drop-label').textContent?.trim()).to.equal('Drop, paste or choose a photo of a number');
    expect(part(el, '.pad-label').textContent?.trim()).to.equal('Or write a number here');
    el.dropLabel = 'Photo of the meter';
    await el.updateComplete;
    expect(part(el, '.drop-label').textContent?.trim()).to.equal('Photo of the meter');
    await expect(el).to.be.accessible();
  });

  it('shows a blank image as "No digit found"', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer mode="number"></digit-recognizer>`);
    const numbers = collect(el, 'number');
    const failed = oneEvent(el, 'digit-error') as Promise<DigitErrorEvent>;
    chooseFiles(el, [await blankFile()]);
    const { detail } = await failed;
    numbers.stop();
    expect(detail.error.code).to.equal('EMPTY_IMAGE');
    expect(numbers.events).to.have.length(0);
    await el.updateComplete;
    const card = part(el, '[part="card"]');
    expect(card.dataset['state']).to.equal('no-digit');
    expect(card.textContent).to.contain('No digit found');
    expect(shadow(el).querySelector('[part="number"]')).to.equal(null);
    expect(shadow(el).querySelector('[part="digit-box"]')).to.equal(null);
    expect(el.value).to.equal('');
    expect(announcement(el)).to.equal('No digit found in blank.png');
    await expect(el).to.be.accessible();
  });

  it('shows an uncertain reading as such', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer mode="number" uncertain-below="1"></digit-recognizer>`,
    );
    const read = oneEvent(el, 'number') as Promise<DigitNumberEvent>;
    chooseFiles(el, [fourDigits.file]);
    const { reading } = (await read).detail;
    expect(reading.uncertain).to.equal(true);
    await el.updateComplete;
    expect(part(el, '[part="card"]').dataset['state']).to.equal('uncertain');
    expect(part(el, '[part="uncertain"]').textContent?.trim()).to.equal('Not sure');
    expect(part(el, '[part="number"]').textContent?.trim()).to.equal('4071');
    expect(announcement(el)).to.match(/^Not sure\. Best guess 4071, \d+% confident$/);
    // Still the best guess: it counts as the value.
    expect(el.value).to.equal('4071');

    // Lowering the threshold re-judges quietly: no new event.
    const numbers = collect(el, 'number');
    el.uncertainBelow = 0;
    await until(() => part(el, '[part="card"]').dataset['state'] === 'result', 'the re-judged reading');
    numbers.stop();
    expect(numbers.events).to.have.length(0);
    expect(el.readings[0]!.reading.uncertain).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('joins the numbers of several cards with a space, in order', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer mode="number" multiple></digit-recognizer>`,
    );
    // MNIST test digits 2, 1 and 9 (indices 1, 2, 7): "219".
    const second = await numberFile([1, 2, 7], 3, 'second.png');
    expect(second.text).to.equal('219');
    const numbers = collect<DigitNumberEvent>(el, 'number');
    chooseFiles(el, [fourDigits.file, second.file]);
    await until(() => numbers.events.length === 2, 'two readings');
    numbers.stop();
    await until(() => el.state === 'result', 'both cards');
    expect(el.value).to.equal('4071 219');
    expect(el.readings.map((r) => r.file)).to.deep.equal([fourDigits.file, second.file]);
  });

  it('keeps only the latest image when one replaces another mid-read', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer mode="number"></digit-recognizer>`);
    await modelReady(el);
    const numbers = collect<DigitNumberEvent>(el, 'number');
    const errors = collect(el, 'digit-error');
    const second = await numberFile([1, 2, 7], 3, 'second.png');
    chooseFiles(el, [fourDigits.file]);
    chooseFiles(el, [second.file]);
    await until(() => el.state === 'result', 'the reading');
    await new Promise((resolve) => setTimeout(resolve, 300));
    numbers.stop();
    errors.stop();
    expect(numbers.events.map((e) => e.detail.reading.text)).to.deep.equal(['219']);
    expect(errors.events).to.have.length(0);
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(1);
    expect(el.value).to.equal('219');
  });

  it('reads a number written on the wide pad, with boxes over the drawing', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer mode="number" draw-debounce="0"></digit-recognizer>`,
    );
    await modelReady(el);
    const pad = part<HTMLCanvasElement>(el, 'canvas[part="pad"]');
    expect(pad.width).to.be.greaterThan(pad.height);
    const read = oneEvent(el, 'number') as Promise<DigitNumberEvent>;
    // Two plain strokes, well apart: "11".
    drawStroke(pad, [
      [0.3, 0.15],
      [0.29, 0.85],
    ]);
    drawStroke(pad, [
      [0.7, 0.15],
      [0.69, 0.85],
    ]);
    const { detail } = await read;
    expect(detail.file).to.equal(null);
    expect(detail.reading.text).to.equal('11');
    expect(el.value).to.equal('11');
    await el.updateComplete;
    expect(shadow(el).querySelector('canvas[part="preview"]'), 'the drawing is shown in its card').to.not.equal(null);
    expect(shadow(el).querySelectorAll('[part="digit-box"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('reads single digits again when it leaves number mode', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer mode="number"></digit-recognizer>`);
    const read = oneEvent(el, 'number') as Promise<DigitNumberEvent>;
    chooseFiles(el, [await digitFile('7')]);
    expect((await read).detail.reading.text).to.equal('7');
    expect(el.value).to.equal('7');
    const predicted = oneEvent(el, 'prediction');
    el.mode = 'upload';
    await predicted;
    await el.updateComplete;
    expect(el.readings).to.deep.equal([]);
    expect(el.results.map((r) => r.digit)).to.deep.equal([7]);
    expect(shadow(el).querySelector('[part="number"]')).to.equal(null);
    expect(part(el, '[part="digit"]').textContent?.trim()).to.equal('7');
  });
});
