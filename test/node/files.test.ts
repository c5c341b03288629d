/**
 * Node reads image files: paths, file: URLs, Buffers, Uint8Arrays, ArrayBuffers and Blobs of PNG,
 * JPEG (upright by EXIF orientation) and WebP, through classify(), classifyBatch(), preprocess()
 * and readNumber(); unreadable files fail with a DECODE_FAILED that says why.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { classify, classifyBatch, DigitRecognizerError, preprocess, readNumber } from '../../src/node.js';
import { ROOT } from '../examples/helpers.js';

const SEVEN = join(ROOT, 'examples/node/seven.png');
const PHOTO = join(ROOT, 'test/fixtures/scenes/digit-dark-wood.jpg'); // a 0 on a note on a desk
const NUMBER = join(ROOT, 'test/fixtures/scenes/number-grey-laminate.jpg'); // 86903

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DigitRecognizerError, `expected a DigitRecognizerError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('image files in Node', () => {
  let dir: string;
  /** The 7 stored turned a quarter left, with EXIF orientation 6 ("turn right to view"). */
  let sideways: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'digit-recognizer-files-'));
    sideways = join(dir, 'seven-exif-6.jpg');
    await sharp(SEVEN)
      .flatten({ background: '#ffffff' })
      .rotate(-90)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toFile(sideways);
    await sharp(SEVEN).webp().toFile(join(dir, 'seven.webp'));
    writeFileSync(join(dir, 'truncated.png'), readFileSync(SEVEN).subarray(0, 300));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a path, a file: URL (object or string), a Buffer, bytes and a Blob alike', async () => {
    const bytes = readFileSync(SEVEN);
    const inputs = [
      SEVEN,
      pathToFileURL(SEVEN),
      pathToFileURL(SEVEN).href,
      bytes,
      new Uint8Array(bytes),
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      new Blob([bytes], { type: 'image/png' }),
    ];
    for (const input of inputs) {
      const { digit, uncertain } = await classify(input);
      assert.equal(digit, 7, `read from ${Object.prototype.toString.call(input)}`);
      assert.equal(uncertain, false);
    }
  });

  it('reads JPEG and WebP, and turns a JPEG upright by its EXIF orientation', async () => {
    assert.equal((await classify(join(dir, 'seven.webp'))).digit, 7);
    assert.equal((await classify(sideways)).digit, 7);
    // Without the orientation applied, the same pixels are a sideways 7: not read as 7.
    const { data, info } = await sharp(sideways).greyscale().raw().toBuffer({ resolveWithObject: true });
    assert.ok(info.width > 0);
    const raw = await classify({ data: new Uint8Array(data), width: info.width, height: info.height });
    assert.notEqual(raw.digit === 7 && !raw.uncertain, true, 'the stored pixels alone should not read as a sure 7');
  });

  it('reads a photo of a note on a desk, and finds its box in the photo`s pixels', async () => {
    const pre = await preprocess(PHOTO);
    assert.ok(pre.surface, 'the note is found');
    assert.ok(pre.box.x > 200 && pre.box.x < 450, `box at x ${pre.box.x}`);
    assert.equal((await classify(PHOTO)).digit, 0);
  });

  it('reads a number from a file, and a batch of files in order', async () => {
    assert.equal((await readNumber(NUMBER)).text, '86903');
    const batch = await classifyBatch([PHOTO, SEVEN]);
    assert.deepEqual(
      batch.map((p) => p.digit),
      [0, 7],
    );
  });

  it('says which file it could not read, and why', async () => {
    await rejectsWith(classify(join(dir, 'missing.png')), 'DECODE_FAILED', /missing\.png: there is no such file/);
    await rejectsWith(classify(dir), 'DECODE_FAILED', /it is a folder/);
    await rejectsWith(classify(join(dir, 'truncated.png')), 'DECODE_FAILED', /truncated\.png could not be decoded/);
    await rejectsWith(
      classify(Buffer.from('%PDF-1.4 not an image')),
      'DECODE_FAILED',
      /The Buffer could not be decoded/,
    );
    await rejectsWith(classify(new Uint8Array(0)), 'DECODE_FAILED', /empty \(0 bytes\)/);
    await rejectsWith(classifyBatch([SEVEN, join(dir, 'missing.png')]), 'DECODE_FAILED', /^Input 1: Could not read/);
  });
});
