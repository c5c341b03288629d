/**
 * Desk photos (test/fixtures/desk-photos/) read in Node as Chromium reads a canvas of them: the
 * working copy fitted to the working side as `drawImage` does (scripts/bench/browser-like-decode.ts),
 * where Node's own decoder shrinks by a whole factor and would read them differently. Its own
 * file: the decoder it sets stays set.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { decodeRawPixelsLikeBrowser } from '../../scripts/bench/browser-like-decode.js';
import { loadClassifier, readNumber, type Classifier } from '../../src/node.js';
import { ROOT, SHIPPED_MODEL_URL } from './helpers.js';

async function rgba(file: string): Promise<{ data: Uint8Array; width: number; height: number }> {
  const bytes = readFileSync(join(ROOT, 'test/fixtures/desk-photos', file));
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('desk photos read as a browser reads a canvas', () => {
  let classifier: Classifier;
  before(async () => {
    decodeRawPixelsLikeBrowser();
    classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
  });

  /** Each photo reads as its number, exactly. */
  async function assertReadings(photos: readonly (readonly [file: string, number: string])[]): Promise<void> {
    for (const [file, number] of photos) {
      const reading = await readNumber(await rgba(file), { classifier });
      assert.equal(reading.text, number, file);
    }
  }

  it("keeps the working copy's reading when, up close, a thin pen's digits each break in two", async () => {
    // Read closer, the 0 and the 8 of "0038" each broke in two and every half was read as a
    // digit: "17073623".
    const reading = await readNumber(await rgba('number-0038-thin-pen-green-note-white-table.jpg'), { classifier });
    assert.equal(reading.text, '0038');
    assert.notEqual(reading.surface, undefined, 'the green note was not found');
  });

  it('leaves out the desk around a note it could not outline, however dark', async () => {
    // No note was found (one touches a white wall behind it, one runs off the photo), so the
    // whole photo was read, and pieces of the dark desk beside the digits were read as digits:
    // "8333" and "19".
    await assertReadings([
      ['number-328-note-against-white-wall-black-desk.jpg', '328'],
      ['number-9093-note-off-the-photo-dark-wood.jpg', '9093'],
    ]);
  });

  it("keeps a 2's base that lines up with the bottom of the 0 beside it: no rule", async () => {
    // Read closer, rules are erased first, and the 2's flat base and the 0's bottom, on one line,
    // were long enough together to be taken for one: the 2 lost its base and read as a 7, "710018".
    const reading = await readNumber(await rgba('number-210018-base-of-two-blue-fabric.jpg'), { classifier });
    assert.equal(reading.text, '210018');
  });

  it("reads a big 3's hooked start as part of the 3, not as a 1 of its own", async () => {
    // The first 3 read doubtfully, so it was cut in two, and the cut-off hook at its top read as
    // a short 1 beside a 3: "133".
    const reading = await readNumber(await rgba('number-33-hooked-three-light-oak.jpg'), { classifier });
    assert.equal(reading.text, '33');
  });

  it("reads a digit written on the card's shadowed strip, past the soft edge of the shadow", async () => {
    // The card's outline took the soft edge of a darker strip along its left side for the card's
    // side, so the first digit lay outside it and was never ink: "22605".
    const reading = await readNumber(await rgba('number-122605-shadowed-strip-green-card.jpg'), { classifier });
    assert.equal(reading.text, '122605');
  });

  it("judges the pen's width by the number's own strokes, not by the note's edge below them", async () => {
    // Thick flat pieces of the note's edge and shadow below the number set the pen's width, and
    // the thin digits, nowhere that thick, were all taken out as print: "No digits found".
    const reading = await readNumber(await rgba('number-70791-thin-pen-note-edge-black-desk.jpg'), { classifier });
    assert.equal(reading.text, '70791');
  });

  it('reads a number whose last digits drift lower down a tilted card', async () => {
    // The last two digits, half a digit lower than the first, were a line of their own, and the
    // first four (with the 5's bar) the number: "3185".
    const reading = await readNumber(await rgba('number-318593-drifting-down-grey-laminate.jpg'), { classifier });
    assert.equal(reading.text, '318593');
  });

  it('reads the dark writing on a light card, not the card itself as light ink on the dark desk', async () => {
    // Read whole, the pink card on dark wood was light "ink" (the card and its shade, two tall
    // marks), taller than the digits on it, and that line was read: "7".
    const reading = await readNumber(await rgba('number-393-pink-card-dark-wood.jpg'), { classifier });
    assert.equal(reading.text, '393');
  });

  it("reads a thin pen's digits on a pale card, not the card's shaded edges a grey closing leaves", async () => {
    // The closing meant for a cheque's pattern wore the thin digits away and kept the card's soft
    // left and bottom edges; taken for the digits it lost, its tall left edge was read: "1". (Its
    // last digit, a 4 drawn like an "A", is left out as no digit.)
    const reading = await readNumber(await rgba('number-07854-thin-pen-pale-card-white-table.jpg'), { classifier });
    assert.match(reading.text, /^0785/);
    assert.ok(reading.box.width > 3 * reading.box.height, 'the line of digits, not a tall edge, was read');
  });

  it('reads digits a shadow across the slip cuts in two, past the shade taken for its edge', async () => {
    // The slip's outline ran along the shadow's edge: only the digits' tops lay inside it, and
    // they were read as no digits: nothing read.
    const reading = await readNumber(await rgba('number-65-shadow-across-slip-white-table.jpg'), { classifier });
    assert.equal(reading.text, '65');
  });

  it('says so when it leaves out a small flat mark close after the number', async () => {
    // The last digit, a 2 half as tall as the others and twice as wide as tall, was taken for a
    // printed word beside the field and dropped without a word: "734", not uncertain.
    const reading = await readNumber(await rgba('number-7342-small-flat-two-grey-laminate.jpg'), { classifier });
    if (reading.text !== '7342') {
      assert.ok(reading.uncertain, `"${reading.text}" is not marked uncertain`);
      assert.equal(reading.notDigits.length, 1, 'the mark left out is listed');
      const [mark] = reading.notDigits;
      const last = reading.digits.at(-1)!.box;
      assert.ok(mark!.box.x >= last.x + last.width, 'the mark listed is the one after the number');
    }
  });

  it('reads a digit a wrong outline of a white note on a white table cuts through', async () => {
    // The note's outline, traced through the soft light on white on white, cut through one digit
    // at an end of the number: its part outside was lost, "3014" and "7777" (the 0 a 7's stub).
    await assertReadings([
      ['number-30149-outline-through-nine-white-table.jpg', '30149'],
      ['number-0777-outline-through-zero-white-table.jpg', '0777'],
    ]);
  });

  it('reads the number on a note, not a piece of desk or a pen its outline took in', async () => {
    // The note's outline took in a strip of dark desk between the note and a sheet under it, or
    // a pen at the note's corner; far taller than the digits, that piece set the line's height,
    // the digits were specks beside it, and it was read as the number: "1" both times.
    await assertReadings([
      ['number-5535-desk-between-sheets-dark-wood.jpg', '5535'],
      ['number-82139-pen-at-corner-light-oak.jpg', '82139'],
    ]);
  });

  it('judges specks by the height of the line being read, not by shapes of desk left beside it', async () => {
    // After print was taken out of the line's ink, shapes of the desk left in the photo, far
    // taller than the digits, set the height specks were judged by, and the digits went as
    // specks: "No digits found".
    const reading = await readNumber(await rgba('number-7720-desk-blobs-light-oak.jpg'), { classifier });
    assert.equal(reading.text, '7720');
  });

  it("leaves out a sliver of the note's edge at an end of the number, read as a 1", async () => {
    // Read closer, the edge of the note (and the desk beyond it) came in at the crop's border or
    // along the note's outline, apart from the digits: "2541", "321", "1523129".
    for (const [file, number] of [
      ['number-254-slip-edge-light-oak.jpg', '254'],
      ['number-32-card-edge-light-oak.jpg', '32'],
      ['number-523129-sticky-edge-light-oak.jpg', '523129'],
      // A shadow's wedge along the card's side, close to the 0 but far fainter than the pen: "103".
      ['number-03-shadow-wedge-dark-wood.jpg', '03'],
    ] as const) {
      const reading = await readNumber(await rgba(file), { classifier });
      assert.equal(reading.text, number, file);
      assert.ok(
        reading.notDigits.length > 0 && reading.uncertain,
        `${file}: the sliver left out is shown, and doubted`,
      );
    }
  });
});
