import { expect } from '@open-wc/testing';
import { registerBackend } from '@tensorflow/tfjs-core';
import { DigitRecognizerError, loadClassifier } from '../../../src/index.js';

// Registered before the library loads the real CPU backend, so tfjs keeps this broken one.
registerBackend('cpu', () => {
  throw new Error('the CPU backend is blocked for this test');
});

describe('when neither backend can start', () => {
  it('rejects with BACKEND_UNAVAILABLE instead of hanging', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const error = await loadClassifier({ wasmPath: '/no-wasm-here/' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DigitRecognizerError);
      expect((error as DigitRecognizerError).code).to.equal('BACKEND_UNAVAILABLE');
      expect((error as Error).message).to.contain('Neither the WASM nor the CPU backend');
    } finally {
      console.warn = warn;
    }
  });
});
