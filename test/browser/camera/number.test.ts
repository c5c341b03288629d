/**
 * The live camera in number mode, in Chromium with a fake camera filming a photo of "86903"
 * written on a note on a grey laminate desk (the test runner's camera-number group).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { DigitNumberEvent, DigitRecognizerElement } from '../../../src/element.js';
import { collect, failOnConsoleErrors, modelReady, part, shadow, until } from '../element/helpers.js';

describe('<digit-recognizer camera mode="number">', () => {
  failOnConsoleErrors();

  it('reads the whole number from the live camera, with a box around each digit', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera mode="number"></digit-recognizer>`);
    await modelReady(el);
    const numbers = collect<DigitNumberEvent>(el, 'number');
    await el.startCamera();
    await until(() => numbers.events.length > 0, 'a camera reading', 20000);
    numbers.stop();
    const { detail } = numbers.events[0]!;
    expect(detail.reading.text).to.equal('86903');
    expect(detail.source).to.equal('camera');
    await el.updateComplete;
    expect(part(el, '[part="camera-reading"]').textContent?.trim()).to.match(/^86903/);
    expect(shadow(el).querySelectorAll('[part="digit-box"]').length).to.equal(5);
    el.stopCamera();
  });
});
