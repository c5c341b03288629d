import { expect } from '@open-wc/testing';
import { loadClassifier } from '../../../src/index.js';
import { digitCanvas } from '../fixtures.js';

describe('when WebAssembly cannot start', () => {
  it('falls back to the CPU backend, warns once, and still answers', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // No .wasm files here: the WASM backend fails to start, as under a CSP without 'wasm-unsafe-eval'.
      const classifier = await loadClassifier({ wasmPath: '/no-wasm-here/' });
      expect(classifier.backend).to.equal('cpu');
      const { canvas, label } = await digitCanvas(2);
      expect((await classifier.classify(canvas)).digit).to.equal(label);
      const again = await loadClassifier({ wasmPath: '/no-wasm-here/' });
      expect(again.backend).to.equal('cpu');
    } finally {
      console.warn = warn;
    }
    const ours = warnings.filter((w) => String(w[0]).startsWith('digit-recognizer:'));
    expect(ours.length).to.equal(1);
    expect(String(ours[0]![0])).to.contain('wasm-unsafe-eval');
  });
});
