import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IdxError, readIdxImages, readIdxLabels, readMnistSplit } from '../../scripts/train/idx.js';
import { MNIST_DIR } from './helpers.js';

describe('idx reader', () => {
  it('reads the real MNIST files with their shapes and labels', () => {
    const train = readMnistSplit(MNIST_DIR, 'train');
    assert.equal(train.count, 60000);
    assert.equal(train.images.length, 60000 * 784);
    const test = readMnistSplit(MNIST_DIR, 't10k');
    assert.equal(test.count, 10000);
    // MNIST's first test digit is a 7 and its first training digit a 5.
    assert.equal(test.labels[0], 7);
    assert.equal(train.labels[0], 5);
    assert.ok(Math.max(...test.images.subarray(0, 784)) <= 1);
  });

  const dir = mkdtempSync(join(tmpdir(), 'idx-'));
  const images = readFileSync(join(MNIST_DIR, 't10k-images-idx3-ubyte'));

  it('rejects a truncated file and names it', () => {
    const file = join(dir, 'truncated-images');
    writeFileSync(file, images.subarray(0, 5000));
    assert.throws(
      () => readIdxImages(file),
      (e: Error) => e instanceof IdxError && e.message.includes(file) && /truncated/.test(e.message),
    );
  });

  it('rejects a wrong magic number and names the file', () => {
    const file = join(dir, 'labels-as-images');
    writeFileSync(file, readFileSync(join(MNIST_DIR, 't10k-labels-idx1-ubyte')));
    assert.throws(
      () => readIdxImages(file),
      (e: Error) => e instanceof IdxError && e.message.includes(file) && /magic number/.test(e.message),
    );
    assert.throws(() => readIdxLabels(join(MNIST_DIR, 't10k-images-idx3-ubyte')), /magic number/);
  });

  it('rejects a missing file with its path', () => {
    assert.throws(
      () => readIdxLabels(join(dir, 'nope')),
      (e: Error) => e.message.includes(join(dir, 'nope')),
    );
  });
});
