import { expect, fixture, html } from '@open-wc/testing';
import type { DigitRecognizerElement } from '../../../src/element.js';
import { digitFile } from './helpers.js';

describe('<digit-recognizer> under load', () => {
  it('takes fifty files at once: the page stays responsive and cards fill in as results arrive', async () => {
    const el = await fixture<DigitRecognizerElement>(
      html`<digit-recognizer multiple max-files="50"></digit-recognizer>`,
    );
    const files = await Promise.all(
      Array.from({ length: 50 }, (_, i) => digitFile(String(i % 2 ? 7 : 1), `digit-${i}.png`)),
    );
    // The page must paint while fifty images are decoded and read: count animation frames.
    // (How smooth is a benchmark question; here, only that it never freezes until the end.)
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const partial: number[] = [];
    let predictions = 0;
    let allDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    el.addEventListener('prediction', () => {
      predictions++;
      const cards = [...el.shadowRoot!.querySelectorAll('[part~="card"]')];
      partial.push(cards.filter((c) => c.getAttribute('data-state') !== 'pending').length);
      if (predictions === 50) allDone();
    });
    el.addFiles(files);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="card"]').length).to.equal(50);
    await done;
    counting = false;
    // Cards completed one after another, not all at once at the end.
    expect(partial[0]).to.be.lessThan(50);
    expect(frames).to.be.greaterThan(0);
    expect(el.value).to.have.length(50);
  });
});
