import { expect } from '@open-wc/testing';
import { ALL_LAYERS_INPUT } from '../../fixtures/models/all-layers-input.js';
import { digitCanvas, withOurWarnings } from '../fixtures.js';

interface CdnClassifier {
  backend: string;
  modelUrl: string;
  worker: boolean;
  classify(input: unknown): Promise<{ digit: number }>;
  classifyPreprocessed(input: Float32Array): Promise<{ digit: number; probabilities: number[] }>;
  dispose(): void;
}

interface CdnGlobal {
  classify(input: unknown): Promise<{ digit: number }>;
  getDefaultClassifier(): Promise<CdnClassifier>;
  loadClassifier(options: { worker?: boolean; modelUrl?: string }): Promise<CdnClassifier>;
  readNumber(input: unknown, options: { classifier: CdnClassifier }): Promise<{ text: string }>;
  VERSION: string;
}

const MIRROR = '/cdn-mirror/digit-recognizer@x/';

let api: CdnGlobal | null = null;

/** The bundle, loaded once with a plain <script>, as a page does. */
async function cdn(): Promise<CdnGlobal> {
  if (api) return api;
  // The test server mirrors the package at /cdn-mirror/digit-recognizer@x/, as jsDelivr does.
  const script = document.createElement('script');
  script.src = `${MIRROR}dist/digit-recognizer.min.js`;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
  api = (window as unknown as { DigitRecognizer: CdnGlobal }).DigitRecognizer;
  return api;
}

describe('the CDN bundle', () => {
  it('works from a plain <script> served under another path, its assets resolving next to it', async () => {
    const api = await cdn();
    expect(api.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(Object.keys(window).filter((name) => /digitRecognizer/i.test(name))).to.deep.equal(['DigitRecognizer']);
    const { canvas, label } = await digitCanvas(0);
    expect((await api.classify(canvas)).digit).to.equal(label);
    const classifier = await api.getDefaultClassifier();
    expect(classifier.backend).to.equal('wasm');
    expect(classifier.modelUrl).to.equal(
      `${location.origin}/cdn-mirror/digit-recognizer@x/models/recognizer/model.json`,
    );
    const wasm = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
    expect(wasm.length).to.be.greaterThan(0);
    for (const entry of wasm) expect(entry.name).to.contain('/cdn-mirror/digit-recognizer@x/dist/');
  });

  it('reads in a worker that is the same script, with no configuration and no warning', async () => {
    const api = await cdn();
    const { result: classifier, warnings } = await withOurWarnings(() => api.loadClassifier({ worker: true }));
    expect(warnings).to.deep.equal([]);
    expect(classifier.worker).to.equal(true);
    expect(classifier.backend).to.equal('wasm');
    expect(classifier.modelUrl).to.equal(`${location.origin}${MIRROR}models/recognizer/model.json`);
    const { canvas, label } = await digitCanvas(7);
    expect((await classifier.classify(canvas)).digit).to.equal(label);
    const photo = await (await fetch('/test/fixtures/scenes/number-grey-laminate.jpg')).blob();
    expect((await api.readNumber(photo, { classifier })).text).to.equal('86903');
    // The worker is the page's own script (a browser serves it from its cache), no other file.
    const scripts = performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(e.name));
    const names = new Set(scripts.map((e) => e.name).filter((name) => name.includes(MIRROR)));
    expect([...names]).to.deep.equal([`${location.origin}${MIRROR}dist/digit-recognizer.min.js`]);
    classifier.dispose();
  });

  it('runs a custom model with every layer loadClassifier() accepts, though it bundles only their kernels', async () => {
    // test/fixtures/models/make-all-layers.ts wrote the model and the answer the npm entry gives.
    const api = await cdn();
    const folder = '/test/fixtures/models/all-layers/';
    const expected = (await (await fetch(`${folder}expected.json`)).json()) as {
      digit: number;
      probabilities: number[];
    };
    const classifier = await api.loadClassifier({ modelUrl: `${folder}model.json` });
    const prediction = await classifier.classifyPreprocessed(ALL_LAYERS_INPUT);
    expect(prediction.digit).to.equal(expected.digit);
    prediction.probabilities.forEach((p, i) => expect(p).to.be.closeTo(expected.probabilities[i]!, 1e-3));
    classifier.dispose();
  });
});
