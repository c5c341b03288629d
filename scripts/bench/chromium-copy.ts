/**
 * Reads image files in Node exactly as Chromium would: each file is drawn in headless Chromium
 * to the working copy `decode.ts` makes there (fitted to `WORKING_SIDE`, smoothing "high"), and
 * that copy, with detail read from the full image, goes through the library's source in Node.
 * A misread seen only in the browser can then be stepped through and logged in Node. Only the
 * working copy is Chromium's: the closer look at the digits is read in Node from the full image
 * (Chromium draws it again with `drawImage`), so a misread born there may still differ; e.g. of
 * the validation desk photos "2769" reads "1" in Chromium and right here, while "536" and
 * "101734" misread the same.
 *
 *   npx tsx scripts/bench/chromium-copy.ts [--number] FILE...   (FILE under the repository)
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import sharp from 'sharp';
import { classify, readNumber } from '../../src/node.js';
import { setNodeDecoder, type Decoded } from '../../src/preprocess/decode.js';
import { detailFromLuminance } from '../../src/preprocess/detail.js';
import { luminanceFromRgba, WORKING_SIDE } from '../../src/preprocess/luminance.js';
import { launch, openBenchPage } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { startServer } from './server.js';

interface Copy {
  width: number;
  height: number;
  rgba: number[];
}

/** Draws the image at `url` as decode.ts's `draw()` does; returns the working copy's RGBA. */
function drawInPage(url: string, side: number): Promise<Copy> {
  return (async () => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob(), { imageOrientation: 'from-image' });
    const factor = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * factor));
    const height = Math.max(1, Math.round(bitmap.height * factor));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, bitmap.width, bitmap.height, 0, 0, width, height);
    return { width, height, rgba: Array.from(context.getImageData(0, 0, width, height).data) };
  })();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const asNumber = args.includes('--number');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) throw new Error('usage: chromium-copy.ts [--number] FILE...');
  const server = await startServer(ROOT);
  const browser = await launch();
  try {
    const page = await openBenchPage(browser, server);
    for (const file of files) {
      const url = `/${relative(ROOT, resolve(file))}`;
      const copy = await page.evaluate(drawInPage, url, WORKING_SIDE);
      const { data, info } = await sharp(readFileSync(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const full = luminanceFromRgba(new Uint8Array(data), info.width, info.height);
      const rgba = Uint8Array.from(copy.rgba);
      // At working size, luminanceFromRgba() keeps the colour too, as the browser's draw does.
      const luminance = luminanceFromRgba(rgba, copy.width, copy.height);
      luminance.scale = info.width / copy.width;
      const decoded: Decoded = {
        luminance,
        sourceWidth: info.width,
        sourceHeight: info.height,
        ...(luminance.scale > 1 ? { detail: detailFromLuminance(full) } : {}),
      };
      setNodeDecoder((input) => Promise.resolve(input === file ? decoded : null));
      try {
        const read = asNumber ? (await readNumber(file)).text : String((await classify(file)).digit);
        console.log(`${file}: ${read}`);
      } catch (error) {
        console.log(`${file}: ${(error as Error).message}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
