#!/usr/bin/env node
// Reads the digit in each image file given on the command line, in Node ≥ 20:
//
//   npm run build && node examples/node/classify-files.mjs examples/node/seven.png
//   seven.png: 7 (99.2%)
//
// classify() takes a file path, a file: URL, a Buffer or a Blob of a PNG, JPEG (turned upright
// by its EXIF orientation), WebP, AVIF, TIFF or GIF. For a whole folder, use the CLI:
// `npx digit-recognizer scans/`.
//
// In your own project, `npm install digit-recognizer` and import from 'digit-recognizer' (its
// "node" export is dist/node.js). Here, inside the repository, the package is not installed in
// node_modules, so the built file is imported by its path.
import { basename } from 'node:path';
import { classify } from '../../dist/node.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node classify-files.mjs IMAGE [IMAGE …]');
  process.exit(2);
}

for (const file of files) {
  try {
    const { digit, confidence, uncertain } = await classify(file);
    const percent = `${(confidence * 100).toFixed(1)}%`;
    console.log(`${basename(file)}: ${digit} (${percent}${uncertain ? ', not sure' : ''})`);
  } catch (error) {
    // Every failure is a DigitRecognizerError with a `code`: DECODE_FAILED for a file that is not
    // an image, EMPTY_IMAGE for a blank page.
    console.log(`${basename(file)}: ${error.code} ${error.message}`);
    process.exitCode = 1;
  }
}
