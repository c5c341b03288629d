/**
 * Photos of a page filling the frame with a hand's or a phone's shadow across it
 * (test/fixtures/shadow-photos/), read in Node: the digit is read, not the shadow's edge or the
 * lit band beside it, and its ink is dark on light.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { classify, preprocess } from '../../src/node.js';
import { ROOT } from './helpers.js';

const photo = (file: string): string => join(ROOT, 'test/fixtures/shadow-photos', file);

describe('a cast shadow across a photographed page', () => {
  it('reads a digit in the shadow beside a band of lit paper as dark ink, not the lit band as light ink', async () => {
    // The lit paper beside the shadow stood further above the page's local level than the ink in
    // the shadow stood below it: the ink was taken to be light, and the lit band read as a 2 or a 1.
    for (const file of [
      'digit-5-in-shadow-lit-band-above.jpg',
      'digit-5-in-shadow-lit-wedge.jpg',
      'digit-5-lit-band-below.jpg',
    ]) {
      const pre = await preprocess(photo(file));
      assert.equal(pre.polarity, 'dark-on-light', file);
      const prediction = await classify(photo(file));
      assert.equal(prediction.digit, 5, file);
      assert.equal(prediction.uncertain, false, file);
    }
  });

  it("keeps the whole of a digit whose stroke crosses the shadow's edge", async () => {
    // Read closer, the paper's level spread from the lit side into the shadow, and the 7's stem
    // in the shadow was lost: its bar alone read as a 2.
    const prediction = await classify(photo('digit-7-across-shadow-edge.jpg'));
    assert.equal(prediction.digit, 7);
    assert.equal(prediction.uncertain, false);
  });
});
