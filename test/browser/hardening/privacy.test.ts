import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/element.js';
import type { DigitRecognizerElement } from '../../../src/element.js';
import { classify } from '../../../src/index.js';
import { digitCanvas, toBlob } from '../fixtures.js';

describe('privacy', () => {
  it('sends nothing anywhere: every request stays on the page origin and fetches only package assets', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requests.push(e.name)));
    observer.observe({ type: 'resource', buffered: true });
    const sendBeacon = navigator.sendBeacon;
    let beacons = 0;
    navigator.sendBeacon = () => (beacons++, false);
    try {
      const { canvas, label } = await digitCanvas(0);
      expect((await classify(canvas)).digit).to.equal(label);
      const el = await fixture<DigitRecognizerElement>(html`<digit-recognizer></digit-recognizer>`);
      const file = new File([await toBlob(canvas)], 'private.png', { type: 'image/png' });
      const prediction = oneEvent(el, 'prediction');
      el.addFiles([file]);
      await prediction;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      navigator.sendBeacon = sendBeacon;
      observer.disconnect();
    }
    expect(beacons).to.equal(0);
    const assets = requests.filter((url) => /\/(models|dist)\//.test(url));
    expect(assets.length).to.be.greaterThan(0);
    for (const url of requests) {
      const parsed = new URL(url);
      expect(
        parsed.origin === location.origin || parsed.protocol === 'blob:' || parsed.protocol === 'data:',
        url,
      ).to.equal(true);
    }
    // Uploads would be POSTs with the image; the only requests besides the test's own modules are the package's assets.
    expect(requests.filter((url) => /private\.png/.test(url))).to.deep.equal([]);
  });
});
