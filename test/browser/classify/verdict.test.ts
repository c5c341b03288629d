import { expect } from '@open-wc/testing';
import { loadClassifier, readNumber, type Classifier } from '../../../src/index.js';
import { allNonDigits, lineWithMark, luminanceOf, NON_DIGITS } from '../../fixtures/non-digits.js';
import { digitCanvas, drawnCanvas, mnistTest } from '../fixtures.js';

describe('the not-a-digit verdict in Chromium (the shipped model, models/recognizer)', () => {
  let classifier: Classifier;
  before(async () => {
    classifier = await loadClassifier();
  });
  after(() => classifier.dispose());

  it('flags letters, symbols and doodles drawn on a canvas', async () => {
    const drawings = allNonDigits();
    const missed: string[] = [];
    for (const { kind, name, strokes } of drawings) {
      const p = await classifier.classify(drawnCanvas(strokes));
      expect(p.uncertain, `${kind} ${name} read as a sure ${p.digit}`).to.equal(true);
      if (p.reason !== 'not-a-digit') missed.push(`${name} (${p.reason})`);
    }
    // Known: the smiley is a ring with marks inside, close to a 0: uncertain, but not "not a digit".
    expect(missed.length, `not flagged as not a digit: ${missed.join(', ')}`).to.be.at.most(2);
  });

  it('does not flag MNIST digits drawn on a canvas', async () => {
    const canvases: Array<{ canvas: HTMLCanvasElement; label: number }> = [];
    for (let i = 0; i < 100; i++) canvases.push(await digitCanvas(i));
    const predictions = await classifier.classifyBatch(canvases.map((c) => c.canvas));
    const right = predictions.filter((p, i) => p.digit === canvases[i]!.label);
    expect(right.length).to.be.at.least(97);
    expect(right.filter((p) => p.reason === 'not-a-digit').length).to.be.at.most(1);
  });

  it('readNumber() leaves a letter in a line out of the number instead of reading it as a digit', async () => {
    const { images, labels } = await mnistTest();
    const ids = [3, 2, 1, 18];
    const digits = ids.map((i) => Float32Array.from(images.subarray(i * 784, (i + 1) * 784), (v) => v / 255));
    const letter = drawnCanvas(NON_DIGITS.letters.K, 112, 20);
    const mark = luminanceOf(letter.getContext('2d')!.getImageData(0, 0, 112, 112).data, 112, 112);
    const reading = await readNumber(lineWithMark(digits, mark, 2), { classifier });
    expect(reading.text).to.equal(ids.map((i) => labels[i]).join(''));
    expect(reading.notDigits).to.have.length(1);
    expect(reading.uncertain).to.equal(true);
  });
});
