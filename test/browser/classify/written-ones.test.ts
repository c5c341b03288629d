import { expect } from '@open-wc/testing';
import { loadClassifier, readNumber, type Classifier } from '../../../src/index.js';
import { FLAGGED_ONES, flaggedOne, seven, SEVENS, writeOneSevenOne } from '../../fixtures/written-ones.js';
import { drawnCanvas } from '../fixtures.js';

describe('the 1 written with a flag, in Chromium (the shipped model, models/recognizer)', () => {
  let classifier: Classifier;
  before(async () => {
    classifier = await loadClassifier();
  });
  after(() => classifier.dispose());

  it('reads 1s drawn with a flag on a canvas as 1s, and 7s as 7s', async () => {
    const misread: string[] = [];
    for (const width of [8, 16]) {
      for (const { degrees, share, lean } of FLAGGED_ONES) {
        const p = await classifier.classify(drawnCanvas(flaggedOne(degrees, share, lean), 200, 0, width));
        if (p.digit !== 1) misread.push(`1 (${degrees}°, ${share}, lean ${lean}, ${width} px) as ${p.digit}`);
      }
      for (const [bar, crossed] of SEVENS) {
        const p = await classifier.classify(drawnCanvas(seven(bar, crossed), 200, 0, width));
        if (p.digit !== 7) misread.push(`7 (bar ${bar}${crossed ? ', crossed' : ''}, ${width} px) as ${p.digit}`);
      }
    }
    expect(misread, misread.join('; ')).to.deep.equal([]);
  });

  it('readNumber() reads "171" written with flagged 1s on a canvas', async () => {
    const size = 200;
    const canvas = document.createElement('canvas');
    canvas.width = size * 3;
    canvas.height = size;
    writeOneSevenOne(canvas.getContext('2d')!, size);
    const reading = await readNumber(canvas, { classifier });
    expect(reading.text).to.equal('171');
  });
});
