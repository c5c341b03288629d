import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { loadClassifier, readNumber, type Classifier } from '../../src/node.js';
import { luminanceOf, type Pen } from '../fixtures/non-digits.js';
import { FLAGGED_ONES, flaggedOne, seven, SEVENS, writeOneSevenOne } from '../fixtures/written-ones.js';
import { drawn, SHIPPED_MODEL_URL } from './helpers.js';

let classifier: Classifier;
before(async () => {
  classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
});

describe('the 1 written with a flag (the shipped model, models/recognizer)', () => {
  for (const width of [8, 16]) {
    it(`reads a 1 with a flag as a 1, not a 7 (${FLAGGED_ONES.length} flags, a ${width} px pen)`, async () => {
      const misread: string[] = [];
      for (const { degrees, share, lean } of FLAGGED_ONES) {
        const p = await classifier.classify(drawn(flaggedOne(degrees, share, lean), 200, 0, width));
        if (p.digit !== 1) misread.push(`${degrees}° ${share} lean ${lean}: ${p.digit} (${p.confidence.toFixed(2)})`);
      }
      assert.deepEqual(misread, [], `flagged 1s misread: ${misread.join('; ')}`);
    });
  }

  it(
    'reads a 1 with a long flag nearly level (35° below level, 38% of its length) as a 1',
    { todo: 'known: read as a 7 (0.54–0.64); such a flag is as long as a short 7 bar' },
    async () => {
      for (const width of [8, 16]) {
        const p = await classifier.classify(drawn(flaggedOne(35, 0.38), 200, 0, width));
        assert.equal(p.digit, 1, `read as ${p.digit} with a ${width} px pen`);
      }
    },
  );

  it('still reads a 7, with a short bar, a long one or a bar across, as a 7', async () => {
    for (const width of [8, 16]) {
      for (const [bar, crossed] of SEVENS) {
        const p = await classifier.classify(drawn(seven(bar, crossed), 200, 0, width));
        assert.equal(p.digit, 7, `a 7 (bar ${bar}${crossed ? ', crossed' : ''}, ${width} px pen) read as ${p.digit}`);
      }
    }
  });

  it('reads a number that starts with a flagged 1 in readNumber()', async () => {
    const size = 200;
    const canvas = createCanvas(size * 3, size);
    writeOneSevenOne(canvas.getContext('2d') as unknown as Pen, size);
    const image = canvas.getContext('2d').getImageData(0, 0, size * 3, size);
    const reading = await readNumber(luminanceOf(image.data, size * 3, size), { classifier });
    assert.equal(reading.text, '171');
  });
});
