import { expect } from '@open-wc/testing';
import { isDigitRecognizerError, loadClassifier } from '../../../src/index.js';
import { digitCanvas } from '../fixtures.js';

describe('when WebAssembly cannot start', () => {
  it('falls back to the CPU backend, warns once, and still answers', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // No .wasm files here: the WASM backend fails to start.
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
    // It says what came back and what to do, and does not blame a CSP the page does not have.
    const text = String(ours[0]![0]);
    expect(text).to.contain(`${location.origin}/no-wasm-here/tfjs-backend-wasm-simd.wasm answered HTTP 404`);
    expect(text).to.contain('setAssetPath()');
    expect(text).not.to.contain('Content-Security-Policy');
  });

  it('says when the server answers model.json with an HTML page', async () => {
    // The test page itself: what a dev server's HTML fallback or a 404 page looks like.
    const error = await loadClassifier({ modelUrl: location.href }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDigitRecognizerError(error, 'MODEL_LOAD_FAILED')).to.equal(true);
    const message = (error as Error).message;
    expect(message).to.contain(location.href);
    expect(message).to.contain('HTML page');
    expect(message).to.contain('setAssetPath()');
  });
});
