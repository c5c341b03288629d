#!/usr/bin/env node
// Reads the digit in each PNG given on the command line, in Node ≥ 20:
//
//   npm run build && node examples/node/classify-png.mjs examples/node/seven.png
//   seven.png: 7 (99.2%)
//
// In your own project, `npm install digit-recognizer pngjs` and import from 'digit-recognizer'
// (its "node" export is dist/node.js). Here, inside the repository, the package is not installed
// in node_modules, so the built file is imported by its path.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PNG } from 'pngjs';
import { classify } from '../../dist/node.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node classify-png.mjs IMAGE.png [IMAGE.png …]');
  process.exit(2);
}

for (const file of files) {
  try {
    // Node has no image decoder: decode the PNG to RGBA pixels, which classify() reads as they are.
    const { data, width, height } = PNG.sync.read(readFileSync(file));
    const { digit, confidence, uncertain } = await classify({ data, width, height });
    const percent = `${(confidence * 100).toFixed(1)}%`;
    console.log(`${basename(file)}: ${digit} (${percent}${uncertain ? ', not sure' : ''})`);
  } catch (error) {
    // A DigitRecognizerError has a `code`, e.g. EMPTY_IMAGE for a blank page; pngjs's errors don't.
    console.log(`${basename(file)}: ${error.code ?? 'not a PNG:'} ${error.message}`);
    process.exitCode = 1;
  }
}
