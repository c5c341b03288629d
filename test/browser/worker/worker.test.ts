/**
 * `loadClassifier({ worker: true })` in Chromium: the worker reads every kind of input and gives
 * the same answers as the main thread, keeps the caller's objects usable, reports the same
 * coded errors, aborts, disposes, and falls back to the main thread, with one warning, where
 * a worker cannot run.
 */
import { expect } from '@open-wc/testing';
import { DigitRecognizerError, loadClassifier, readNumber } from '../../../src/index.js';
import type { Classifier, DigitInput, Prediction } from '../../../src/index.js';
import { threeNumbers } from '../../fixtures/number-sheet.js';
import { digitCanvas, mnistTest, toBlob, withOurWarnings } from '../fixtures.js';

const SCENES = '/test/fixtures/scenes/';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DigitRecognizerError);
    return (error as DigitRecognizerError).code;
  }
  throw new Error('expected a rejection');
}

/** The parts of a prediction a user sees, rounded as the element shows them. */
const seen = ({ digit, confidence, uncertain, reason }: Prediction) => ({
  digit,
  confidence: confidence.toFixed(3),
  uncertain,
  reason,
});

/** Three numbers of MNIST test digits on one sheet (test/fixtures/number-sheet.ts), as a canvas. */
async function sheetCanvas(): Promise<{ canvas: HTMLCanvasElement; texts: string[] }> {
  const { images, labels } = await mnistTest();
  const floats = Float32Array.from(images.subarray(0, 30 * 784), (v) => v / 255);
  const sheet = threeNumbers(floats, labels);
  const canvas = document.createElement('canvas');
  canvas.width = sheet.width;
  canvas.height = sheet.height;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(sheet.width, sheet.height);
  sheet.data.forEach((v, i) => image.data.set([v * 255, v * 255, v * 255, 255], 4 * i));
  context.putImageData(image, 0, 0);
  return { canvas, texts: sheet.texts };
}

async function sceneBlob(name: string): Promise<Blob> {
  const response = await fetch(`${SCENES}${name}`);
  expect(response.ok, name).to.equal(true);
  return response.blob();
}

describe('loadClassifier({ worker: true })', () => {
  let inWorker: Classifier;
  let here: Classifier;

  before(async () => {
    [inWorker, here] = await Promise.all([loadClassifier({ worker: true }), loadClassifier()]);
  });

  after(() => {
    inWorker?.dispose();
    here?.dispose();
  });

  it('reads in a worker on WebAssembly, with the same model as the main thread', () => {
    expect(inWorker.worker).to.equal(true);
    expect(here.worker).to.equal(false);
    expect(inWorker.backend).to.equal('wasm');
    expect(inWorker.modelUrl).to.equal(here.modelUrl);
  });

  it('gives the same predictions as the main thread for every kind of input', async () => {
    const { canvas } = await digitCanvas(0);
    const png = await toBlob(canvas);
    const img = new Image();
    img.src = URL.createObjectURL(png);
    await img.decode();
    const offscreen = new OffscreenCanvas(canvas.width, canvas.height);
    offscreen.getContext('2d')!.drawImage(canvas, 0, 0);
    const bytes = new Uint8Array(await png.arrayBuffer());
    const imageData = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const desk = await sceneBlob('digit-dark-wood.jpg');
    const inputs: Array<[string, () => DigitInput | Promise<DigitInput>]> = [
      ['canvas', () => canvas],
      ['img', () => img],
      ['OffscreenCanvas', () => offscreen],
      ['ImageBitmap', () => createImageBitmap(canvas)],
      ['ImageData', () => imageData],
      ['PNG Blob', () => png],
      ['Uint8Array', () => bytes],
      ['ArrayBuffer', () => bytes.slice().buffer],
      ['relative URL', () => `${SCENES}digit-light-oak.jpg`],
      ['photo of a note on a desk', () => desk],
      ['raw pixels', () => ({ data: new Uint8Array(28 * 28).fill(255), width: 28, height: 28 })],
    ];
    for (const [name, make] of inputs) {
      const fromWorker = await inWorker.classify(await make()).catch((e: DigitRecognizerError) => e.code);
      const fromHere = await here.classify(await make()).catch((e: DigitRecognizerError) => e.code);
      const view = (p: Prediction | string) => (typeof p === 'string' ? p : seen(p));
      expect(view(fromWorker), name).to.deep.equal(view(fromHere));
    }
    const batch = await inWorker.classifyBatch([canvas, png, desk]);
    expect(batch.map(seen)).to.deep.equal((await here.classifyBatch([canvas, png, desk])).map(seen));
  });

  it('reads a number in the worker as the main thread does, boxes and all', async () => {
    const photo = await sceneBlob('number-grey-laminate.jpg');
    const fromWorker = await readNumber(photo, { classifier: inWorker });
    const fromHere = await readNumber(photo, { classifier: here });
    expect(fromWorker.text).to.equal('86903');
    expect(fromWorker.text).to.equal(fromHere.text);
    expect(fromWorker.digits.map((d) => d.box)).to.deep.equal(fromHere.digits.map((d) => d.box));
    expect(fromWorker.surface).to.deep.equal(fromHere.surface);
  });

  it('reads every line of a sheet in the worker with lines: true, as the main thread does', async () => {
    const { canvas, texts } = await sheetCanvas();
    const fromWorker = await readNumber(canvas, { classifier: inWorker, lines: true });
    const fromHere = await readNumber(canvas, { classifier: here, lines: true });
    expect(fromWorker.lines?.map((line) => line.text)).to.deep.equal(texts);
    expect(fromWorker.lines?.map((line) => line.box)).to.deep.equal(fromHere.lines?.map((line) => line.box));
    expect(fromWorker.text).to.equal(texts[1]);
  });

  it("leaves the caller's bitmap and buffer usable", async () => {
    const { canvas } = await digitCanvas(1);
    const bitmap = await createImageBitmap(canvas);
    const bytes = await (await toBlob(canvas)).arrayBuffer();
    await inWorker.classify(bitmap);
    await inWorker.classify(bytes);
    expect(bitmap.width).to.equal(canvas.width);
    expect(bytes.byteLength).to.be.greaterThan(0);
    bitmap.close();
  });

  it('rejects bad input with the same codes as the main thread', async () => {
    const blank = document.createElement('canvas');
    blank.width = 50;
    blank.height = 50;
    const ctx = blank.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 50, 50);
    const cases: Array<[string, unknown]> = [
      ['blank canvas', blank],
      ['zero-size canvas', document.createElement('canvas')],
      ['a PDF', new Blob(['%PDF-1.4 not an image'], { type: 'application/pdf' })],
      ['a number', 42],
      ['null', null],
      ['a missing URL', '/no/such/image.png'],
    ];
    for (const [name, input] of cases) {
      const inputs = input as DigitInput;
      expect(await codeOf(inWorker.classify(inputs)), name).to.equal(await codeOf(here.classify(inputs)));
    }
    expect(await codeOf(inWorker.classify(blank))).to.equal('EMPTY_IMAGE');
    expect(await codeOf(inWorker.classifyBatch([blank]))).to.equal('EMPTY_IMAGE');
  });

  it('stops waiting when the signal aborts, and keeps working after', async () => {
    const { canvas } = await digitCanvas(2);
    const controller = new AbortController();
    const pending = inWorker.classify(canvas, { signal: controller.signal });
    controller.abort();
    let name = '';
    await pending.catch((error: Error) => (name = error.name));
    expect(name).to.equal('AbortError');
    expect((await inWorker.classify(canvas)).digit).to.equal((await here.classify(canvas)).digit);
  });

  it('rejects with DISPOSED once disposed, pending calls included', async () => {
    const classifier = await loadClassifier({ worker: true });
    const { canvas } = await digitCanvas(3);
    const pending = classifier.classify(canvas);
    classifier.dispose();
    expect(await codeOf(pending)).to.equal('DISPOSED');
    expect(await codeOf(classifier.classify(canvas))).to.equal('DISPOSED');
  });

  it('reports a model that is not there as MODEL_LOAD_FAILED, as the main thread does', async () => {
    expect(await codeOf(loadClassifier({ worker: true, modelUrl: '/no/such/model.json' }))).to.equal(
      'MODEL_LOAD_FAILED',
    );
  });
});

describe('where a worker cannot run', () => {
  it('reads on the main thread and says why once', async () => {
    const worker = globalThis.Worker;
    (globalThis as { Worker?: unknown }).Worker = undefined;
    let ours: string[];
    try {
      ({ warnings: ours } = await withOurWarnings(async () => {
        const first = await loadClassifier({ worker: true });
        const second = await loadClassifier({ worker: true });
        const { canvas, label } = await digitCanvas(4);
        expect((await first.classify(canvas)).digit).to.equal(label);
        expect(first.worker).to.equal(false);
        expect(second.worker).to.equal(false);
        first.dispose();
        second.dispose();
      }));
    } finally {
      globalThis.Worker = worker;
    }
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain('Web Workers are not available');
    expect(ours[0]).to.contain('main thread');
  });
});
