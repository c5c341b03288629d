/**
 * Negatives made of MNIST *training* digits: two digits side by side (for `classify()`, a pair is
 * not one digit) and digits cut in half (a digit half out of the frame). Each is drawn as dark ink
 * on paper at sheet size, so the library's preprocessing sees it as it would see a photo.
 */
import type { DigitSet } from '../train/idx.js';
import type { Random } from '../train/random.js';
import { SHEET_SIZE } from './sheet.js';

/** Ink map in MNIST pixels. */
interface Ink {
  values: Float32Array;
  width: number;
  height: number;
}

/** The digit's ink cropped to its bounds. */
function digitInk(set: DigitSet, id: number): Ink {
  const img = set.images.subarray(id * 784, id * 784 + 784);
  let minX = 28;
  let minY = 28;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (img[y * 28 + x]! > 0.1) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const width = maxX - minX + 1;
  const height = maxY - minY + 1;
  const values = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) values[y * width + x] = img[(y + minY) * 28 + x + minX]!;
  }
  return { values, width, height };
}

/** Draws `ink` (MNIST scale) as dark ink on light paper filling about `fill` of the sheet. */
function onPaper(ink: Ink, rng: Random, fill: number): { values: Float32Array; size: number } {
  const size = SHEET_SIZE;
  const paper = rng.uniform(0.8, 1);
  const pen = rng.uniform(0, 0.3);
  const scale = (fill * size) / Math.max(ink.width, ink.height);
  const ox = (size - ink.width * scale) / 2 + rng.uniform(-0.05, 0.05) * size;
  const oy = (size - ink.height * scale) / 2 + rng.uniform(-0.05, 0.05) * size;
  const values = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = (x - ox) / scale - 0.5;
      const sy = (y - oy) / scale - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (xx: number, yy: number): number =>
        xx < 0 || yy < 0 || xx >= ink.width || yy >= ink.height ? 0 : ink.values[yy * ink.width + xx]!;
      const v =
        (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
        fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      values[y * size + x] = paper - v * (paper - pen);
    }
  }
  return { values, size };
}

/** One whole digit on paper: a positive that looks the way digits look after the pipeline. */
export function drawDigit(rng: Random, set: DigitSet, id: number): { values: Float32Array; size: number } {
  return onPaper(digitInk(set, id), rng, rng.uniform(0.35, 0.85));
}

/** Two digits side by side, apart, touching or slightly overlapping. */
export function drawPair(rng: Random, set: DigitSet, ids: Uint32Array): { values: Float32Array; size: number } {
  const a = digitInk(set, ids[rng.int(ids.length)]!);
  const b = digitInk(set, ids[rng.int(ids.length)]!);
  const gap = Math.round(rng.uniform(-1.5, 6));
  const dyA = Math.max(0, Math.round(rng.uniform(-3, 3)));
  const dyB = Math.max(0, Math.round(rng.uniform(-3, 3)));
  const width = a.width + Math.max(0, gap) + b.width;
  const height = Math.max(a.height + dyA, b.height + dyB);
  const values = new Float32Array(width * height);
  const put = (ink: Ink, x0: number, y0: number): void => {
    for (let y = 0; y < ink.height; y++) {
      for (let x = 0; x < ink.width; x++) {
        const p = (y + y0) * width + x + x0;
        values[p] = Math.max(values[p]!, ink.values[y * ink.width + x]!);
      }
    }
  };
  put(a, 0, dyA);
  put(b, Math.min(width - b.width, a.width + gap), dyB);
  return onPaper({ values, width, height }, rng, rng.uniform(0.6, 0.85));
}

/** Which side of a cut digit is kept. */
type Side = 'top' | 'bottom';

/**
 * The only pieces used: a digit cut across, its top or bottom 35–50% kept, where that piece is
 * read as no digit: the arch or the cup of a 0, the lower hook of a 3 or a 5.
 * Every other half can read as a digit (a 1 from the stem of a 4, 7 or 9, a 0 from a loop of 6,
 * 8 or 9, a 7 from the top of a 2 or 5, a 2 from the foot of one or the top of a 3, and any left or right half of a 2, 3 or 5 is still one).
 */
const UNREADABLE_HALVES: ReadonlySet<string> = new Set(['0top', '0bottom', '3bottom', '5bottom']);

/** A digit cut across, as when it runs out of the frame. */
export function drawCutDigit(
  rng: Random,
  set: DigitSet,
  ids: Uint32Array,
): { values: Float32Array; size: number } | null {
  const id = ids[rng.int(ids.length)]!;
  const label = set.labels[id]!;
  const side: Side = rng.chance(0.5) ? 'top' : 'bottom';
  if (!UNREADABLE_HALVES.has(`${label}${side}`)) return null;
  const ink = digitInk(set, id);
  const keep = rng.uniform(0.35, 0.5);
  const w = ink.width;
  const h = Math.max(2, Math.round(ink.height * keep));
  const y0 = side === 'bottom' ? ink.height - h : 0;
  const values = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) values[y * w + x] = ink.values[(y + y0) * ink.width + x]!;
  }
  return onPaper({ values, width: w, height: h }, rng, rng.uniform(0.4, 0.8));
}
