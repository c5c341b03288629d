import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DigitRecognizerError, loadClassifier, readNumber, type Classifier } from '../../src/node.js';
import { allNonDigits, lineWithMark, NON_DIGITS, type Luminance } from '../fixtures/non-digits.js';
import { drawn, SHIPPED_MODEL_URL, mnistDigit, mnistTest } from './helpers.js';

let classifier: Classifier;
before(async () => {
  classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
});

describe('the not-a-digit verdict (the shipped model, models/recognizer)', () => {
  it('flags letters, symbols and doodles drawn with a pen as uncertain, nearly all as not a digit', async () => {
    const drawings = allNonDigits();
    const verdicts = [];
    for (const { kind, name, strokes } of drawings) {
      const p = await classifier.classify(drawn(strokes));
      verdicts.push({ kind, name, p });
      assert.equal(p.uncertain, true, `${kind} ${name} read as a sure ${p.digit} (not a digit: ${p.notDigitScore})`);
    }
    const flagged = verdicts.filter((v) => v.p.reason === 'not-a-digit');
    const missed = verdicts.filter((v) => v.p.reason !== 'not-a-digit').map((v) => `${v.name} (${v.p.reason})`);
    // Known: the smiley is a ring with marks inside, close to a 0; it comes out uncertain, not "not a digit".
    assert.ok(flagged.length >= drawings.length - 2, `not flagged as not a digit: ${missed.join(', ')}`);
    for (const { p } of flagged) assert.ok(p.notDigitScore >= 0.5 && p.confidence < 0.5);
  });

  it('does not flag MNIST test digits: at most 1.5% of those read right', async () => {
    const { images, labels } = mnistTest();
    const inputs = Array.from({ length: 1000 }, (_, i) => ({
      data: images.subarray(i * 784, (i + 1) * 784),
      width: 28,
      height: 28,
    }));
    const predictions = await classifier.classifyBatch(inputs);
    const right = predictions.filter((p, i) => p.digit === labels[i]);
    const flagged = right.filter((p) => p.reason === 'not-a-digit');
    assert.ok(right.length >= 990, `${right.length}/1000 read right`);
    assert.ok(flagged.length <= 0.015 * right.length, `${flagged.length} of ${right.length} flagged not a digit`);
  });

  it('gives every prediction a score, a consistent confidence and a reason exactly when uncertain', async () => {
    const shapes = [mnistDigit(7), drawn(NON_DIGITS.letters.K), drawn(NON_DIGITS.doodles.star)];
    for (const input of shapes) {
      const p = await classifier.classify(input);
      assert.ok(p.notDigitScore >= 0 && p.notDigitScore <= 1);
      assert.ok(Math.abs(p.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      assert.ok(Math.abs(p.confidence - p.probabilities[p.digit]! * (1 - p.notDigitScore)) < 1e-6);
      assert.equal(p.reason !== undefined, p.uncertain);
    }
  });

  it('lets a developer move the threshold with notDigitAbove, and rejects one outside 0–1', async () => {
    const letter = drawn(NON_DIGITS.letters.W);
    const strict = await classifier.classify(letter);
    assert.equal(strict.reason, 'not-a-digit');
    const never = await classifier.classify(letter, { notDigitAbove: 1, uncertainBelow: 0 });
    assert.equal(never.uncertain, strict.notDigitScore >= 1);
    await assert.rejects(
      classifier.classify(letter, { notDigitAbove: 2 }),
      (e: unknown) =>
        e instanceof DigitRecognizerError && e.code === 'INVALID_INPUT' && /notDigitAbove/.test(e.message),
    );
  });
});

describe('readNumber() with a letter in the line', () => {
  const { images, labels } = mnistTest();
  const ids = [3, 2, 1, 18];
  const digits = ids.map((i) => images.slice(i * 784, (i + 1) * 784));
  const expected = ids.map((i) => labels[i]).join('');
  const lineWith = (name: keyof typeof NON_DIGITS.letters): Luminance =>
    lineWithMark(digits, drawn(NON_DIGITS.letters[name], 112, 20), 2);
  /**
   * Known misses: this "A" is read as a 4 (its not-a-digit score is just under 0.5), and the
   * segmenter cuts this "M" and "W" into two pieces that each pass for a digit.
   */
  const KNOWN_MISSES = new Set(['A', 'M', 'W']);

  for (const name of Object.keys(NON_DIGITS.letters) as Array<keyof typeof NON_DIGITS.letters>) {
    const known = KNOWN_MISSES.has(name);
    it(
      `leaves "${name}" out of the text, lists it in notDigits and calls the reading uncertain`,
      { todo: known },
      async () => {
        const reading = await readNumber(lineWith(name), { classifier });
        assert.equal(reading.text, expected, `"${name}" in the line read as ${reading.text}`);
        assert.equal(reading.notDigits.length, 1);
        assert.equal(reading.uncertain, true);
        const [before, after] = [reading.digits[1]!.box, reading.digits[2]!.box];
        const box = reading.notDigits[0]!.box;
        assert.ok(box.x >= before.x + before.width - 1 && box.x + box.width <= after.x + 1, 'between its neighbours');
      },
    );
  }

  it('reads the same line with no letter in it exactly, with nothing left out', async () => {
    const blank = { data: new Float32Array(112 * 112).fill(1), width: 112, height: 112 };
    const reading = await readNumber(lineWithMark(digits, blank, 2), { classifier });
    assert.equal(reading.text, expected);
    assert.deepEqual(reading.notDigits, []);
  });
});
