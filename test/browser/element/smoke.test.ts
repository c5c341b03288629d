import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DigitRecognizerElement } from '../../../src/element.js';
import { chooseFiles, digitFile, part } from './helpers.js';

describe('smoke', function () {
  this.timeout(60000);
  it('reads a 7', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    const file = await digitFile('7');
    const event = oneEvent(el, 'prediction');
    chooseFiles(el, [file]);
    const { detail } = await event;
    console.log(JSON.stringify({ ...detail, file: detail.file?.name }));
    expect(detail.digit).to.equal(7);
    expect(part(el, '[part="digit"]').textContent).to.contain('7');
  });
});
