/** Photos from folders of dumped scenes (scenes.ts `--dump`), as the speed scripts time them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** Raw RGBA pixels of a photo. */
export interface RawPhoto {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Every PNG and JPEG in `dirs`, by name, resized to 1200×900 (the bench's photo size). */
export async function photosAt1200x900(dirs: readonly string[]): Promise<RawPhoto[]> {
  const photos: RawPhoto[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(png|jpg)$/.test(f))
      .sort()) {
      const data = await sharp(join(dir, file)).resize(1200, 900, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
      photos.push({ data: new Uint8Array(data), width: 1200, height: 900 });
    }
  }
  return photos;
}
