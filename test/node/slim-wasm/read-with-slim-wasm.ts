/**
 * Run by slim-wasm.test.ts in a process of its own (tfjs' backend starts once a process): reads
 * with the cut-down `.wasm` binaries of dist/slim/ instead of tfjs' own, the SIMD one or, with
 * `--no-simd`, the other, and prints what it read as JSON.
 */
import { env } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { getDefaultClassifier, readNumber } from '../../../src/node.js';
import { composeNumber } from '../../fixtures/compose-number.js';
import { mnistDigit, mnistTest, ROOT } from '../helpers.js';

env().set('WASM_HAS_SIMD_SUPPORT', !process.argv.includes('--no-simd'));
env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths(`${ROOT}/dist/slim/`);

const classifier = await getDefaultClassifier();
const digits = [0, 1, 2, 3].map((i) => mnistDigit(i));
const predictions = await Promise.all(digits.map((d) => classifier.classify(d)));
const { images, labels } = mnistTest();
const number = composeNumber(images, labels, [4, 5, 6, 7, 8], { seed: 3, touching: 0 });
const reading = await readNumber(number, { classifier });
console.log(
  JSON.stringify({
    backend: classifier.backend,
    labels: digits.map((d) => d.label),
    read: predictions.map((p) => p.digit),
    number: number.text,
    numberRead: reading.text,
  }),
);
