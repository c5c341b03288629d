/**
 * Warm timings of the photo path in headless Chromium (CDN bundle, as section 3 of BENCHMARKS.md
 * measures them), quicker than the whole bench: `classify()` and `preprocess()` of the 1200×900
 * photo canvas and of the 1200×900 desk photo. `--profile=FILE` also saves a CPU profile of
 * `preprocess()` runs (open it in Chrome's DevTools). Needs `npm run build` first.
 *
 *   npx tsx scripts/bench/chromium-speed.ts [--runs=60] [--profile=/tmp/chromium.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { launch, openBenchPage } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(option('runs') ?? 60);
const profile = option('profile');

const server = await startServer(ROOT);
const browser = await launch();
try {
  const page = await openBenchPage(browser, server);
  const timings = (await page.evaluate(`(async () => {
    const api = window.DigitRecognizer;
    await Bench.loadMnist();
    await api.getDefaultClassifier();
    const { photo } = Bench.speedInputs();
    const rand = Bench.rng(11);
    const desk = Bench.deskScene(rand, { desk: 'dark wood', size: [1200, 900], digits: [Bench.digit(3)], clutter: false }).canvas;
    window.speedInputs = { photo, desk };
    const runs = ${runs};
    const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];
    const time = async (fn) => median(await Bench.time(fn, 5, runs));
    return {
      photoClassify: await time(() => api.classify(photo)),
      photoPreprocess: await time(() => api.preprocess(photo)),
      deskClassify: await time(() => api.classify(desk)),
      deskPreprocess: await time(() => api.preprocess(desk)),
    };
  })()`)) as Record<string, number>;
  for (const [name, ms] of Object.entries(timings)) console.log(`${name}: median ${ms.toFixed(2)} ms (${runs} runs)`);
  if (profile) {
    const session = await page.createCDPSession();
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    await page.evaluate(`(async () => {
      const api = window.DigitRecognizer;
      for (let i = 0; i < ${runs}; i++) {
        await api.preprocess(window.speedInputs.photo);
        await api.preprocess(window.speedInputs.desk);
      }
    })()`);
    const { profile: data } = await session.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(data));
    console.log(`profile of ${2 * runs} preprocess() calls in ${profile}`);
  }
} finally {
  await browser.close();
  await server.close();
}
