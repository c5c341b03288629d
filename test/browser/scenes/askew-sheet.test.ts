/**
 * A number on a sheet photographed askew (test/fixtures/real-numbers/compose-askew.ts, MNIST test
 * digits): read in Chromium from a JPEG, as a user's upload is, with the real model. Before the
 * image was turned level to read a slanted line, none of these 8 read exactly.
 */
import { expect } from '@open-wc/testing';
import { readNumber } from '../../../src/index.js';
import { composeAskew, toRgba } from '../../fixtures/real-numbers/index.js';
import { failOnConsoleErrors } from '../element/helpers.js';
import { mnistTest, toBlob } from '../fixtures.js';

describe('a number on a sheet photographed askew', function () {
  this.timeout(60000);
  failOnConsoleErrors();

  it("reads it at 30–45° either way, its digits' boxes along the slant in the photo", async () => {
    const { images, labels } = await mnistTest();
    const source = { images: Float32Array.from(images, (v) => v / 255), labels, count: labels.length };
    const misread: string[] = [];
    for (const [k, degrees] of [35, -40, 45, -30, 40, -45, 30, -35].entries()) {
      const made = composeAskew(source, { seed: 900 + k, degrees, length: 4 + (k % 2) });
      const { width, height } = made.canvas;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas
        .getContext('2d')!
        .putImageData(new ImageData(new Uint8ClampedArray(toRgba(made.canvas)), width, height), 0, 0);
      const reading = await readNumber(await toBlob(canvas, 'image/jpeg', 0.9));
      if (reading.text !== made.text) {
        misread.push(`${made.text} at ${degrees}° → ${reading.text}`);
        continue;
      }
      const centres = reading.digits.map(({ box }) => [box.x + box.width / 2, box.y + box.height / 2] as const);
      const [x0, y0] = centres[0]!;
      const [x1, y1] = centres[centres.length - 1]!;
      const slope = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
      expect(Math.abs(slope - degrees), `${made.text}: boxes run at ${slope.toFixed(0)}°`).to.be.below(12);
    }
    expect(misread.length, misread.join(', ')).to.be.at.most(5);
  });
});
