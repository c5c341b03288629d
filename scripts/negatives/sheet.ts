/**
 * A sheet of paper to draw a negative on, and the way back from it to what the model sees: the
 * drawing is read as luminance and goes through the library's own `preprocessImage()`, exactly
 * as a photo or a drawing does in `classify()`.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { DigitRecognizerError } from '../../src/classify/errors.js';
import type { Box } from '../../src/preprocess/mnist-normalize.js';
import { preprocessImage } from '../../src/preprocess/pipeline.js';
import type { Random } from '../train/random.js';

/** Side of the sheet a negative is drawn on. */
export const SHEET_SIZE = 128;

export interface Sheet {
  canvas: Canvas;
  ctx: SKRSContext2D;
  size: number;
  /** The ink colour chosen for this sheet, as CSS. */
  ink: string;
}

/** Light paper (white, cream, grey or a faint tint) with a dark pen. */
export function newSheet(rng: Random, size = SHEET_SIZE): Sheet {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const base = rng.uniform(205, 255);
  const tint = (): number => Math.round(Math.min(255, base + rng.uniform(-12, 8)));
  ctx.fillStyle = `rgb(${tint()},${tint()},${tint()})`;
  ctx.fillRect(0, 0, size, size);
  if (rng.chance(0.3)) {
    // Uneven light, as on a phone photo of paper.
    const g = ctx.createLinearGradient(rng.uniform(0, size), 0, rng.uniform(0, size), size);
    g.addColorStop(0, `rgba(0,0,0,${rng.uniform(0, 0.12).toFixed(3)})`);
    g.addColorStop(1, 'rgba(0,0,0,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, size, size);
  }
  const pens = [
    [20, 20, 25],
    [25, 35, 110],
    [10, 10, 10],
    [60, 60, 60],
    [90, 20, 20],
  ] as const;
  const [r, g, b] = pens[rng.int(pens.length)]!;
  const ink = `rgb(${r + rng.int(20)},${g + rng.int(20)},${b + rng.int(20)})`;
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  return { canvas, ctx, size, ink };
}

/** The sheet as luminance, 0 black … 1 white. */
export function luminanceOf(sheet: Sheet): Float32Array {
  const { data } = sheet.ctx.getImageData(0, 0, sheet.size, sheet.size);
  const values = new Float32Array(sheet.size * sheet.size);
  for (let i = 0; i < values.length; i++) {
    values[i] = (0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!) / 255;
  }
  return values;
}

function sample(values: Float32Array, size: number, x: number, y: number): number {
  const cx = Math.min(size - 1.001, Math.max(0, x));
  const cy = Math.min(size - 1.001, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const at = (xx: number, yy: number): number => values[yy * size + xx]!;
  return (
    (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
    fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1))
  );
}

/**
 * Elastic warp: a smooth random displacement field (a coarse grid of random offsets, bilinearly
 * interpolated), `strength` pixels at most. Paper beyond the edge is taken from the edge.
 */
export function elasticWarp(values: Float32Array, size: number, rng: Random, strength: number): Float32Array {
  const grid = 4;
  const dx = Float32Array.from({ length: (grid + 1) ** 2 }, () => rng.uniform(-strength, strength));
  const dy = Float32Array.from({ length: (grid + 1) ** 2 }, () => rng.uniform(-strength, strength));
  const out = new Float32Array(values.length);
  const cell = (size - 1) / grid;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const offsetX = sample(dx, grid + 1, gx, gy);
      const offsetY = sample(dy, grid + 1, gx, gy);
      out[y * size + x] = sample(values, size, x + offsetX, y + offsetY);
    }
  }
  return out;
}

/** Sensor-like noise and an occasional soft focus, in place. */
export function cameraNoise(values: Float32Array, rng: Random): void {
  const sigma = rng.chance(0.5) ? rng.uniform(0.005, 0.04) : 0;
  if (sigma === 0) return;
  for (let i = 0; i < values.length; i++) values[i] = Math.min(1, Math.max(0, values[i]! + sigma * rng.normal()));
}

/** What the model sees of a drawing, and where the pipeline found the "digit" in it. */
export interface ModelInput {
  pixels: Float32Array;
  box: Box;
}

/**
 * The library's preprocessing of a luminance image: the 28×28 model input, or null where
 * `classify()` would answer `EMPTY_IMAGE` (then the drawing is no test of the model).
 */
export function modelInputOf(values: Float32Array, size: number): ModelInput | null {
  try {
    const result = preprocessImage({
      luminance: { values, width: size, height: size, scale: 1 },
      sourceWidth: size,
      sourceHeight: size,
    });
    return { pixels: result.pixels, box: result.box };
  } catch (error) {
    if (error instanceof DigitRecognizerError) return null;
    throw error;
  }
}

/** Bounds of the pixels darker than `level` (the ink drawn), or null on a blank sheet. */
export function darkBounds(values: Float32Array, size: number, level: number): Box | null {
  let minX = size;
  let minY = size;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (values[y * size + x]! < level) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
