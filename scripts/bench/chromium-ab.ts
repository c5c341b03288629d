/**
 * Paired A/B of the photo path in headless Chromium: the CDN bundle of another checkout (`--base`,
 * built) and this one's, loaded in one page and called in turn, so both see the same load on the
 * machine (a busy machine moves separate runs by more than most changes). Prints the median of
 * each for `classify()` and `preprocess()` of the 28×28 canvas, the 1200×900 photo canvas and the
 * desk photo of section 3, and for `readNumber()` of section 6's 6-digit number. Needs `npm run build` here and in the base checkout.
 *
 *   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npm run build)
 *   npx tsx scripts/bench/chromium-ab.ts --base=/tmp/base [--runs=80]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openBenchPage } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { sixDigitNumber } from './read-number.js';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = option('base');
if (!base) throw new Error('usage: chromium-ab.ts --base=DIR [--runs=80]');
const runs = Number(option('runs') ?? 80);
// Section 6's warm `readNumber()` input: a 6-digit number composed from MNIST test digits.
const six = sixDigitNumber();

const TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', json: 'application/json' };

const server = await startServer(ROOT);
const browser = await launch();
try {
  const page = await openBenchPage(browser, server);
  // The base checkout's files under /base/: its bundle finds its model and wasm next to itself.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/base/')) return void request.continue();
    const file = join(base, decodeURIComponent(url.pathname.slice('/base/'.length)));
    if (!existsSync(file)) return void request.respond({ status: 404, body: '' });
    const type = TYPES[file.split('.').pop()!] ?? 'application/octet-stream';
    return void request.respond({ status: 200, contentType: type, body: readFileSync(file) });
  });
  const result = (await page.evaluate(`(async () => {
    const New = window.DigitRecognizer;
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/base/dist/digit-recognizer.min.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    const Base = window.DigitRecognizer;
    window.DigitRecognizer = New;
    await Bench.loadMnist();
    await Base.getDefaultClassifier();
    await New.getDefaultClassifier();
    const { small, photo } = Bench.speedInputs();
    const number = document.createElement('canvas');
    number.width = ${six.width};
    number.height = ${six.height};
    const pixels = number.getContext('2d').createImageData(${six.width}, ${six.height});
    const grey = ${JSON.stringify(six.bytes)};
    grey.forEach((v, i) => pixels.data.set([v, v, v, 255], 4 * i));
    number.getContext('2d').putImageData(pixels, 0, 0);
    const desk = Bench.deskScene(Bench.rng(11), { desk: 'dark wood', size: [1200, 900], digits: [Bench.digit(3)], clutter: false }).canvas;
    const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
    const out = {};
    for (const [name, input] of [['28×28 canvas', small], ['1200×900 photo canvas', photo], ['1200×900 desk photo', desk], ['6-digit number', number]]) {
      for (const fn of input === number ? ['readNumber'] : ['classify', 'preprocess']) {
        const times = { base: [], new: [] };
        // Calls under a millisecond are timed 20 at a time: the page's clock ticks in 0.1 ms.
        const batch = input === small ? 20 : 1;
        for (let i = 0; i < 5; i++) { await Base[fn](input); await New[fn](input); }
        for (let i = 0; i < ${runs}; i++) {
          for (const [key, api] of i % 2 ? [['base', Base], ['new', New]] : [['new', New], ['base', Base]]) {
            const t0 = performance.now();
            for (let k = 0; k < batch; k++) await api[fn](input);
            times[key].push((performance.now() - t0) / batch);
          }
        }
        out[fn + '(), ' + name] = [median(times.base), median(times.new)];
      }
    }
    return out;
  })()`)) as Record<string, [number, number]>;
  for (const [name, [before, after]] of Object.entries(result)) {
    console.log(
      `${name}: base median ${before.toFixed(2)} ms, this checkout ${after.toFixed(2)} ms (${runs} runs each)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
