import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DigitPredictionEvent, DigitRecognizerElement } from '../../../src/element.js';
import {
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

describe('<digit-recognizer>: intake', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  it('recognizes files chosen in the file picker', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = await digitFile('7');
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    chooseFiles(el, [file]);
    const event = await predicted;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail.file).to.equal(file);
    expect(event.detail.digit).to.equal(7);
    expect(event.detail.probabilities).to.have.length(10);
    // The chance that the 7 is right: its probability among digits, times the chance that it is one.
    const { confidence, probabilities, notDigitScore } = event.detail;
    expect(confidence).to.be.closeTo(Math.max(...probabilities) * (1 - notDigitScore), 1e-9);
    expect(typeof event.detail.uncertain).to.equal('boolean');
    expect(el.value).to.equal('7');
    expect(el.results).to.have.length(1);
    expect(el.results[0]).to.include({ digit: 7, file });
    // The input is reset so the same file can be chosen again.
    expect(part<HTMLInputElement>(el, 'input[type="file"]').value).to.equal('');
  });

  it('recognizes a file dropped on the element', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = await digitFile('7');
    const dt = new DataTransfer();
    dt.items.add(file);
    const dropzone = part(el, '[part="dropzone"]');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    dropzone.dispatchEvent(over);
    expect(over.defaultPrevented, 'dragover accepted').to.equal(true);
    await el.updateComplete;
    expect(part(el, '[part="base"]').classList.contains('dragging')).to.equal(true);

    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
    dropzone.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    const { detail } = await predicted;
    expect(detail.file).to.equal(file);
    expect(detail.digit).to.equal(7);
    await el.updateComplete;
    expect(part(el, '[part="base"]').classList.contains('dragging')).to.equal(false);
  });

  it('recognizes a pasted image', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = await digitFile('7', 'image.png');
    const dt = new DataTransfer();
    dt.items.add(file);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    el.focus();
    const paste = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true });
    part(el, '[part="dropzone"]').dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    const { detail } = await predicted;
    expect(detail.file?.name).to.equal('image.png');
    expect(detail.digit).to.equal(7);
  });

  it('ignores files while disabled', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer disabled></digit-recognizer>`);
    const dt = new DataTransfer();
    dt.items.add(await digitFile('7'));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }),
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);
  });

  it('recognizes a "1" drawn with pointer events, then clears it', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer draw-debounce="50"></digit-recognizer>`);
    await modelReady(el);
    const pad = part<HTMLCanvasElement>(el, 'canvas[part="pad"]');
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    drawStroke(pad, [
      [0.5, 0.15],
      [0.5, 0.85],
    ]);
    // Black ink on white.
    const ctx = pad.getContext('2d')!;
    expect(Array.from(ctx.getImageData(140, 140, 1, 1).data)).to.deep.equal([0, 0, 0, 255]);
    expect(Array.from(ctx.getImageData(20, 20, 1, 1).data)).to.deep.equal([255, 255, 255, 255]);
    const { detail } = await predicted;
    expect(detail.file).to.equal(null);
    expect(detail.digit).to.equal(1);
    await el.updateComplete;
    expect(part(el, '[part="card"]').dataset['kind']).to.equal('drawing');
    expect(el.value).to.equal('1');

    const cleared = oneEvent(el, 'digit-clear');
    part<HTMLButtonElement>(el, '[part="clear-button"]').click();
    await cleared;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);
    expect(el.value).to.equal('');
    expect(Array.from(ctx.getImageData(140, 140, 1, 1).data)).to.deep.equal([255, 255, 255, 255]);
  });

  it('recognizes a "7" drawn in two strokes, once, after the last stroke', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer draw-debounce="150"></digit-recognizer>`);
    await modelReady(el);
    const pad = part<HTMLCanvasElement>(el, 'canvas[part="pad"]');
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    drawStroke(pad, [
      [0.2, 0.2],
      [0.8, 0.2],
    ]);
    drawStroke(
      pad,
      [
        [0.8, 0.2],
        [0.4, 0.85],
      ],
      2,
    );
    await until(() => predictions.events.length > 0, 'a prediction');
    predictions.stop();
    expect(predictions.events).to.have.length(1);
    expect(predictions.events[0]!.detail.digit).to.equal(7);
  });

  it('shows several images as several cards, with the digits in order as value', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer multiple></digit-recognizer>`);
    const one = await digitFile('1');
    const seven = await digitFile('7');
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    chooseFiles(el, [one, seven]);
    await until(() => predictions.events.length === 2, 'two predictions');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(2);
    expect(el.results.map((r) => r.file)).to.deep.equal([one, seven]);
    expect(el.value).to.equal('17');
  });

  it('caps the number of files with max-files and says so politely', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer multiple max-files="2"></digit-recognizer>`,
    );
    const files = await Promise.all(['1', '2', '3'].map((d) => digitFile(d)));
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    chooseFiles(el, files);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(2);
    expect(part(el, '[part="notice"]').textContent).to.contain('Only 2 images');
    expect(part(el, '[aria-live="polite"]').textContent).to.contain('Only 2 images');
    await until(() => predictions.events.length === 2, 'two predictions');
    // Events come as each image finishes; the cards (and results) keep the order of the files.
    expect(predictions.events.map((e) => e.detail.file)).to.have.members(files.slice(0, 2));
    expect(el.results.map((r) => r.file)).to.deep.equal(files.slice(0, 2));
  });

  it('replaces the image without multiple, never painting an older result over a newer one', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    await modelReady(el);
    const older = await digitFile('1', 'older.png');
    const newer = await digitFile('7', 'newer.png');
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    chooseFiles(el, [older]);
    chooseFiles(el, [newer]);
    await until(() => predictions.events.length > 0, 'a prediction');
    // Leave time for the older run to finish, were it not aborted.
    const settle = oneEvent(el, 'prediction');
    el.addFiles([newer]);
    await settle;
    predictions.stop();
    await el.updateComplete;
    expect(predictions.events.every((e) => e.detail.file === newer)).to.equal(true);
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(1);
    expect(part(el, '.file-name').textContent).to.equal('newer.png');
  });

  it('removes a card, also while it is being classified (no event for it)', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer multiple></digit-recognizer>`);
    await modelReady(el);
    const first = await digitFile('1', 'first.png');
    const second = await digitFile('7', 'second.png');
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    el.addFiles([first]);
    await el.updateComplete;
    const remove = part<HTMLButtonElement>(el, '[part="remove-button"]');
    expect(remove.getAttribute('aria-label')).to.equal('Remove first.png');
    remove.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);

    el.addFiles([second]);
    await until(() => predictions.events.length > 0, 'a prediction');
    // One more round trip, so the removed card's run would have finished by now.
    const again = oneEvent(el, 'prediction');
    el.addFiles([first]);
    await again;
    predictions.stop();
    expect(predictions.events.map((e) => e.detail.file)).to.deep.equal([second, first]);

    part<HTMLButtonElement>(el, '[aria-label="Remove second.png"]').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="card"]')).to.have.length(1);
    expect(el.results.map((r) => r.file)).to.deep.equal([first]);
  });

  it('clear() removes everything', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer multiple></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction');
    el.addFiles([await digitFile('4')]);
    await predicted;
    el.clear();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(el.state).to.equal('empty');
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);
  });
});
