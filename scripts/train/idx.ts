/**
 * Reader for MNIST's idx files (http://yann.lecun.com/exdb/mnist/): a big-endian header of a
 * magic number and dimension sizes, then unsigned bytes. Every check names the file it failed on.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const IMAGES_MAGIC = 0x00000803; // ubyte, 3 dimensions
const LABELS_MAGIC = 0x00000801; // ubyte, 1 dimension

export class IdxError extends Error {
  override name = 'IdxError';
}

function load(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new IdxError(`Cannot read ${file}: ${(cause as Error).message}`);
  }
  // Some copies of MNIST are gzipped; accept both.
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

function header(file: string, bytes: Buffer, magic: number, dims: number): number[] {
  const headerSize = 4 + 4 * dims;
  if (bytes.length < headerSize) {
    throw new IdxError(`${file} is truncated: ${bytes.length} bytes, shorter than its header`);
  }
  const found = bytes.readUInt32BE(0);
  if (found !== magic) {
    throw new IdxError(
      `${file} is not an idx ${dims === 3 ? 'image' : 'label'} file: magic number ` +
        `0x${found.toString(16).padStart(8, '0')}, expected 0x${magic.toString(16).padStart(8, '0')}`,
    );
  }
  const sizes = Array.from({ length: dims }, (_, i) => bytes.readUInt32BE(4 + 4 * i));
  const expected = headerSize + sizes.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    throw new IdxError(
      `${file} has ${bytes.length} bytes but its header (${sizes.join('×')}) needs ${expected}` +
        (bytes.length < expected ? ': the file is truncated' : ''),
    );
  }
  return sizes;
}

/** Images as bytes, row-major, `count` × `rows` × `cols`. */
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array;
}

export function readIdxImages(file: string): IdxImages {
  const bytes = load(file);
  const [count, rows, cols] = header(file, bytes, IMAGES_MAGIC, 3) as [number, number, number];
  return { count, rows, cols, pixels: new Uint8Array(bytes.buffer, bytes.byteOffset + 16, count * rows * cols) };
}

export function readIdxLabels(file: string): Uint8Array {
  const bytes = load(file);
  const [count] = header(file, bytes, LABELS_MAGIC, 1) as [number];
  const labels = new Uint8Array(bytes.buffer, bytes.byteOffset + 8, count);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new IdxError(`${file}: label ${bad} is ${labels[bad]}, not a digit 0–9`);
  return labels;
}

/** One split of MNIST: 28×28 images scaled to [0, 1] and their labels. */
export interface DigitSet {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

/** Reads `{prefix}-images-idx3-ubyte` and `{prefix}-labels-idx1-ubyte` from `dir`. */
export function readMnistSplit(dir: string, prefix: 'train' | 't10k'): DigitSet {
  const imageFile = `${dir}/${prefix}-images-idx3-ubyte`;
  const labelFile = `${dir}/${prefix}-labels-idx1-ubyte`;
  const images = readIdxImages(imageFile);
  const labels = readIdxLabels(labelFile);
  if (images.rows !== 28 || images.cols !== 28) {
    throw new IdxError(`${imageFile} holds ${images.rows}×${images.cols} images, expected 28×28`);
  }
  if (labels.length !== images.count) {
    throw new IdxError(`${labelFile} has ${labels.length} labels but ${imageFile} has ${images.count} images`);
  }
  const floats = new Float32Array(images.pixels.length);
  for (let i = 0; i < floats.length; i++) floats[i] = images.pixels[i]! / 255;
  return { images: floats, labels, count: images.count };
}
