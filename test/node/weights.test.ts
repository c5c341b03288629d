import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { io, type NamedTensorMap } from '@tensorflow/tfjs-core';
import { getDefaultClassifier } from '../../src/node.js';
import { decodeWeights } from '../../src/classify/weights.js';
import { ROOT } from './helpers.js';

/** Every value of `a` and `b`, name by name, compared bit for bit (NaN equal to NaN, −0 not to 0). */
function assertSame(a: NamedTensorMap, b: NamedTensorMap): void {
  assert.deepEqual(Object.keys(b), Object.keys(a));
  for (const name of Object.keys(a)) {
    assert.deepEqual(b[name]!.shape, a[name]!.shape, name);
    assert.equal(b[name]!.dtype, a[name]!.dtype, name);
    const x = a[name]!.dataSync();
    const y = b[name]!.dataSync();
    for (let i = 0; i < x.length; i++) assert.ok(Object.is(x[i], y[i]), `${name}[${i}]: ${x[i]} vs ${y[i]}`);
  }
}

describe('decodeWeights()', () => {
  // The backend the tensors go to.
  before(() => getDefaultClassifier());

  it("gives the shipped models' weights exactly as tfjs' io.decodeWeights() does", () => {
    for (const dir of ['models/recognizer', 'models/segment-checker']) {
      const json = JSON.parse(readFileSync(join(ROOT, dir, 'model.json'), 'utf8')) as io.ModelJSON;
      const specs = json.weightsManifest.flatMap((group) => group.weights);
      const bytes = readFileSync(join(ROOT, dir, 'weights.bin'));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      assertSame(io.decodeWeights(buffer, specs), decodeWeights(buffer, specs));
    }
  });

  it('decodes float32, uint8, uint16 and float16 weights, the special halves too, and leaves the rest to tfjs', () => {
    // float16: 1, −2, the smallest subnormal, 65504, −0, infinity, NaN; an odd count, so the uint16
    // weight after it starts unaligned.
    const halves = [0x3c00, 0xc000, 0x0001, 0x7bff, 0x8000, 0x7c00, 0x7e00];
    const parts = [
      new Uint8Array(new Float32Array([0.5, -1.25, 3e-8]).buffer),
      new Uint8Array([0, 7, 255]),
      new Uint8Array(new Uint16Array(halves).buffer),
      new Uint8Array(new Uint16Array([0, 1000, 65535]).buffer),
    ];
    const buffer = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (buffer.set(p, at), at + p.length), 0);
    const specs: io.WeightsManifestEntry[] = [
      { name: 'plain', shape: [3], dtype: 'float32' },
      { name: 'bytes', shape: [3, 1], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.01, min: -1 } },
      { name: 'halves', shape: [7], dtype: 'float32', quantization: { dtype: 'float16' } },
      { name: 'words', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.001, min: 0.5 } },
    ];
    const ours = decodeWeights(buffer.buffer, specs);
    assertSame(io.decodeWeights(buffer.buffer, specs), ours);
    assert.deepEqual(Array.from(ours.halves!.dataSync()), [1, -2, 2 ** -24, 65504, -0, Infinity, NaN]);
    // An int32 weight: all of it goes to tfjs, which knows every kind.
    const ints: io.WeightsManifestEntry[] = [...specs, { name: 'ints', shape: [1], dtype: 'int32' }];
    const withInts = new Uint8Array(buffer.length + 4);
    withInts.set(buffer);
    new DataView(withInts.buffer).setInt32(buffer.length, -7, true);
    const mixed = decodeWeights(withInts.buffer, ints);
    assert.equal(mixed.ints!.dtype, 'int32');
    assert.deepEqual(Array.from(mixed.ints!.dataSync()), [-7]);
  });
});
