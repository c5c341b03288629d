/** A contact sheet: 28×28 images in a grid, enlarged, written as a PNG. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

/**
 * Writes `images` (28×28 bytes each, 255 = ink) as a grid of `columns`, each `zoom` times
 * larger, white ink on black as the model sees it, with grey gutters.
 */
export function writeContactSheet(file: string, images: Uint8Array, count: number, columns = 16, zoom = 3): void {
  const cell = 28 * zoom + 2;
  const rows = Math.ceil(count / columns);
  const png = new PNG({ width: columns * cell, height: rows * cell });
  png.data.fill(128);
  for (let i = 0; i < count; i++) {
    const ox = (i % columns) * cell + 1;
    const oy = Math.floor(i / columns) * cell + 1;
    for (let y = 0; y < 28 * zoom; y++) {
      for (let x = 0; x < 28 * zoom; x++) {
        const v = images[i * 784 + Math.floor(y / zoom) * 28 + Math.floor(x / zoom)]!;
        const p = ((oy + y) * png.width + ox + x) * 4;
        png.data[p] = png.data[p + 1] = png.data[p + 2] = v;
        png.data[p + 3] = 255;
      }
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, PNG.sync.write(png));
}
