import { expect } from '@open-wc/testing';
import { classify, classifyBatch, DigitRecognizerError } from '../../../src/index.js';
import { seven } from '../../fixtures/written-ones.js';
import { drawnCanvas } from '../fixtures.js';

/**
 * The first `classify()` of a page, while the shared model is still downloading (its own file:
 * a page of its own, where nothing has loaded the model yet). Its model.json is held back here
 * until the test lets it go.
 */
describe('classify() while the model downloads (a first visit)', () => {
  const realFetch = window.fetch;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let modelAnswered = false;
  before(() => {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/recognizer/model.json')) {
        await held;
        const response = await realFetch(input, init);
        modelAnswered = true;
        return response;
      }
      return realFetch(input, init);
    };
  });
  after(() => {
    release();
    window.fetch = realFetch;
  });

  it('reads the image while the model downloads: a pad wiped before the model arrives still gives its digit', async () => {
    const pad = drawnCanvas(seven(0.5, false), 200, 30, 14);
    const answer = classify(pad);
    // The page goes on: the pad is wiped before the model has even arrived.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(modelAnswered).to.equal(false);
    const context = pad.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, pad.width, pad.height);
    release();
    const prediction = await answer;
    expect(prediction.digit).to.equal(7);
    expect(prediction.uncertain).to.equal(false);
  });

  it('still says which input of a batch could not be read', async () => {
    const blank = document.createElement('canvas');
    blank.width = 50;
    blank.height = 50;
    const error = await classifyBatch([drawnCanvas(seven(0.5, false)), blank]).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DigitRecognizerError);
    expect((error as DigitRecognizerError).code).to.equal('EMPTY_IMAGE');
    expect((error as DigitRecognizerError).message).to.match(/^Input 1: /);
  });
});
