import { expect } from '@open-wc/testing';
import { backend, memory } from '@tensorflow/tfjs-core';
import { getDefaultClassifier } from '../../../src/index.js';
import { mnistTest } from '../fixtures.js';

function wasmHeapBytes(): number {
  return (backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.byteLength;
}

describe('memory over 5,000 classifications', () => {
  it('keeps the tensor count and the WASM heap stable', async () => {
    const classifier = await getDefaultClassifier();
    expect(classifier.backend).to.equal('wasm');
    const { images } = await mnistTest();
    const digit = (i: number) => ({
      data: images.subarray((i % 10000) * 784, (i % 10000) * 784 + 784),
      width: 28,
      height: 28,
    });
    for (let i = 0; i < 200; i++) await classifier.classify(digit(i));
    const tensors = memory().numTensors;
    const heap = wasmHeapBytes();
    for (let i = 200; i < 5000; i++) {
      if (i % 10 === 0) await classifier.classifyBatch([digit(i), digit(i + 1), digit(i + 2)]);
      else await classifier.classify(digit(i));
    }
    expect(memory().numTensors).to.equal(tensors);
    expect(wasmHeapBytes()).to.equal(heap);
  });
});
