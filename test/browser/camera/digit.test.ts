/**
 * The live camera in digit mode, in Chromium with a fake camera filming a photo of a "2" written
 * on a note on a grey laminate desk (test/browser/camera/fake-video.mjs; the test runner's
 * camera-digit group). The real model reads the real video frames.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { DigitPredictionEvent, DigitRecognizerElement } from '../../../src/element.js';
import { collect, failOnConsoleErrors, modelReady, part, shadow, until } from '../element/helpers.js';

/** The element's live camera tracks (the preview's stream). */
function cameraTracks(el: DigitRecognizerElement): MediaStreamTrack[] {
  const video = shadow(el).querySelector('video');
  const stream = video?.srcObject;
  return stream instanceof MediaStream ? stream.getTracks() : [];
}

describe('<digit-recognizer camera> in digit mode', () => {
  failOnConsoleErrors();

  it('reads the digit on the note from the live camera and fires prediction with source "camera"', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await modelReady(el);
    const predictions = collect<DigitPredictionEvent>(el, 'prediction');
    part(el, '[part="camera-button"]').click();
    await until(() => predictions.events.length > 0, 'a camera reading', 20000);
    predictions.stop();
    const { detail } = predictions.events[0]!;
    expect(detail.digit).to.equal(2);
    expect(detail.source).to.equal('camera');
    expect(detail.file).to.equal(null);
    await el.updateComplete;
    // The reading is shown over the video, with the guide box and the digit's outline.
    expect(part(el, '[part="camera-reading"]').textContent?.trim()).to.match(/^2/);
    expect(shadow(el).querySelector('[part="camera-guide"]')).to.not.equal(null);
    expect(shadow(el).querySelectorAll('[part="digit-box"]').length).to.equal(1);
    expect(part(el, '[part="camera-button"]').getAttribute('aria-pressed')).to.equal('true');
    // Readings go on while the camera runs; a steady one fires once, not once per frame.
    const before = el.cameraStats.framesRead;
    await until(() => el.cameraStats.framesRead >= before + 5, 'more frames read', 20000);
    el.stopCamera();
  });

  it('keeps the frame as a result card with "Keep this"', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await el.startCamera();
    await el.updateComplete;
    await until(() => !part<HTMLButtonElement>(el, '[part="capture-button"]').disabled, 'the capture button');
    part(el, '[part="capture-button"]').click();
    await until(() => el.results.length === 1, 'the kept frame to be read', 20000);
    const [result] = el.results;
    expect(result!.digit).to.equal(2);
    expect(result!.source).to.equal('camera');
    expect(result!.file?.type).to.equal('image/jpeg');
    expect(el.value).to.equal('2');
    expect(shadow(el).querySelector('[part="card"]')?.getAttribute('data-kind')).to.equal('camera');
    el.stopCamera();
  });

  it('stopCamera() ends the stream and removes the preview; the button starts it again', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await el.startCamera();
    const tracks = cameraTracks(el);
    expect(tracks.length).to.be.greaterThan(0);
    expect(tracks.every((track) => track.readyState === 'live')).to.equal(true);
    el.stopCamera();
    await el.updateComplete;
    expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
    expect(shadow(el).querySelector('video')).to.equal(null);
    expect(part(el, '[part="camera-button"]').getAttribute('aria-pressed')).to.equal('false');
    part(el, '[part="camera-button"]').click();
    await until(() => cameraTracks(el).some((track) => track.readyState === 'live'), 'the camera again');
    el.stopCamera();
  });

  it('started from script without the camera attribute: no camera button, and the panel stops it', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
    expect(shadow(el).querySelector('[part="camera-button"]')).to.equal(null);
    await el.startCamera();
    await el.updateComplete;
    const tracks = cameraTracks(el);
    expect(tracks.some((track) => track.readyState === 'live')).to.equal(true);
    part(el, '[part="stop-camera-button"]').click();
    await el.updateComplete;
    expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
    expect(shadow(el).querySelector('[part="camera"]')).to.equal(null);
  });

  it('stops the camera when the element is removed from the page', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await el.startCamera();
    const tracks = cameraTracks(el);
    expect(tracks.some((track) => track.readyState === 'live')).to.equal(true);
    el.remove();
    expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
  });

  it('stops the camera while the page is hidden and starts it again when the page is shown', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await el.startCamera();
    const tracks = cameraTracks(el);
    // Headless Chromium's page never hides: play the browser's part (state, then the event).
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
      setVisibility('visible');
      await until(() => cameraTracks(el).some((track) => track.readyState === 'live'), 'the camera to come back');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      el.stopCamera();
    }
  });

  it('stops the camera when the element is disabled', async () => {
    const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
    await el.startCamera();
    const tracks = cameraTracks(el);
    el.disabled = true;
    await el.updateComplete;
    expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
    expect(part<HTMLButtonElement>(el, '[part="camera-button"]').disabled).to.equal(true);
  });

  it('a stop while the camera is starting leaves no live track', async () => {
    // Watch what the real getUserMedia hands back.
    const media = navigator.mediaDevices;
    const getUserMedia = media.getUserMedia.bind(media);
    const streams: MediaStream[] = [];
    media.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
    try {
      const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer camera></digit-recognizer>`);
      const started = el.startCamera();
      el.stopCamera();
      await started;
      await el.updateComplete;
      expect(shadow(el).querySelector('video')).to.equal(null);
      expect(streams.length).to.equal(1);
      expect(streams[0]!.getTracks().every((track) => track.readyState === 'ended')).to.equal(true);
    } finally {
      media.getUserMedia = getUserMedia;
    }
  });
});
