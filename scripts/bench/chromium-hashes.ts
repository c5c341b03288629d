/**
 * output-hashes.ts for the browser path: a hash of everything `preprocess()` (digit scenes) and
 * `readNumber()` (files named number-…) return in headless Chromium for photos saved by
 * scenes.ts, each given as the Blob of its file (decoded and drawn at working size by decode.ts).
 * Speed work on the browser path should leave every line as it was. Needs `npm run build` first.
 *
 *   npx tsx scripts/bench/chromium-hashes.ts --dir=/tmp/desks --dir=/tmp/ndesks > /tmp/chromium-before.txt
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openBenchPage } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const dirs = args.filter((a) => a.startsWith('--dir=')).map((a) => a.slice('--dir='.length));

const server = await startServer(ROOT);
const browser = await launch();
try {
  const page = await openBenchPage(browser, server);
  await page.evaluate(`window.DigitRecognizer.getDefaultClassifier().then(() => true)`);
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(png|jpg)$/.test(f))
      .sort()) {
      const bytes = readFileSync(join(dir, file)).toString('base64');
      const type = file.endsWith('.png') ? 'image/png' : 'image/jpeg';
      const result = await page.evaluate(`(async () => {
        const api = window.DigitRecognizer;
        const bytes = Uint8Array.from(atob(${JSON.stringify(bytes)}), (c) => c.charCodeAt(0));
        const blob = new Blob([bytes], { type: ${JSON.stringify(type)} });
        try {
          const out = ${JSON.stringify(file.startsWith('number'))} ? await api.readNumber(blob) : await api.preprocess(blob);
          return JSON.stringify(out, (key, v) => (v instanceof Float32Array ? Array.from(v) : v));
        } catch (error) {
          return 'error: ' + (error.code ?? String(error));
        }
      })()`);
      console.log(`${file} ${createHash('sha1').update(String(result)).digest('hex').slice(0, 12)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
