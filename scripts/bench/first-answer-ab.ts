/**
 * Paired A/B of the cold first answer (section 3's "page start → first answer"): the first-answer
 * page of another checkout (`--base`, built) and of this one, served side by side and visited in
 * turn, each visit in a new browser context with the cache off, so both see the same load on the
 * machine (a busy machine moves separate runs by more than most changes). Prints the median time
 * of each from navigation start and from the moment the page's own script ran, and the median of
 * the paired differences. `--mode=preprocess` or `--mode=load` times `preprocess()` of the drawn
 * digit, or loading the default classifier, alone (this checkout's page, the base's bundle). Needs
 * `npm run build` here and in the base.
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npm run build)
 *   npx tsx scripts/bench/first-answer-ab.ts --base=/tmp/base [--runs=30] [--mode=classify]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launch } from './browser.js';
import { ROOT } from './node-accuracy.js';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = option('base');
if (!base) throw new Error('usage: first-answer-ab.ts --base=DIR [--runs=30] [--mode=classify|preprocess|load]');
const runs = Number(option('runs') ?? 30);
const mode = option('mode') ?? 'classify';

const PAGE = '/scripts/bench/page/first-answer.html';
const pageHtml = readFileSync(join(ROOT, PAGE), 'utf8');

interface Answer {
  at: number;
  scriptRan: number;
  digit?: number;
  error?: string;
}

async function visit(browser: Browser, origin: string): Promise<Answer> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    if (mode !== 'classify') {
      // This checkout's page, which knows the modes, for the base too (only its bundle differs).
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).pathname !== PAGE) return void request.continue();
        void request.respond({ status: 200, contentType: 'text/html', body: pageHtml });
      });
    }
    await page.goto(`${origin}${PAGE}?mode=${mode}`, { waitUntil: 'load' });
    await page.waitForFunction('window.__firstAnswer !== undefined', { timeout: 60_000 });
    const answer = (await page.evaluate('window.__firstAnswer')) as Answer;
    if (answer.error) throw new Error(`${origin}: ${answer.error}`);
    if (mode === 'classify' && answer.digit !== 7) throw new Error(`${origin}: read ${answer.digit}, not 7`);
    return answer;
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const servers = [await startServer(base), await startServer(ROOT)];
const browser = await launch();
try {
  // A throwaway visit each: the browser's network service and the servers' caches start up.
  for (const server of servers) await visit(browser, server.origin);
  const seen: Answer[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const k of i % 2 ? [1, 0] : [0, 1]) seen[k]!.push(await visit(browser, servers[k]!.origin));
  }
  const [a, b] = seen as [Answer[], Answer[]];
  const line = (name: string, answers: Answer[]): string =>
    `${name}: ${median(answers.map((x) => x.at)).toFixed(0)} ms from navigation, ` +
    `${median(answers.map((x) => x.at - x.scriptRan)).toFixed(0)} ms after the page's script ran`;
  console.log(`${mode}, ${runs} cold visits each`);
  console.log(line('base', a));
  console.log(line('this', b));
  const differences = a.map((x, i) => b[i]!.at - x.at);
  console.log(`paired difference (this − base), median: ${median(differences).toFixed(0)} ms`);
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
process.exit(0);
