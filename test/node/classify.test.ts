import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { memory } from '@tensorflow/tfjs-core';
import {
  classify,
  classifyBatch,
  DigitRecognizerError,
  loadClassifier,
  preprocess,
  type Classifier,
} from '../../src/node.js';
import { mnistDigit, paperDigit, shadowedDigit, SHIPPED_MODEL_URL } from './helpers.js';

async function rejectsWith(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DigitRecognizerError, `expected a DigitRecognizerError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('classify() in Node', () => {
  let classifier: Classifier;
  before(async () => {
    classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
  });

  it('runs on the wasm backend and finds the shipped model with zero configuration', async () => {
    assert.equal(classifier.backend, 'wasm');
    const first = mnistDigit(0);
    const prediction = await classify(first);
    assert.equal(prediction.digit, first.label);
  });

  it('reads on this thread, saying so once, when asked for a Web Worker Node does not have', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const classifier = await loadClassifier({ worker: true });
      const again = await loadClassifier({ worker: true });
      assert.equal(classifier.worker, false);
      const { label, ...pixels } = mnistDigit(0);
      assert.equal((await classifier.classify(pixels)).digit, label);
      classifier.dispose();
      again.dispose();
    } finally {
      console.warn = warn;
    }
    const ours = warnings.filter((w) => w.startsWith('digit-recognizer:'));
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0]!, /Web Workers are not available here.*main thread/);
  });

  it('reads MNIST test digits from raw pixels', async () => {
    let correct = 0;
    for (let i = 0; i < 300; i++) {
      const d = mnistDigit(i);
      if ((await classifier.classify(d)).digit === d.label) correct++;
    }
    assert.ok(correct >= 291, `only ${correct}/300 correct`);
  });

  it('returns ten probabilities that sum to 1, and a confident answer on a clear digit', async () => {
    const p = await classifier.classify(mnistDigit(3));
    assert.equal(p.probabilities.length, 10);
    assert.ok(Math.abs(p.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    assert.equal(p.confidence, Math.max(...p.probabilities) * (1 - p.notDigitScore));
    assert.ok(p.confidence > 0.95 && p.notDigitScore < 0.05);
    assert.equal(p.uncertain, false);
    assert.equal(p.reason, undefined);
  });

  it('accepts grayscale bytes, RGBA bytes and floats alike', async () => {
    const d = mnistDigit(1);
    const bytes = Uint8Array.from(d.data, (v) => Math.round(v * 255));
    const rgba = new Uint8ClampedArray(784 * 4);
    bytes.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    for (const data of [bytes, rgba, d.data]) {
      assert.equal((await classifier.classify({ data, width: 28, height: 28 })).digit, d.label);
    }
  });

  it('reads a dark digit on tinted, unevenly lit paper the same as the clean one', async () => {
    let correct = 0;
    for (let i = 0; i < 40; i++) {
      const sheet = paperDigit(i);
      const pre = await preprocess(sheet);
      assert.equal(pre.polarity, 'dark-on-light');
      if ((await classifier.classify(sheet)).digit === sheet.label) correct++;
    }
    assert.ok(correct >= 37, `only ${correct}/40 paper digits read`);
  });

  it('reads a straight bar as a sure 1, and calls a solid blot uncertain', async () => {
    const side = 200;
    const bar = new Uint8Array(side * side).fill(250);
    for (let y = 30; y < 170; y++) bar.fill(10, y * side + 92, y * side + 110);
    const one = await classifier.classify({ data: bar, width: side, height: side });
    assert.equal(one.digit, 1);
    assert.equal(one.uncertain, false);
    const blot = new Uint8Array(side * side).fill(250);
    for (let y = 40; y < 160; y++) blot.fill(10, y * side + 40, y * side + 160);
    assert.equal((await classifier.classify({ data: blot, width: side, height: side })).uncertain, true);
  });

  it('reads digits under a cast shadow, and across a shadow edge', async () => {
    for (const where of ['in-shadow', 'edge-across'] as const) {
      let correct = 0;
      for (let i = 0; i < 20; i++) {
        const page = shadowedDigit(i, where);
        if ((await classifier.classify(page)).digit === page.label) correct++;
      }
      assert.ok(correct >= 17, `${where}: only ${correct}/20 read`);
    }
  });

  it('classifyBatch keeps the order of its inputs', async () => {
    const digits = [5, 6, 7, 8].map(mnistDigit);
    const batch = await classifyBatch(digits);
    const single = await Promise.all(digits.map((d) => classifier.classify(d)));
    assert.deepEqual(
      batch.map((p) => p.digit),
      single.map((p) => p.digit),
    );
  });

  it('gives overlapping calls their own answers', async () => {
    const digits = Array.from({ length: 30 }, (_, i) => mnistDigit(i));
    const expected = await Promise.all(digits.map((d) => classifier.classify(d)));
    const again = await Promise.all(
      digits
        .slice()
        .reverse()
        .map((d) => classifier.classify(d)),
    );
    assert.deepEqual(
      again.reverse().map((p) => p.digit),
      expected.map((p) => p.digit),
    );
  });

  it('leaks no tensors over 200 calls, failed ones included', async () => {
    await classifier.classify(mnistDigit(0));
    const before = memory().numTensors;
    for (let i = 0; i < 200; i++) {
      await classifier.classify(mnistDigit(i));
      if (i % 20 === 0)
        await classifier.classify({ data: new Float32Array(784), width: 28, height: 28 }).catch(() => undefined);
    }
    assert.equal(memory().numTensors, before);
  });

  it('rejects bad input with INVALID_INPUT and says what is valid', async () => {
    await rejectsWith(classify(null as never), 'INVALID_INPUT');
    await rejectsWith(classify(42 as never), 'INVALID_INPUT', /Pass an <img>/);
    await rejectsWith(classify({ data: new Uint8Array(100), width: 28, height: 28 }), 'INVALID_INPUT', /784 values/);
    const nan = new Float32Array(784);
    nan[10] = NaN;
    await rejectsWith(classify({ data: nan, width: 28, height: 28 }), 'INVALID_INPUT', /NaN/);
    await rejectsWith(classify({ data: [1, 2, 3] as never, width: 1, height: 3 }), 'INVALID_INPUT');
    await rejectsWith(classify({ data: new Uint8Array(4), width: 2.5, height: 2 }), 'INVALID_INPUT');
  });

  it('rejects a blank page and a zero-size image with EMPTY_IMAGE', async () => {
    await rejectsWith(classify({ data: new Float32Array(784).fill(1), width: 28, height: 28 }), 'EMPTY_IMAGE');
    const paper = paperDigit(0);
    const blank = paperDigit(0);
    // Same paper, lighting and noise, no ink.
    for (let i = 0; i < blank.data.length; i++)
      blank.data[i] = Math.min(1, 0.78 + 0.15 * ((i % paper.width) / paper.width));
    await rejectsWith(classify(blank), 'EMPTY_IMAGE');
    await rejectsWith(classify({ data: new Uint8Array(0), width: 0, height: 0 }), 'EMPTY_IMAGE');
  });

  it('rejects a missing model with MODEL_LOAD_FAILED naming the URL', async () => {
    const url = new URL('./nope/model.json', SHIPPED_MODEL_URL);
    await rejectsWith(
      loadClassifier({ modelUrl: url }),
      'MODEL_LOAD_FAILED',
      new RegExp(url.href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  });

  it('leaves nothing behind when disposed at once, though the rest of its warm-up comes a task after loading', async () => {
    const before = memory().numTensors;
    const own = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
    own.dispose();
    // The delayed warm-up finds the classifier disposed: no tensor, no unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(memory().numTensors, before);
  });

  it('rejects calls on a disposed classifier with DISPOSED', async () => {
    const own = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
    const before = memory().numTensors;
    own.dispose();
    assert.ok(memory().numTensors < before, 'dispose() freed the weights');
    await rejectsWith(own.classify(mnistDigit(0)), 'DISPOSED');
  });
});
