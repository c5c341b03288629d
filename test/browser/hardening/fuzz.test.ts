import { expect } from '@open-wc/testing';
import { classify, DigitRecognizerError, getDefaultClassifier } from '../../../src/index.js';

/** Seeded bytes, so a failure can be replayed. */
function bytes(seed: number, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let state = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff, 0xe0];

/** Settles `promise`, or reports a hang after 15 s (a guard, not a speed target). */
function settle(promise: Promise<unknown>): Promise<{ ok: boolean; error?: unknown }> {
  return Promise.race([
    promise.then(
      () => ({ ok: true }),
      (error: unknown) => ({ ok: false, error }),
    ),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hang')), 15000)),
  ]);
}

describe('fuzzing classify()', () => {
  before(async () => {
    await getDefaultClassifier();
  });

  it('rejects 600 random-byte Blobs with DECODE_FAILED, never an uncaught error or a hang', async () => {
    const codes = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const body = bytes(i, 1 + ((i * 37) % 4000));
      if (i % 3 === 1) body.set(PNG_SIGNATURE.slice(0, Math.min(8, body.length)));
      if (i % 3 === 2) body.set(JPEG_SIGNATURE.slice(0, Math.min(4, body.length)));
      const type = ['image/png', 'image/jpeg', '', 'application/pdf'][i % 4]!;
      const result = await settle(classify(new Blob([body], { type })));
      expect(result.ok, `blob ${i} was read as an image`).to.equal(false);
      expect(result.error, `blob ${i}`).to.be.instanceOf(DigitRecognizerError);
      const code = (result.error as DigitRecognizerError).code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.keys()]).to.deep.equal(['DECODE_FAILED']);
  });

  it('answers or rejects with a coded error for 400 random raw arrays', async () => {
    let rejected = 0;
    for (let i = 0; i < 400; i++) {
      const noise = bytes(10000 + i, 64);
      const width = noise[0]! % 40;
      const height = noise[1]! % 40;
      const channels = [1, 4, 3][noise[2]! % 3]!;
      const length = width * height * channels + (noise[3]! % 5 === 0 ? noise[4]! % 7 : 0);
      let data: Uint8Array | Float32Array;
      if (i % 2 === 0) {
        data = bytes(20000 + i, length);
      } else {
        data = new Float32Array(length).map((_, k) => ((k * 7919 + i) % 1000) / 999);
        if (i % 10 === 1 && length > 0) data[length >> 1] = NaN;
        if (i % 10 === 3 && length > 0) data[0] = 2;
      }
      const result = await settle(classify({ data, width, height }));
      if (!result.ok) {
        rejected++;
        expect(result.error, `array ${i}`).to.be.instanceOf(DigitRecognizerError);
        expect(['INVALID_INPUT', 'EMPTY_IMAGE']).to.include((result.error as DigitRecognizerError).code);
      }
    }
    // Most of these are malformed (3 channels, wrong length, NaN, zero size).
    expect(rejected).to.be.greaterThan(200);
  });
});
