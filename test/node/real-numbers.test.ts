/**
 * Issue 13: numbers as they come on cheques, forms and pages (test/fixtures/real-numbers/, MNIST
 * test digits), and fields with nothing written in them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { DigitRecognizerError, loadClassifier, readNumber, type Classifier } from '../../src/node.js';
import { composeCheque, composeForm, composePage, toRgba, type RealNumber } from '../fixtures/real-numbers/index.js';
import { MNIST_DIR } from '../../scripts/bench/node-accuracy.js';
import { realFixture } from '../../scripts/bench/real-numbers.js';
import { readMnistSplit } from '../../scripts/train/idx.js';
import { mnistTest, ROOT, SHIPPED_MODEL_URL } from './helpers.js';

describe('readNumber() on real-looking numbers', () => {
  let classifier: Classifier;
  before(async () => {
    classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
  });

  /** The MNIST test digits the fixtures are written with. */
  const testDigits = () => ({ ...mnistTest(), count: 10_000 });

  const pixels = (made: RealNumber) => ({
    data: toRgba(made.canvas),
    width: made.canvas.width,
    height: made.canvas.height,
  });

  async function read(made: RealNumber): Promise<string> {
    try {
      return (await readNumber(pixels(made), { classifier })).text;
    } catch (error) {
      if (error instanceof DigitRecognizerError) return `(${error.code})`;
      throw error;
    }
  }

  /** Is a misread `"truth → text"` longer than the number (marks that are none of it read as digits)? */
  const addsDigits = (misread: string): boolean => {
    const [truth, text] = misread.split(' → ') as [string, string];
    return !text.startsWith('(') && text.length > truth.length;
  };

  async function readMany(made: RealNumber[]): Promise<{ right: number; wrong: string[] }> {
    const wrong: string[] = [];
    let right = 0;
    for (const m of made) {
      const text = await read(m);
      if (text === m.text) right++;
      else wrong.push(`${m.text} → ${text}`);
    }
    return { right, wrong };
  }

  it('reads cheque amounts written over a guilloche pattern, tints and micro-print', async () => {
    const source = testDigits();
    const cheques = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => composeCheque(source, { seed, length: 3 + (seed % 4) }));
    const { right, wrong } = await readMany(cheques);
    // Measured: 5 of 8 (a third of cheque amounts read exactly before the pattern was taken out).
    assert.ok(right >= 4, `only ${right}/8 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads a cheque amount in a pen as thin as its guilloche, which is lighter', async () => {
    const source = testDigits();
    const cheques = Array.from({ length: 80 }, (_, i) =>
      composeCheque(source, { seed: i + 1, length: 2 + ((i + 1) % 6) }),
    ).filter((cheque) => cheque.groups.includes('pattern: strong guilloche'));
    assert.equal(cheques.length, 36);
    const { right, wrong } = await readMany(cheques);
    // Measured: 31 of 36 (19 before the pattern was told from the pen by its tone: the pattern
    // and the digits were one shape, "4348" → "411", "9134" → "").
    assert.ok(right >= 29, `only ${right}/36 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads "20" whose 2 runs into the 0, in a small box', async () => {
    // A validation cheque (MNIST training digits), 1.6 times as wide as tall: read as a scene, the
    // 2, with a sliver of the 0, looked like no digit and was left out ("0"), and only the look
    // every line is read at found it. Read as the field it is, the 2 is there at the first look.
    const made = realFixture('cheque-amount', 'validation', 204, readMnistSplit(MNIST_DIR, 'train'));
    assert.equal(made.text, '20');
    const reading = await readNumber(pixels(made), { classifier });
    assert.equal(reading.text, '20');
  });

  it('keeps a digit the pattern broke, which the model doubts, in the reading, marked uncertain', async () => {
    // Validation cheques (MNIST training digits): where the guilloche was taken out it left gaps
    // in the strokes, and the model called a plain 0 of "7580775" and the last 0 of "635550" no
    // digit (0.77, 0.94): they were left out, "758775" and "63555", uncertain but wrong.
    const train = readMnistSplit(MNIST_DIR, 'train');
    for (const n of [144, 174]) {
      const made = realFixture('cheque-amount', 'validation', n, train);
      const reading = await readNumber(pixels(made), { classifier });
      assert.equal(reading.text, made.text);
      assert.equal(reading.uncertain, true, `${made.text}: the doubted digit is marked`);
      assert.ok(reading.digits.some((d) => d.uncertain && d.reason === 'not-a-digit'));
    }
  });

  it('says it is unsure of a 1 far shorter than its line: a piece of a slanted 1 the pattern broke', async () => {
    // A validation cheque (MNIST training digits): the guilloche's removal broke the long slanted
    // 1 of "115" in two, each piece read as a sure 1: "1115", not flagged.
    const made = realFixture('cheque-amount', 'validation', 277, readMnistSplit(MNIST_DIR, 'train'));
    assert.equal(made.text, '115');
    const reading = await readNumber(pixels(made), { classifier });
    if (reading.text !== made.text) {
      assert.equal(reading.uncertain, true, `"${reading.text}" read as sure`);
      const height = Math.max(...reading.digits.map((d) => d.box.height));
      for (const d of reading.digits.filter((d) => d.digit === 1 && d.box.height < 0.5 * height))
        assert.equal(d.uncertain, true, 'the short 1 is marked');
    }
  });

  it('reads a cheque amount whose digits stand on its slanted underline', async () => {
    // Validation cheques (MNIST training digits): the underline, turned 1–2°, touches the 2 and
    // the 3 of "23784" (read "4784") and the 3 and the 5 of "38993" (read "4993"); read as ink,
    // it made one shape with them, taken for no digit. A field's one underline is erased first.
    const train = readMnistSplit(MNIST_DIR, 'train');
    for (const n of [0, 50]) {
      const made = realFixture('cheque-amount', 'validation', n, train);
      assert.ok(made.groups.includes('field: underline'));
      assert.equal(await read(made), made.text);
    }
  });

  it("does not read the side of a cheque's box, kept beside the last digit, as a final 1", async () => {
    // A validation cheque (MNIST training digits): the box's thick right side was left standing
    // apart from the 9, and read as a 1 the segment checker gave 0.00 of being a digit: "1691".
    const made = realFixture('cheque-amount', 'validation', 136, readMnistSplit(MNIST_DIR, 'train'));
    assert.equal(made.text, '169');
    assert.equal(await read(made), '169');
  });

  it("reads a 5 whose bar floats past its body, and a digit with a rule's remains at its foot", async () => {
    // Validation pages (MNIST training digits). The 5's bar, drawn apart and reaching far to the
    // right, was a mark of its own, left out as no digit, and the 5's body read as a 3: "113639",
    // "8260980737". What a ruled line left at the foot of a 4 joined it into a 9: "8880079841";
    // the remains are dropped, not kept apart (kept apart, beside a 4, they read as a 2: "324222").
    const train = readMnistSplit(MNIST_DIR, 'train');
    for (const n of [91, 114, 19, 65]) {
      const made = realFixture('number-on-page', 'validation', n, train);
      assert.equal(await read(made), made.text, `page #${n}`);
    }
  });

  it("reads the number on a page, not a signature's loops read as digits it doubts", async () => {
    // Validation pages (MNIST training digits), as the bench reads them (JPEG files): the
    // signature was the most prominent line, read as digits half of them uncertain ("6822" →
    // "68088850", "3301623" → "6882"); the number is the line that reads as a plain number.
    const train = readMnistSplit(MNIST_DIR, 'train');
    for (const n of [59, 239]) {
      const made = realFixture('number-on-page', 'validation', n, train);
      const { data, width, height } = pixels(made);
      const jpeg = await sharp(Buffer.from(data.buffer), { raw: { width, height, channels: 4 } })
        .jpeg({ quality: 55 + ((n * 7) % 36) })
        .toBuffer();
      const reading = await readNumber(new Uint8Array(jpeg), { classifier });
      assert.equal(reading.text, made.text, `page #${n}`);
      assert.equal(reading.uncertain, true, 'which line is the number was a guess');
    }
  });

  it('reads numbers written one digit per printed box, in a comb, or on a ruled line', async () => {
    const source = testDigits();
    const styles = ['boxes', 'comb', 'ruled'] as const;
    const forms = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((seed) =>
      composeForm(source, { seed, length: 4 + (seed % 3), style: styles[seed % 3]!, label: seed % 2 === 0 }),
    );
    const { right, wrong } = await readMany(forms);
    // Measured: 7 of 9 (6% of forms read exactly before the boxes and rules were taken out).
    assert.ok(right >= 6, `only ${right}/9 forms read exactly: ${wrong.join(', ')}`);
  });

  it('does not read a printed label beside the field as digits', async () => {
    const source = testDigits();
    const styles = ['boxes', 'ruled', 'comb'] as const;
    const forms = Array.from({ length: 60 }, (_, i) =>
      composeForm(source, { seed: i + 1, length: 3 + ((i + 1) % 5), style: styles[(i + 1) % 3]!, label: true }),
    );
    const { right, wrong } = await readMany(forms);
    const longer = wrong.filter(addsDigits);
    // Measured: 50 of 60 exact, 2 with digits added (before the label was told from the number:
    // 35 exact, 12 with the label's letters read as digits in front, "273486" → "01273486"; before
    // what is left of a label whose thin letters went with the print counted as one: 46 and 5,
    // "8632" → "108632", "52057" → "0400752057").
    assert.ok(right >= 48, `only ${right}/60 labelled forms read exactly: ${wrong.join(', ')}`);
    assert.ok(longer.length <= 3, `${longer.length} readings took in the label: ${longer.join(', ')}`);
  });

  it('reads digits too big for their boxes, across the lines', async () => {
    const source = testDigits();
    const forms = Array.from({ length: 120 }, (_, i) =>
      composeForm(source, { seed: i + 1, length: 3 + ((i + 1) % 5), style: 'boxes', label: false }),
    ).filter((form) => form.groups.includes('a digit touches the lines'));
    assert.equal(forms.length, 95);
    const { right, wrong } = await readMany(forms);
    // Measured: 80 of 95 (73 while a box's side that a digit crossed stayed with the digit, which
    // was then no digit to the model: "5101" → "11", "254572" → "2547").
    assert.ok(right >= 78, `only ${right}/95 forms read exactly: ${wrong.join(', ')}`);
  });

  it("does not read a comb's teeth as 1s, and keeps small digits written beside big ones", async () => {
    const source = testDigits();
    const combs = Array.from({ length: 60 }, (_, i) =>
      composeForm(source, { seed: i + 1, length: 3 + ((i + 1) % 5), style: 'comb', label: false }),
    );
    const { right, wrong } = await readMany(combs);
    const longer = wrong.filter(addsDigits);
    // Measured: 50 of 60, none longer than the number (before: 48, two with a tooth read as "1").
    assert.ok(right >= 49, `only ${right}/60 comb fields read exactly: ${wrong.join(', ')}`);
    assert.deepEqual(longer, []);
    // "5 2" written half the size of the "057" after them look like a printed word to geometry
    // alone; the model reads them as clean digits, so they stay.
    const small = composeForm(source, { seed: 52, length: 5, style: 'comb', label: false });
    assert.equal(await read(small), small.text);
  });

  it('reads a cheque amount that runs across a light patch of its pattern', async () => {
    const source = testDigits();
    // Found among cheques 1–300 (MNIST test digits): each was read as one digit or none ("7732"
    // → "7", "89" → "1"): a light patch of the pattern, or the printed box with the digits in
    // its pattern seen as no ink, was taken for a note holding one mark.
    const cheques = [48, 90, 102, 109, 116, 187].map((seed) => composeCheque(source, { seed, length: 2 + (seed % 6) }));
    const { right, wrong } = await readMany(cheques);
    // Measured: 6 of 6 (0 before).
    assert.ok(right >= 5, `only ${right}/6 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads a cheque amount across the edge of a light patch of its pattern taken for a note', async () => {
    const source = testDigits();
    // Found among cheques 1–400 (MNIST test digits): a light patch of the pattern, framed by
    // darker print, was taken for a note whose edge runs through the number, and only the digits
    // inside it were read ("47502" → "72", "2236" → "7", "691" → "1"). A note's edge never cuts
    // through what is written on it.
    const cheques = [27, 123, 266, 274, 313].map((seed) => composeCheque(source, { seed, length: 2 + (seed % 6) }));
    const { right, wrong } = await readMany(cheques);
    // Measured: 5 of 5 (0 before).
    assert.ok(right >= 4, `only ${right}/5 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads a cheque amount whose digits a strong pattern swallows when it is read plainly', async () => {
    const source = testDigits();
    // Found among cheques 301–700 (MNIST test digits): read plainly, the pattern and the digits
    // are one shape taken for print and only specks are left, so each was read as one digit or a
    // wrong number ("6724136" → "1", "3877" → "06", "74" → "161"); read after the grey closing,
    // the digits are there.
    const cheques = [315, 318, 320, 323, 332, 519, 582, 624].map((seed) =>
      composeCheque(source, { seed, length: 2 + (seed % 6) }),
    );
    const { right, wrong } = await readMany(cheques);
    // Measured: 8 of 8 (0 before).
    assert.ok(right >= 7, `only ${right}/8 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads a cheque amount whose box, its pattern wiped by the closing, looks like a note', async () => {
    const source = testDigits();
    // Found among cheques 700–2300 (MNIST test digits): read plainly, the pattern swallows the
    // digits and no surface is seen; after the grey closing the field's printed box, its inside
    // now plain, was taken for a note and the digits inside it for its edge and specks ("99" →
    // "1", "559" → "5", "53" → nothing). The closed look now looks for a surface only where the
    // plain one saw one (1 of the 1,600 read worse: "72" → "12").
    const cheques = [786, 1194, 1374, 2011, 2058, 2196].map((seed) =>
      composeCheque(source, { seed, length: 2 + (seed % 6) }),
    );
    const { right, wrong } = await readMany(cheques);
    // Measured: 6 of 6 (0 before).
    assert.ok(right >= 5, `only ${right}/6 cheque amounts read exactly: ${wrong.join(', ')}`);
  });

  it('reads a long number in boxes whole, thin and narrow digits included', async () => {
    const source = testDigits();
    // Found among 8–10 digit forms 301–500 (MNIST test digits): squeezed into the working copy's
    // 320 px, a thin 1 or a narrow digit blurred grey and was lost ("29329548" → "2932958",
    // "025811472" → "0258472"); the line is now read as wide as a square copy's pixels allow.
    const forms = [312, 338, 352, 388, 396, 397, 423, 466].map((seed) =>
      composeForm(source, { seed, length: 8 + (seed % 3) }),
    );
    const { right, wrong } = await readMany(forms);
    // Measured: 8 of 8 (0 before). Of all 200 such forms, 155 read exactly, 138 before
    // (`npx tsx scripts/bench/long-forms.ts`).
    assert.ok(right >= 7, `only ${right}/8 long boxed numbers read exactly: ${wrong.join(', ')}`);
  });

  it('reads every boxed digit when the first look saw one digit alone and the box grid held the rest', async () => {
    // A validation form (MNIST training digits): every digit but the 6 touched the grid, so the
    // first look saw the 6 alone. The digits freed from the grid joined the line one box at a
    // time, and only once, and the field was read closer around the 6's neighbours only: its
    // "01", two boxes away, were lost, "0194763" read "94763", sure.
    const made = realFixture('boxed-form', 'validation', 376, readMnistSplit(MNIST_DIR, 'train'));
    assert.equal(made.text, '0194763');
    assert.equal(await read(made), '0194763');
  });

  it('keeps a thin last digit written against the side of the last box', async () => {
    const source = testDigits();
    // Found among forms 600–1200 (MNIST test digits, 1 of 600): the working copy lost the last
    // digit, a 1, among the box sides, and the closer look kept only the strokes along the
    // digits it had found ("89716341" → "8971634", read as sure).
    const form = composeForm(source, { seed: 621, style: 'boxes' });
    assert.equal(await read(form), form.text);
  });

  it("keeps a thin first digit the working copy lost against the field's left side", async () => {
    // Validation cheque amounts saved as the bench reads them (test/fixtures/fields/README.md):
    // "32052" and "168791" when strokes seen closer were kept only along the digits found first.
    for (const [file, truth] of [
      ['cheque-432052-thin-first-digit.jpg', '432052'],
      ['cheque-3168791-thin-first-digit.jpg', '3168791'],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/fields', file)));
      assert.equal((await readNumber(bytes, { classifier })).text, truth, file);
    }
  });

  it('finds and reads the number among printed text, a signature and a smaller number on a page', async () => {
    const source = testDigits();
    const pages = [1, 2, 3, 4].map((seed) => composePage(source, { seed, length: 5, width: 900 }));
    const { right, wrong } = await readMany(pages);
    // Measured: 1 of 4 on these 900 px pages (none before the line of the number was looked for;
    // 2 of 4 before notes on a desk kept their surface). Two read as another line, one as print.
    assert.ok(right >= 1, `only ${right}/4 pages read exactly: ${wrong.join(', ')}`);
  });

  it("reads the number, not a signature's loops read as no digits, and says it is unsure", async () => {
    const source = testDigits();
    // Found among pages 1–400 (MNIST test digits): the signature over its rule was the most
    // prominent line and was read, mostly marks that are no digit ("0197" → "2882", "50358" →
    // "7282"). When a line reads as half or more no digits, another line that reads as a plain
    // number is taken, uncertain (2 of the 400 read better, 1 read closer, none worse).
    for (const seed of [57, 214]) {
      const page = composePage(source, { seed });
      const reading = await readNumber(pixels(page), { classifier });
      // Measured: 2 of 2 (0 before).
      assert.equal(reading.text, page.text, `page ${seed}`);
      assert.equal(reading.uncertain, true, `page ${seed}: which line is the number was a guess`);
    }
  });

  it('rejects empty boxes and an empty ruled line with EMPTY_IMAGE', async () => {
    const source = testDigits();
    // Not yet: a row of eight empty boxes (its sides read as a "1") and an empty field with a
    // printed label (the label's letters read as digits) still come back as digits.
    const empty = [
      composeForm(source, { seed: 1, length: 0, slots: 6, style: 'boxes', label: false }),
      composeForm(source, { seed: 3, length: 0, style: 'ruled', label: false }),
    ];
    for (const made of empty) assert.equal(await read(made), '(EMPTY_IMAGE)');
  });

  it('rejects a photo of a blank sheet (ruled or plain) with EMPTY_IMAGE, mostly', async () => {
    const source = testDigits();
    const readings = [];
    for (const seed of [1, 2, 3, 4])
      readings.push(await read(composePage(source, { seed, length: 0, clutter: false })));
    const rejected = readings.filter((r) => r === '(EMPTY_IMAGE)').length;
    // Measured: 3 of 4 (the fourth reads "77").
    assert.ok(rejected >= 3, `only ${rejected}/4 blank sheets rejected: ${readings.join(', ')}`);
  });

  it('rejects a cheque field with only its printed pattern in it with EMPTY_IMAGE, mostly', async () => {
    const source = testDigits();
    const readings: string[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const made = composeCheque(source, { seed, length: 0 });
      try {
        const reading = await readNumber(pixels(made), { classifier });
        readings.push(`"${reading.text}"${reading.uncertain ? ' (uncertain)' : ''}`);
      } catch (error) {
        if (!(error instanceof DigitRecognizerError)) throw error;
        readings.push(`(${error.code})`);
      }
    }
    const rejected = readings.filter((r) => r === '(EMPTY_IMAGE)').length;
    // Measured: 4 of 6, the others uncertain: an empty printed box's side read as a "1", the
    // pattern's remains as a "1" and a mark that is no digit (3 of 6 before a line of specks
    // under 6 px was rejected; 4 of 6 before the pattern was told from the pen by its tone,
    // which takes the pattern and leaves the box cleaner).
    assert.ok(rejected >= 3, `only ${rejected}/6 empty cheque fields rejected: ${readings.join(', ')}`);
    assert.ok(
      readings.every((r) => r === '(EMPTY_IMAGE)' || r.endsWith('(uncertain)')),
      `an empty cheque field read as a sure number: ${readings.join(', ')}`,
    );
  });
});
