import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DigitErrorEvent, DigitPredictionEvent, DigitRecognizerElement } from '../../../src/element.js';
import { DigitRecognizerError } from '../../../src/index.js';
import {
  blankFile,
  chooseFiles,
  collect,
  digitFile,
  modelReady,
  part,
  shadow,
  failOnConsoleErrors,
  until,
} from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

describe('<digit-recognizer>: errors', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  it('shows a PDF renamed .png as an error anyone understands', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = new File(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'], 'doc.png', { type: 'image/png' });
    const failed = oneEvent(el, 'digit-error') as Promise<DigitErrorEvent>;
    chooseFiles(el, [file]);
    const event = await failed;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail.error).to.be.instanceOf(DigitRecognizerError);
    expect(event.detail.error.code).to.equal('DECODE_FAILED');
    expect(event.detail.file).to.equal(file);
    await el.updateComplete;
    const alert = part(el, '[part="card"] [role="alert"]');
    expect(alert.textContent?.trim()).to.equal("This file isn't an image we can read.");
    expect(part(el, '[part="card"]').dataset['state']).to.equal('error');
    expect(el.state).to.equal('error');
    expect(el.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows "No digit found" for an image without ink, not an error', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const failed = oneEvent(el, 'digit-error') as Promise<DigitErrorEvent>;
    chooseFiles(el, [await blankFile()]);
    const { detail } = await failed;
    expect(detail.error.code).to.equal('EMPTY_IMAGE');
    await el.updateComplete;
    const card = part(el, '[part="card"]');
    expect(card.dataset['state']).to.equal('no-digit');
    expect(card.querySelector('[role="alert"]')).to.equal(null);
    expect(card.textContent).to.contain('No digit found');
    expect(el.state).to.equal('result');
    expect(el.value).to.equal('');
  });

  it('renders HTML in a file name as text, never as markup', async () => {
    window.__pwned = undefined;
    const name = '<img src=x onerror=window.__pwned=1>.png';
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = await digitFile('7', name);
    const predicted = oneEvent(el, 'prediction');
    chooseFiles(el, [file]);
    await predicted;
    await el.updateComplete;
    expect(part(el, '.file-name').textContent).to.equal(name);
    expect(part(el, '[part="remove-button"]').getAttribute('aria-label')).to.equal(`Remove ${name}`);
    expect(shadow(el).querySelector('img[src="x"]')).to.equal(null);
    expect(shadow(el).querySelectorAll('img')).to.have.length(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.__pwned).to.equal(undefined);
  });

  it('says the files are missing when the server answers model.json with an HTML page', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer model-url=${location.href}></digit-recognizer>`,
    );
    const errors = collect<DigitErrorEvent>(el, 'digit-error');
    await until(() => el.state === 'error', 'the load to fail');
    await el.updateComplete;
    expect(part(el, '.model-error[role="alert"]').textContent).to.contain(
      "The recognizer's files are missing from this website.",
    );
    // The developer's message names the URL, what came back and what to do.
    const { message } = errors.events[0]!.detail.error;
    expect(message).to.contain('HTML page').and.to.contain('setAssetPath()');
    errors.stop();
  });

  it('shows a model that fails to load, with a Retry button that loads again', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer model-url="/nope/model.json"></digit-recognizer>`,
    );
    const errors = collect<DigitErrorEvent>(el, 'digit-error');
    await until(() => el.state === 'error', 'the load to fail');
    await el.updateComplete;
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.detail.error.code).to.equal('MODEL_LOAD_FAILED');
    expect(errors.events[0]!.detail.file).to.equal(null);
    const alert = part(el, '.model-error[role="alert"]');
    // A 404: the server answered, so this is not the connection.
    expect(alert.textContent).to.contain("The recognizer's files are missing from this website.");
    const retry = part<HTMLButtonElement>(el, '[part="retry-button"]');
    expect(retry.textContent?.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();

    retry.click();
    expect(el.state).to.equal('loading');
    await until(() => el.state === 'error', 'the retry to fail');
    expect(errors.events).to.have.length(2);
    errors.stop();
  });

  it('Retry recovers once the network is back, and recognizes the waiting image', async () => {
    const url = '/models/recognizer/model.json?fresh=flaky';
    // The test server drops these connections until told the network is back.
    const network = (state: 'offline' | 'online') => fetch(`/__network?flaky=${state}`);
    await network('offline');
    try {
      const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer model-url=${url}></digit-recognizer>`);
      await until(() => el.state === 'error', 'the load to fail');
      await el.updateComplete;
      expect(part(el, '.model-error[role="alert"]').textContent).to.contain('Check your connection');
      await network('online');
      const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
      part<HTMLButtonElement>(el, '[part="retry-button"]').click();
      el.addFiles([await digitFile('7')]);
      const { detail } = await predicted;
      expect(detail.file?.name).to.equal('7.png');
      await el.updateComplete;
      expect(shadow(el).querySelector('.model-error')).to.equal(null);
      expect(el.state).to.equal('result');
    } finally {
      await network('online');
    }
  });
});

describe('<digit-recognizer>: form field', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  it('submits the recognized digit under its name', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <digit-recognizer name="digit"></digit-recognizer>
      </form>
    `);
    const el = form.querySelector('digit-recognizer')!;
    expect(el.form).to.equal(form);
    expect(new FormData(form).get('digit')).to.equal('');
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    chooseFiles(el, [await digitFile('7')]);
    const { detail } = await predicted;
    expect(new FormData(form).get('digit')).to.equal(String(detail.digit));
    expect(new FormData(form).get('digit')).to.equal('7');
  });

  it('submits several digits in order, skipping images without a digit', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <digit-recognizer name="digits" multiple></digit-recognizer>
      </form>
    `);
    const el = form.querySelector('digit-recognizer')!;
    await modelReady(el);
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    const errors = collect<DigitErrorEvent>(el, 'digit-error');
    el.addFiles([await digitFile('1'), await blankFile(), await digitFile('7')]);
    await until(() => predictions.events.length === 2 && errors.events.length === 1, 'all three cards');
    const expected = el.results.map((r) => r.digit).join('');
    expect(expected).to.have.length(2);
    expect(new FormData(form).get('digits')).to.equal(expected);
    expect(new FormData(form).get('digits')).to.equal('17');
  });

  it('clears on form reset, and follows a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <fieldset>
          <digit-recognizer name="digit"></digit-recognizer>
        </fieldset>
      </form>
    `);
    const el = form.querySelector('digit-recognizer')!;
    const predicted = oneEvent(el, 'prediction');
    el.addFiles([await digitFile('7')]);
    await predicted;
    expect(el.value).to.not.equal('');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(new FormData(form).get('digit')).to.equal('');
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);

    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(part<HTMLButtonElement>(el, '[part="dropzone"]').disabled).to.equal(true);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(part<HTMLButtonElement>(el, '[part="dropzone"]').disabled).to.equal(false);
  });
});
