import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { DigitRecognizerElement, DigitPredictionEvent } from '../../../src/element.js';
import { chooseFiles, collect, digitFile, modelReady, part, shadow, failOnConsoleErrors, until } from './helpers.js';

describe('<digit-recognizer>: definition, rendering, states', function () {
  this.timeout(120000);
  failOnConsoleErrors();

  it('is defined, and defining it again is harmless', () => {
    expect(customElements.get('digit-recognizer')).to.equal(DigitRecognizerElement);
    expect(() => DigitRecognizerElement.define()).not.to.throw();
    expect(customElements.get('digit-recognizer')).to.equal(DigitRecognizerElement);
    const Other = DigitRecognizerElement.define('digit-recognizer-alias');
    expect(customElements.get('digit-recognizer-alias')).to.equal(Other);
    expect(document.createElement('digit-recognizer-alias')).to.be.instanceOf(DigitRecognizerElement);
  });

  it('renders the empty state with defaults in an open shadow root', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    await modelReady(el);
    expect(el.shadowRoot).to.not.equal(null);
    expect(el.state).to.equal('empty');
    expect(el.mode).to.equal('both');
    expect(el.multiple).to.equal(false);
    expect(el.maxFiles).to.equal(12);
    expect(el.showProbabilities).to.equal('top3');
    expect(el.uncertainBelow).to.equal(0.7);
    expect(el.value).to.equal('');
    expect(el.results).to.deep.equal([]);
    expect(part(el, '[part="label"]').textContent).to.equal('Digit recognizer');
    const dropzone = part(el, '[part="dropzone"]');
    expect(dropzone.tagName).to.equal('BUTTON');
    expect(dropzone.textContent).to.contain('Drop, paste or choose a photo of a digit');
    const input = part<HTMLInputElement>(el, 'input[type="file"]');
    expect(input.accept).to.equal('image/*');
    expect(input.multiple).to.equal(false);
    const pad = part<HTMLCanvasElement>(el, 'canvas[part="pad"]');
    expect(getComputedStyle(pad).touchAction).to.equal('none');
    expect(part(el, '[part="clear-button"]').textContent?.trim()).to.equal('Clear drawing');
    expect(shadow(el).querySelector('[part="card"]')).to.equal(null);
    expect(shadow(el).querySelector('[aria-live="polite"]')).to.not.equal(null);
  });

  it('reflects attributes in the rendering', async () => {
    const el = await fixture<DigitRecognizerElement>(html`
      <digit-recognizer
        mode="upload"
        multiple
        max-files="3"
        show-probabilities="all"
        show-model-input
        uncertain-below="0.5"
        draw-debounce="50"
        name="digit"
        label="Chiffres"
        drop-label="Déposez une photo"
        draw-label="Dessinez"
        clear-label="Effacer"
        uncertain-label="Pas sûr"
      ></digit-recognizer>
    `);
    expect(el.mode).to.equal('upload');
    expect(el.multiple).to.equal(true);
    expect(el.maxFiles).to.equal(3);
    expect(el.showProbabilities).to.equal('all');
    expect(el.showModelInput).to.equal(true);
    expect(el.uncertainBelow).to.equal(0.5);
    expect(el.drawDebounce).to.equal(50);
    expect(el.name).to.equal('digit');
    expect(part(el, '[part="label"]').textContent).to.equal('Chiffres');
    expect(part(el, '[part="dropzone"]').textContent).to.contain('Déposez une photo');
    expect(part<HTMLInputElement>(el, 'input[type="file"]').multiple).to.equal(true);
    expect(shadow(el).querySelector('[part="pad"]'), 'no pad in upload mode').to.equal(null);

    el.mode = 'draw';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="dropzone"]'), 'no drop zone in draw mode').to.equal(null);
    expect(part(el, '.pad-label').textContent).to.equal('Dessinez');
    expect(part(el, '[part="clear-button"]').textContent?.trim()).to.equal('Effacer');

    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(part<HTMLButtonElement>(el, '[part="clear-button"]').disabled).to.equal(true);
  });

  it('shows the loading state with a <progress> while the model downloads', async () => {
    // A model URL no other test uses, so this element starts its own download.
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer model-url="/models/recognizer/model.json?fresh=loading"></digit-recognizer>`,
    );
    expect(el.state).to.equal('loading');
    const progress = part(el, 'progress[part="progress"]');
    expect(progress.getAttribute('aria-label')).to.contain('Loading the recognizer');
    await modelReady(el);
    expect(el.state).to.equal('empty');
    expect(shadow(el).querySelector('progress')).to.equal(null);
  });

  it('goes through classifying to a result, with digit, confidence and bars', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer show-model-input></digit-recognizer>`);
    await modelReady(el);
    const file = await digitFile('7');
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    el.addFiles([file]);
    expect(el.state).to.equal('classifying');
    await el.updateComplete;
    expect(part(el, '[part="card"]').dataset['state']).to.equal('pending');
    expect(part(el, '[part="card"]').getAttribute('aria-busy')).to.equal('true');

    const event = await predicted;
    await el.updateComplete;
    expect(event).to.be.instanceOf(DigitPredictionEvent);
    expect(el.state).to.equal('result');
    const card = part(el, '[part="card"]');
    expect(['result', 'uncertain']).to.include(card.dataset['state']);
    expect(part(el, '[part="digit"]').textContent?.trim()).to.equal(String(event.detail.digit));
    const percent = `${Math.round(event.detail.confidence * 100)}%`;
    expect(part(el, '[part="confidence"]').textContent).to.contain(percent);
    expect(shadow(el).querySelectorAll('[part="bar"]').length).to.equal(3);
    for (const bar of Array.from(shadow(el).querySelectorAll('[part="bar"]'))) {
      expect(bar.getAttribute('role')).to.equal('img');
      expect(bar.getAttribute('aria-label')).to.match(/^\d: \d+%$/);
    }
    const preview = part<HTMLImageElement>(el, 'img[part="preview"]');
    expect(preview.src).to.match(/^blob:/);
    const modelInput = part<HTMLCanvasElement>(el, 'canvas[part="model-input"]');
    expect(modelInput.width).to.equal(28);
    expect(getComputedStyle(modelInput).imageRendering).to.equal('pixelated');
    // The 28×28 is painted: some pixel is not black.
    const pixels = modelInput.getContext('2d')!.getImageData(0, 0, 28, 28).data;
    expect(pixels.some((v, i) => i % 4 === 0 && v > 0)).to.equal(true);
    const live = part(el, '[aria-live="polite"]');
    expect(live.textContent).to.contain(String(event.detail.digit));
    expect(live.textContent).to.contain(percent);

    el.showProbabilities = 'all';
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="bar"]').length).to.equal(10);
    el.showProbabilities = 'none';
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="bar"]').length).to.equal(0);
  });

  it('reads a typed 7 as 7', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    chooseFiles(el, [await digitFile('7')]);
    const { detail } = await predicted;
    expect(detail.digit).to.equal(7);
  });

  it('shows an uncertain result as "Not sure" with the best guess', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer uncertain-below="1"></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    // No reading is sure enough for a threshold of 1: a clear 7 is shown as a guess.
    chooseFiles(el, [await digitFile('7')]);
    const { detail } = await predicted;
    await el.updateComplete;
    expect(detail.uncertain).to.equal(true);
    expect(detail.reason).to.not.equal('not-a-digit');
    expect(part(el, '[part="card"]').dataset['state']).to.equal('uncertain');
    expect(part(el, '[part="uncertain"]').textContent).to.equal('Not sure');
    expect(part(el, '[aria-live="polite"]').textContent).to.contain('Not sure');
    // Uncertain results still count as the best guess.
    expect(el.value).to.equal(String(detail.digit));
  });

  it('passes the automated accessibility check, empty and with a result', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer show-model-input></digit-recognizer>`);
    await modelReady(el);
    await expect(el).to.be.accessible();
    const predicted = oneEvent(el, 'prediction');
    chooseFiles(el, [await digitFile('3')]);
    await predicted;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: focus goes to the drop zone, which opens the picker', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    el.focus();
    const dropzone = part(el, '[part="dropzone"]');
    expect(shadow(el).activeElement).to.equal(dropzone);
    const input = part<HTMLInputElement>(el, 'input[type="file"]');
    let opened = false;
    input.addEventListener('click', (event) => {
      opened = true;
      event.preventDefault();
    });
    dropzone.click();
    expect(opened).to.equal(true);
  });

  it('revokes object URLs when a card is removed or the element disconnects', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer multiple></digit-recognizer>`);
    const revoked: string[] = [];
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      original.call(URL, url);
    };
    try {
      const done = oneEvent(el, 'prediction');
      el.addFiles([await digitFile('1'), await digitFile('2')]);
      await done;
      await el.updateComplete;
      const [first, second] = Array.from(shadow(el).querySelectorAll<HTMLImageElement>('img[part="preview"]'));
      part<HTMLButtonElement>(el, '[part="remove-button"]').click();
      expect(revoked).to.include(first!.src);
      el.remove();
      expect(revoked).to.include(second!.src);
    } finally {
      URL.revokeObjectURL = original;
    }
    await until(() => true);
  });

  it('brings previews back and finishes work when reconnected', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    await modelReady(el);
    const parent = el.parentElement!;
    el.addFiles([await digitFile('7')]);
    el.remove(); // while classifying: the run is aborted, nothing fires
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    parent.append(el);
    await until(() => predictions.events.length === 1, 'the prediction after reconnecting');
    await el.updateComplete;
    expect(part<HTMLImageElement>(el, 'img[part="preview"]').src).to.match(/^blob:/);
    predictions.stop();
  });

  it('re-judges uncertainty quietly when uncertain-below changes', async function () {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer uncertain-below="0"></digit-recognizer>`);
    const predicted = oneEvent(el, 'prediction') as Promise<DigitPredictionEvent>;
    el.addFiles([await digitFile('7')]);
    const { detail } = await predicted;
    expect(detail.uncertain).to.equal(false);
    // A probability of exactly 1 is never below any threshold; nothing to re-judge then.
    if (detail.confidence >= 1) this.skip();
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    el.uncertainBelow = 1;
    await until(() => el.results[0]?.uncertain === true, 'the result to become uncertain');
    predictions.stop();
    expect(predictions.events).to.have.length(0);
    await el.updateComplete;
    expect(part(el, '[part="card"]').dataset['state']).to.equal('uncertain');
  });

  it('moves focus to the next remove button when a card is removed', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer multiple></digit-recognizer>`);
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    el.addFiles([await digitFile('1', 'a.png'), await digitFile('2', 'b.png')]);
    await until(() => predictions.events.length === 2, 'two predictions');
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[aria-label="Remove a.png"]').click();
    await el.updateComplete;
    await until(() => shadow(el).activeElement?.getAttribute('aria-label') === 'Remove b.png', 'focus to move');
    part<HTMLButtonElement>(el, '[aria-label="Remove b.png"]').click();
    await until(() => shadow(el).activeElement === part(el, '[part="dropzone"]'), 'focus on the drop zone');
  });

  it('is accessible in the dark scheme, and honours reduced motion', async () => {
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    try {
      const el = await fixture<DigitRecognizerElement>(
        html`<div style="background:#000"><digit-recognizer show-model-input></digit-recognizer></div>`,
      ).then((wrapper) => wrapper.querySelector('digit-recognizer')!);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 24, 29)');
      const predicted = oneEvent(el, 'prediction');
      chooseFiles(el, [await digitFile('5')]);
      await predicted;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const fill = part(el, '.bar-fill');
      expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    }
  });
});
