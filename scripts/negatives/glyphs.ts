/**
 * Handwriting-style letters and symbols: a glyph of a handwriting font, drawn with jitter in size,
 * stroke weight, slant and rotation, then warped elastically, as a person's own hand would vary it.
 */
import type { Random } from '../train/random.js';
import { fontFamily, LETTERS, SYMBOLS } from './fonts.js';
import { cameraNoise, elasticWarp, luminanceOf, newSheet, type Sheet } from './sheet.js';

function drawGlyph(sheet: Sheet, rng: Random, glyph: string, family: string): void {
  const { ctx, size } = sheet;
  const px = Math.round(size * rng.uniform(0.45, 0.85));
  ctx.font = `${px}px ${fontFamily(family)}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.save();
  ctx.translate(size / 2 + rng.uniform(-0.1, 0.1) * size, size / 2 + rng.uniform(-0.1, 0.1) * size);
  ctx.rotate(((rng.uniform(-1, 1) * 18) / 180) * Math.PI);
  // Slant as a shear, and a little stretch either way.
  ctx.transform(rng.uniform(0.8, 1.2), 0, rng.uniform(-0.35, 0.35), rng.uniform(0.85, 1.15), 0, 0);
  ctx.fillText(glyph, 0, 0);
  const weight = rng.next();
  if (weight < 0.5) {
    // A heavier pen: the outline stroked on top of the fill.
    ctx.lineWidth = px * rng.uniform(0.01, 0.06);
    ctx.strokeText(glyph, 0, 0);
  }
  ctx.restore();
}

/** One letter (from {@link LETTERS}) in one of `families`; luminance of a `size`² sheet. */
export function drawLetter(rng: Random, families: readonly string[]): { values: Float32Array; size: number } {
  return drawText(rng, families, LETTERS[rng.int(LETTERS.length)]!);
}

/** One symbol (from {@link SYMBOLS}) in one of `families`. */
export function drawSymbol(rng: Random, families: readonly string[]): { values: Float32Array; size: number } {
  return drawText(rng, families, [...SYMBOLS][rng.int([...SYMBOLS].length)]!);
}

function drawText(rng: Random, families: readonly string[], glyph: string): { values: Float32Array; size: number } {
  const sheet = newSheet(rng);
  drawGlyph(sheet, rng, glyph, families[rng.int(families.length)]!);
  let values = luminanceOf(sheet);
  if (rng.chance(0.7)) values = elasticWarp(values, sheet.size, rng, rng.uniform(1, 5));
  cameraNoise(values, rng);
  return { values, size: sheet.size };
}
