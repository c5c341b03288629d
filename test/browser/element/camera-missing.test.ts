/**
 * `<digit-recognizer camera>` in a browser with no usable camera (the default test browser has
 * no fake camera and no one to answer its prompt): a plain message, a `digit-error` with a
 * camera code, and the other intakes keep working.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { DigitErrorEvent, DigitRecognizerElement } from '../../../src/element.js';
import { defaultMessages } from '../../../src/element.js';
import { chooseFiles, collect, digitFile, part, shadow, until } from './helpers.js';

describe('<digit-recognizer camera> without a camera', () => {
  it('says why in plain words, and a chosen photo is still read', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera mode="upload"></digit-recognizer>`);
    const errors = collect<DigitErrorEvent>(el, 'digit-error');
    part(el, '[part="camera-button"]').click();
    await until(() => errors.events.length > 0, 'the camera to fail', 20000);
    errors.stop();
    const code = errors.events[0]!.detail.error.code;
    expect(code).to.match(/^CAMERA_(DENIED|NOT_FOUND|IN_USE|UNAVAILABLE)$/);
    expect(errors.events[0]!.detail.source).to.equal('camera');
    await el.updateComplete;
    const message = part(el, '.camera-error');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent?.trim()).to.equal(defaultMessages.errors[code as keyof typeof defaultMessages.errors]);
    expect(shadow(el).querySelector('video')).to.equal(null);
    chooseFiles(el, [await digitFile('3')]);
    await until(() => el.results.length === 1, 'the photo to be read');
    expect(el.results[0]!.digit).to.equal(3);
    expect(el.results[0]!.source).to.equal('file');
  });
});
