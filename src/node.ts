/**
 * The Node entry (`import { classify } from 'digit-recognizer'` under Node ≥ 20): the same API,
 * plus what only Node can do: read the package's model from `file:` URLs, which Node's `fetch`
 * cannot, and read images from file paths, `file:` URLs, Buffers and Blobs (PNG, JPEG with its
 * EXIF orientation, WebP, AVIF, TIFF, GIF), decoded by the optional dependency `sharp`.
 *
 * @example
 * ```ts
 * import { classify, readNumber } from 'digit-recognizer';
 * const { digit } = await classify('scans/seven.jpg');
 * const { text } = await readNumber(await readFile('cheque.png'));
 * ```
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setFileUrlReader } from './classify/resource.js';
import { setNodeDecoder, setRgbaPhotoReader } from './preprocess/decode.js';
import { rgbaPhoto } from './preprocess/rgba-photo.js';
import { decodeInNode } from './node/decode-image.js';

setFileUrlReader(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
setNodeDecoder(decodeInNode);
setRgbaPhotoReader(rgbaPhoto);

export * from './index.js';
