import { expect } from '@open-wc/testing';
import { digitCanvas, withOurWarnings } from '../fixtures.js';

interface CdnClassifier {
  worker: boolean;
  classify(input: unknown): Promise<{ digit: number }>;
  dispose(): void;
}

interface CdnGlobal {
  loadClassifier(options: { worker: boolean }): Promise<CdnClassifier>;
}

describe('the CDN bundle from another origin', () => {
  it('reads in a worker started through a blob: script, as from jsDelivr', async () => {
    // 127.0.0.1 is another origin than this page's localhost: a browser starts no worker from
    // it directly, as from a real CDN.
    const origin = `${location.protocol}//127.0.0.1:${location.port}`;
    expect(origin).not.to.equal(location.origin);
    const script = document.createElement('script');
    script.src = `${origin}/cdn-mirror/digit-recognizer@x/dist/digit-recognizer.min.js`;
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    const api = (window as unknown as { DigitRecognizer: CdnGlobal }).DigitRecognizer;
    const { result: classifier, warnings } = await withOurWarnings(() => api.loadClassifier({ worker: true }));
    expect(warnings).to.deep.equal([]);
    expect(classifier.worker).to.equal(true);
    const { canvas, label } = await digitCanvas(9);
    expect((await classifier.classify(canvas)).digit).to.equal(label);
    classifier.dispose();
  });
});
