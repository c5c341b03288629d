/**
 * The 1 as much of the world writes it: with a flag, a short stroke down to the left from the
 * top. MNIST's writers wrote nearly every 1 as a bare stroke, so a net trained on MNIST alone
 * reads a flagged 1 as a 7 (real photos: "1285" read "7285"). This adds the flag to upright
 * MNIST 1s during training, with the 1's own stroke width, then normalises the image again as
 * `preprocess()` would.
 */
import { INK_THRESHOLD, inkBounds, mnistNormalize } from '../../src/preprocess/mnist-normalize.js';
import type { Random } from './random.js';

const SIZE = 28;

/** Chance that an upright training 1 gets a flag. */
export const FLAG_CHANCE = 0.5;

/** The flags drawn: their angle below level and their length as a share of the 1's. */
export interface FlagShape {
  degreesBelowLevel: [number, number];
  length: [number, number];
}

export const FLAG_SHAPE: FlagShape = { degreesBelowLevel: [35, 65], length: [0.15, 0.32] };

/** The flag shape in a model card's words: "35–65° below level, 15–32% of the 1's length". */
export function flagShapeWords(shape: FlagShape = FLAG_SHAPE): string {
  const percent = shape.length.map((l) => Math.round(l * 100)).join('–');
  return `${shape.degreesBelowLevel.join('–')}° below level, ${percent}% of the 1's length`;
}

interface Point {
  x: number;
  y: number;
}

/** The ink-weighted centre of rows `from`–`to` (inclusive), or null when they hold no ink. */
function rowCentre(img: Float32Array, from: number, to: number): Point | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = Math.max(0, from); y <= Math.min(SIZE - 1, to); y++) {
    for (let x = 0; x < SIZE; x++) {
      const v = img[y * SIZE + x]!;
      if (v < INK_THRESHOLD) continue;
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/** Paints a round-capped segment of `width` px from `a` to `b` at ink level `ink` (max with what is there). */
function paintSegment(img: Float32Array, a: Point, b: Point, width: number, ink: number): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy || 1;
  const half = width / 2;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const t = Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / length2));
      const distance = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
      // Anti-aliased: full ink inside the stroke, fading over one pixel at its edge.
      const cover = Math.min(1, Math.max(0, half + 0.5 - distance));
      const i = y * SIZE + x;
      if (cover > 0) img[i] = Math.max(img[i]!, cover * ink);
    }
  }
}

/**
 * Gives the 1 in `img` (28×28, ink 1 on 0, MNIST-normalised) a flag in place and
 * normalises it again. Leaves a 1 that slants over, or an image with no ink, as it is.
 */
export function flagOne(img: Float32Array, rng: Random, shape: FlagShape = FLAG_SHAPE): void {
  const box = inkBounds(img, SIZE, SIZE, INK_THRESHOLD);
  if (!box || box.height < 8) return;
  const top = rowCentre(img, box.y, box.y + 1);
  const bottom = rowCentre(img, box.y + box.height - 2, box.y + box.height - 1);
  if (!top || !bottom) return;
  let mass = 0;
  let peak = 0;
  for (const v of img) {
    mass += v;
    peak = Math.max(peak, v);
  }
  // A bare stroke's ink per row is about its width.
  const width = Math.min(4, Math.max(1.5, mass / box.height));
  const stemLength = Math.hypot(bottom.x - top.x, bottom.y - top.y) || 1;
  const down = { x: (bottom.x - top.x) / stemLength, y: (bottom.y - top.y) / stemLength };
  // A flag runs down to the left, well below level, and is short (see FLAG_SHAPE): a 7's bar is
  // longer and nearly level, so a flag drawn so stays a 1. Only a 1 written nearly upright gets one (a 1
  // slanting over with a flag is a 7 to most readers).
  if (Math.abs(down.x) > Math.sin((15 * Math.PI) / 180)) return;
  const below = (rng.uniform(...shape.degreesBelowLevel) * Math.PI) / 180;
  const flagLength = rng.uniform(...shape.length) * stemLength;
  const start = { x: top.x + down.x * 0.5, y: top.y + down.y * 0.5 };
  const end = { x: start.x - Math.cos(below) * flagLength, y: start.y + Math.sin(below) * flagLength };
  paintSegment(img, start, end, width, peak);
  const flagged = inkBounds(img, SIZE, SIZE, INK_THRESHOLD);
  if (flagged) img.set(mnistNormalize(img, SIZE, SIZE, flagged));
}
