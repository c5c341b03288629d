import { expect } from '@open-wc/testing';
import { memory } from '@tensorflow/tfjs-core';
import {
  classify,
  classifyBatch,
  DigitRecognizerError,
  getDefaultClassifier,
  loadClassifier,
  preprocess,
} from '../../../src/index.js';
import { digitCanvas, mnistTest, toBlob } from '../fixtures.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DigitRecognizerError);
    return (error as DigitRecognizerError).code;
  }
  throw new Error('expected a rejection');
}

describe('classify() in Chromium', () => {
  it('loads with zero configuration on the WASM backend', async () => {
    const classifier = await getDefaultClassifier();
    expect(classifier.backend).to.equal('wasm');
    expect(classifier.modelUrl).to.match(/\/models\/recognizer\/model\.json$/);
  });

  it('reads every input type', async () => {
    const { canvas, label } = await digitCanvas(0);
    const png = await toBlob(canvas);
    const img = new Image();
    img.src = URL.createObjectURL(png);
    await img.decode();
    const context = canvas.getContext('2d')!;
    const offscreen = new OffscreenCanvas(canvas.width, canvas.height);
    offscreen.getContext('2d')!.drawImage(canvas, 0, 0);
    const bytes = new Uint8Array(await png.arrayBuffer());
    const inputs = [
      canvas,
      img,
      png,
      new File([png], 'seven.png', { type: 'image/png' }),
      await createImageBitmap(canvas),
      context.getImageData(0, 0, canvas.width, canvas.height),
      offscreen,
      img.src,
      new URL(img.src),
      canvas.toDataURL('image/png'),
      bytes,
      bytes.buffer,
    ];
    for (const input of inputs) {
      const prediction = await classify(input);
      expect(prediction.digit, String(input)).to.equal(label);
    }
    URL.revokeObjectURL(img.src);
  });

  it('reads photo-like digits: JPEG, rotated, coloured ink, shadows, transparent PNG, white on black', async () => {
    const styles = [
      { rotate: 8, ink: '#0b3d91' },
      { rotate: -10, paper: '#fff7d6', shadow: 0.45 },
      { transparent: true },
      { ink: '#ffffff', paper: '#202020', shadow: 0 },
      { size: 0.25, width: 1200, height: 900 },
    ];
    let correct = 0;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const { canvas, label } = await digitCanvas(i, styles[i % styles.length]);
      const blob = await toBlob(canvas, i % 2 ? 'image/jpeg' : 'image/png', 0.7);
      if ((await classify(blob)).digit === label) correct++;
      total++;
    }
    expect(correct, `${correct}/${total}`).to.be.at.least(18);
  });

  it('classifyBatch reads several images in order', async () => {
    const fixtures = await Promise.all([1, 2, 3, 4].map((i) => digitCanvas(i)));
    const predictions = await classifyBatch(fixtures.map((f) => f.canvas));
    expect(predictions.map((p) => p.digit)).to.deep.equal(fixtures.map((f) => f.label));
  });

  it('gives overlapping calls their own answers', async () => {
    const fixtures = await Promise.all([5, 6, 7, 8, 9, 10].map((i) => digitCanvas(i)));
    const oneByOne = [];
    for (const f of fixtures) oneByOne.push(await classify(f.canvas));
    const together = await Promise.all(fixtures.map((f) => classify(f.canvas)));
    expect(together).to.deep.equal(oneByOne);
  });

  it('shows the preprocessing: 28×28 with the digit centred, its box and polarity', async () => {
    const { canvas } = await digitCanvas(3, { width: 400, height: 300, size: 0.5 });
    const pre = await preprocess(canvas);
    expect(pre.pixels.length).to.equal(784);
    expect(pre.polarity).to.equal('dark-on-light');
    expect(pre.box.x).to.be.greaterThan(80).and.lessThan(220);
    expect(pre.box.height).to.be.within(100, 170);
  });

  it('rejects what users throw at it with a coded error', async () => {
    const pdf = new File(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'], 'scan.png', { type: 'image/png' });
    expect(await codeOf(classify(pdf))).to.equal('DECODE_FAILED');
    expect(await codeOf(classify(new Blob([])))).to.equal('DECODE_FAILED');
    const png = new Uint8Array(await (await toBlob((await digitCanvas(0)).canvas)).arrayBuffer());
    expect(await codeOf(classify(new Blob([png.subarray(0, 200)], { type: 'image/png' })))).to.equal('DECODE_FAILED');
    const blank = document.createElement('canvas');
    blank.width = 300;
    blank.height = 200;
    const ctx = blank.getContext('2d')!;
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(0, 0, 300, 200);
    expect(await codeOf(classify(blank))).to.equal('EMPTY_IMAGE');
    const empty = document.createElement('canvas');
    empty.width = 0;
    expect(await codeOf(classify(empty))).to.equal('EMPTY_IMAGE');
    expect(await codeOf(classify(null as never))).to.equal('INVALID_INPUT');
    expect(await codeOf(classify({} as never))).to.equal('INVALID_INPUT');
    expect(await codeOf(classify('/nope.png'))).to.equal('DECODE_FAILED');
  });

  it('reads a digit in a 50-megapixel photo', async () => {
    const big = document.createElement('canvas');
    big.width = 8660;
    big.height = 5774;
    const ctx = big.getContext('2d')!;
    ctx.fillStyle = '#efece4';
    ctx.fillRect(0, 0, big.width, big.height);
    const { canvas, label } = await digitCanvas(11, { width: 280, height: 280, shadow: 0, paper: '#efece4' });
    ctx.drawImage(canvas, 3000, 1500, 2800, 2800);
    const prediction = await classify(await toBlob(big, 'image/jpeg', 0.8));
    expect(prediction.digit).to.equal(label);
  });

  it('rejects a missing or corrupt model with MODEL_LOAD_FAILED naming the URL', async () => {
    for (const url of ['/nope/model.json', URL.createObjectURL(new Blob(['{ not json']))]) {
      try {
        await loadClassifier({ modelUrl: url });
        throw new Error('loaded');
      } catch (error) {
        expect((error as DigitRecognizerError).code).to.equal('MODEL_LOAD_FAILED');
        expect((error as Error).message).to.contain(url.startsWith('/') ? `${location.origin}${url}` : url);
      }
    }
  });

  it('leaks no tensors over 200 calls', async () => {
    const { images } = await mnistTest();
    const classifier = await getDefaultClassifier();
    await classifier.classify({ data: images.subarray(0, 784), width: 28, height: 28 });
    const before = memory().numTensors;
    for (let i = 0; i < 200; i++) {
      await classifier.classify({ data: images.subarray(i * 784, i * 784 + 784), width: 28, height: 28 });
    }
    await classify(new Blob(['x'])).catch(() => undefined);
    expect(memory().numTensors).to.equal(before);
  });
});
