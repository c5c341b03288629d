/**
 * `<digit-recognizer>` shown things that are not digits: a letter and a doodle drawn with a pen
 * (test/fixtures/non-digits.ts, never used in training), read with the shipped model and its "not
 * a digit" output (models/recognizer). The card says so instead of
 * showing a digit, the event carries the reason, and the form value leaves them out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { DigitPredictionEvent, DigitRecognizerElement } from '../../../src/element.js';
import { defaultMessages } from '../../../src/element.js';
import { NON_DIGITS, drawStrokes, paper } from '../../fixtures/non-digits.js';
import { collect, digitFile, modelReady, shadow, until } from './helpers.js';

/** A PNG file of a pen drawing, dark ink on white. */
async function drawingFile(strokes: Parameters<typeof drawStrokes>[1], name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 280;
  canvas.height = 280;
  const context = canvas.getContext('2d')!;
  paper(context, 280, 280);
  drawStrokes(context, strokes, 40, 40, 200);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

describe('<digit-recognizer> and images that are not digits', () => {
  it('says "This doesn\'t look like a digit" for a letter and a star, and leaves them out of the value', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer mode="upload" multiple name="digits"></digit-recognizer>`,
    );
    await modelReady(el);
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    el.addFiles([
      await drawingFile(NON_DIGITS.letters.K, 'letter-k.png'),
      await digitFile('3'),
      await drawingFile(NON_DIGITS.doodles.star, 'star.png'),
    ]);
    await until(() => el.state === 'result', 'every card read');
    predictions.stop();
    const cards = [...shadow(el).querySelectorAll('[part="card"]')];
    expect(cards.map((card) => card.getAttribute('data-state'))).to.deep.equal([
      'not-a-digit',
      'result',
      'not-a-digit',
    ]);
    expect(cards[0]!.querySelector('[part="not-a-digit"]')?.textContent?.trim()).to.equal(defaultMessages.notADigit);
    expect(cards[0]!.querySelector('[part="digit"]')).to.equal(null);
    expect(el.value).to.equal('3');
    const reasons = predictions.events.map((event) => [event.detail.file?.name, event.detail.reason ?? null]);
    expect(reasons).to.have.deep.members([
      ['letter-k.png', 'not-a-digit'],
      ['3.png', null],
      ['star.png', 'not-a-digit'],
    ]);
    const letter = predictions.events.find((event) => event.detail.file?.name === 'letter-k.png')!.detail;
    expect(letter.uncertain).to.equal(true);
    expect(letter.notDigitScore).to.be.greaterThan(0.5);
  });
});
