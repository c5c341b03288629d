/** A contact sheet of misread real numbers: each image (or the part around the number) with truth → reading. */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { toRgba, type RealNumber } from '../../test/fixtures/real-numbers/index.js';

const TILE_W = 420;
const TILE_H = 190;
const LABEL_H = 22;
const COLUMNS = 3;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function tile(made: RealNumber, label: string): Promise<Buffer> {
  const { width, height } = made.canvas;
  let image = sharp(Buffer.from(toRgba(made.canvas).buffer), { raw: { width, height, channels: 4 } });
  if (made.focus) {
    // A page: the part around the number, where the reading went wrong.
    const f = made.focus;
    const mx = f.width * 0.4;
    const my = f.height * 2;
    const left = Math.max(0, Math.floor(f.x - mx));
    const top = Math.max(0, Math.floor(f.y - my));
    image = sharp(await image.png().toBuffer()).extract({
      left,
      top,
      width: Math.min(width - left, Math.ceil(f.width + 2 * mx)),
      height: Math.min(height - top, Math.ceil(f.height + 2 * my)),
    });
  }
  const picture = await image
    .resize(TILE_W, TILE_H - LABEL_H, { fit: 'contain', background: { r: 255, g: 255, b: 255 } })
    .png()
    .toBuffer();
  const text = Buffer.from(
    `<svg width="${TILE_W}" height="${LABEL_H}"><rect width="100%" height="100%" fill="#222"/>` +
      `<text x="4" y="16" font-family="sans-serif" font-size="14" fill="#fff">${escapeXml(label)}</text></svg>`,
  );
  return sharp({ create: { width: TILE_W, height: TILE_H, channels: 3, background: '#fff' } })
    .composite([
      { input: picture, top: LABEL_H, left: 0 },
      { input: text, top: 0, left: 0 },
    ])
    .png()
    .toBuffer();
}

/** Writes a PNG of `items` in rows of three. */
export async function contactSheet(file: string, items: Array<{ made: RealNumber; label: string }>): Promise<void> {
  const tiles = await Promise.all(items.map(({ made, label }) => tile(made, label)));
  const rows = Math.ceil(tiles.length / COLUMNS);
  const sheet = await sharp({
    create: {
      width: TILE_W * COLUMNS + 4 * (COLUMNS - 1),
      height: rows * (TILE_H + 4),
      channels: 3,
      background: '#888',
    },
  })
    .composite(
      tiles.map((input, i) => ({
        input,
        left: (i % COLUMNS) * (TILE_W + 4),
        top: Math.floor(i / COLUMNS) * (TILE_H + 4),
      })),
    )
    .png()
    .toBuffer();
  writeFileSync(file, sheet);
}
