import { expect } from '@open-wc/testing';
import { digitCanvas } from '../fixtures.js';

interface CdnGlobal {
  classify(input: unknown): Promise<{ digit: number }>;
  getDefaultClassifier(): Promise<{ backend: string; modelUrl: string }>;
  VERSION: string;
}

describe('the CDN bundle', () => {
  it('works from a plain <script> served under another path, its assets resolving next to it', async () => {
    // The test server mirrors the package at /cdn-mirror/digit-recognizer@x/, as jsDelivr does.
    const script = document.createElement('script');
    script.src = '/cdn-mirror/digit-recognizer@x/dist/digit-recognizer.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    const api = (window as unknown as { DigitRecognizer: CdnGlobal }).DigitRecognizer;
    expect(api.VERSION).to.match(/^\d+\.\d+\.\d+/);
    const { canvas, label } = await digitCanvas(0);
    expect((await api.classify(canvas)).digit).to.equal(label);
    const classifier = await api.getDefaultClassifier();
    expect(classifier.backend).to.equal('wasm');
    expect(classifier.modelUrl).to.equal(
      `${location.origin}/cdn-mirror/digit-recognizer@x/models/mnist-cnn/model.json`,
    );
    const wasm = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
    expect(wasm.length).to.be.greaterThan(0);
    for (const entry of wasm) expect(entry.name).to.contain('/cdn-mirror/digit-recognizer@x/dist/');
  });
});
