/**
 * Numbers on notes photographed on a desk that Chromium once misread (test/fixtures/desk-photos,
 * validation dumps, never the bench's own photos): read as a user's upload is, from the file's
 * bytes, with the real model. Each names what went wrong before.
 */
import { expect } from '@open-wc/testing';
import { readNumber } from '../../../src/index.js';
import { failOnConsoleErrors } from '../element/helpers.js';

const PHOTOS = '/test/fixtures/desk-photos/';

async function photo(file: string): Promise<Blob> {
  const response = await fetch(`${PHOTOS}${file}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.blob();
}

const CASES = [
  {
    file: 'number-029-thin-pen-mint-card.jpg',
    text: '029',
    before: 'read "02": the line tilts, and the 9, level with the 2, was below the band of the 0 and the 2',
  },
  {
    file: 'number-202-phone-corner-below-light-oak.jpg',
    text: '202',
    before: 'read "2021": the corner of the phone, below the line and past its end, was read as a 1',
  },
  {
    file: 'number-8344-note-edge-pink-card.jpg',
    text: '8344',
    before: 'read "18344": taking out print freed a piece of the card\'s edge, and it was read as a 1',
  },
  {
    file: 'number-870680-torn-slip-across-light-oak.jpg',
    text: '870680',
    before:
      'read "71": the slip spans the photo, and the grain cut by the photo\'s edges, read without the slip, ' +
      'looked like a taller line of digits than the one on it',
  },
];

describe('numbers on desk photos that were once misread', function () {
  this.timeout(60000);
  failOnConsoleErrors();

  for (const { file, text, before } of CASES) {
    it(`${file} reads "${text}" (it ${before})`, async () => {
      const reading = await readNumber(await photo(file));
      expect(reading.text, file).to.equal(text);
      expect(reading.surface, `${file}: no surface found`).to.not.equal(undefined);
    });
  }
});
