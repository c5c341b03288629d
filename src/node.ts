/**
 * The Node entry (`import { classify } from 'digit-recognizer'` under Node ≥ 20): the same API,
 * plus reading the model from `file:` URLs, which Node's `fetch` cannot. Node reads raw pixels
 * only; decode PNG or JPEG files with a library such as `pngjs` first.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setFileUrlReader } from './classify/resource.js';

setFileUrlReader(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));

export * from './index.js';
