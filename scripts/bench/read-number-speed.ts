/**
 * Warm `readNumber()` of the bench's 6-digit number in Chromium (as BENCHMARKS.md's figure, 100
 * runs), on the `dist/` of this checkout or of another (a `git archive` copy with its own build):
 * a quick check that a change did not slow it, without the whole bench.
 *
 *   npx tsx scripts/bench/read-number-speed.ts [ROOT]
 */
import puppeteer from 'puppeteer-core';
import { sixDigitNumber } from './read-number.js';
import { startServer } from './server.js';

interface Timed {
  text: string;
  samples: number[];
}

const root = process.argv[2] ?? process.cwd();
const server = await startServer(root);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/scripts/bench/page/index.html`, { waitUntil: 'load' });
  const n = sixDigitNumber();
  const timed = (await page.evaluate(
    `Bench.readNumberSpeed(${JSON.stringify(n.bytes)}, ${n.width}, ${n.height}, 100)`,
  )) as Timed;
  const sorted = [...timed.samples].sort((a, b) => a - b);
  const at = (q: number): string => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(
    `${root}: read "${timed.text}" (truth "${n.text}"), median ${at(0.5)} ms, p10 ${at(0.1)}, p90 ${at(0.9)}`,
  );
} finally {
  await browser.close();
  await server.close();
}
