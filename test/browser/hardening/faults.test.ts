import { expect } from '@open-wc/testing';
import { DigitRecognizerError, loadClassifier } from '../../../src/index.js';

type Manifest = { weightsManifest: Array<{ paths: string[] }> };

/** A model.json (as a blob: URL) whose weights `change` may cut short or point elsewhere. */
async function modelWith(
  change: (json: Manifest, weights: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> | void,
): Promise<string> {
  const json = (await (await fetch('/models/recognizer/model.json')).json()) as Manifest;
  const original = new Uint8Array(await (await fetch('/models/recognizer/weights.bin')).arrayBuffer());
  const weights = new Uint8Array(await (await fetch('/models/recognizer/weights.bin')).arrayBuffer());
  json.weightsManifest[0]!.paths = [URL.createObjectURL(new Blob([original]))];
  const changed = change(json, weights);
  if (changed) json.weightsManifest[0]!.paths = [URL.createObjectURL(new Blob([changed]))];
  return URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
}

async function failure(modelUrl: string): Promise<DigitRecognizerError> {
  try {
    await loadClassifier({ modelUrl });
  } catch (error) {
    return error as DigitRecognizerError;
  }
  throw new Error(`${modelUrl} loaded`);
}

describe('model faults', () => {
  it('a 404 gives MODEL_LOAD_FAILED naming the URL', async () => {
    const error = await failure('/missing/model.json');
    expect(error).to.be.instanceOf(DigitRecognizerError);
    expect(error.code).to.equal('MODEL_LOAD_FAILED');
    expect(error.message).to.contain(`${location.origin}/missing/model.json`).and.contain('404');
  });

  it('corrupt JSON, truncated weights and a missing weights file are MODEL_LOAD_FAILED', async () => {
    const corruptJson = URL.createObjectURL(new Blob(['{"modelTopology": ']));
    const truncated = await modelWith((_, weights) => weights.subarray(0, 1000));
    const missing = await modelWith((json) => {
      json.weightsManifest[0]!.paths = [`${location.origin}/missing/weights.bin`];
    });
    for (const url of [corruptJson, truncated, missing]) {
      const error = await failure(url);
      expect(error.code, url).to.equal('MODEL_LOAD_FAILED');
      expect(error.message).to.contain(url);
    }
  });

  it('a later retry with the right URL works', async () => {
    await failure('/missing/model.json');
    const classifier = await loadClassifier({ modelUrl: '/models/recognizer/model.json' });
    expect(classifier.backend).to.equal('wasm');
    classifier.dispose();
  });
});
