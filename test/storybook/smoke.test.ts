/**
 * Storybook smoke test: serves the built storybook-static/ (`npm run build-storybook`), opens
 * every story and docs page from its index.json in headless Chromium, and checks that each
 * renders its `<digit-recognizer>` (or page), reaches the state it shows, and logs no error.
 *
 *   npm run test:storybook
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT, collectErrors, launchChromium, serveStatic } from '../examples/helpers.js';

const STATIC_DIR = join(ROOT, 'storybook-static');
const INDEX = join(STATIC_DIR, 'index.json');

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** What a story of the element must settle on: its `state`, and optionally its value and cards. */
interface Expected {
  state: string;
  value?: string;
  cards?: string[];
  /** Console or network errors the story shows on purpose (an offline download). */
  meant?: RegExp;
}

const EXPECTED: Record<string, Expected> = {
  'components-digit-recognizer--empty': { state: 'empty', value: '' },
  'components-digit-recognizer--model-loading': { state: 'loading' },
  'components-digit-recognizer--result': { state: 'result', value: '7', cards: ['result'] },
  'components-digit-recognizer--uncertain': { state: 'result', value: '7', cards: ['uncertain'] },
  'components-digit-recognizer--not-a-digit': { state: 'result', value: '', cards: ['not-a-digit'] },
  'components-digit-recognizer--several-images': { state: 'result', value: '372' },
  'components-digit-recognizer--unreadable-file': { state: 'error', value: '', cards: ['error'] },
  // Its download fails as offline: the worker's fetch of a revoked blob: URL (stories/support.ts).
  'components-digit-recognizer--model-unavailable': { state: 'error', value: '', meant: /^request failed: blob:/ },
  'components-digit-recognizer--number-mode': { state: 'result', value: '2026', cards: ['result'] },
  'components-digit-recognizer--drawing': { state: 'result', cards: ['result'] },
  'components-digit-recognizer--themed': { state: 'result', value: '7' },
  'components-digit-recognizer--dark': { state: 'result', value: '7' },
};

const entries: Entry[] = existsSync(INDEX)
  ? Object.values((JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, Entry> }).entries)
  : [];

/** Resolves when `condition` is true in the page, or rejects with what the page says after `timeout` ms. */
async function pageSettles(page: Page, condition: () => boolean, timeout = 30_000): Promise<void> {
  await page.waitForFunction(condition, { timeout, polling: 100 });
}

describe('Storybook', { skip: entries.length === 0 && 'no storybook-static/: run npm run build-storybook' }, () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    ({ server, origin } = await serveStatic(STATIC_DIR));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('has a story for each state the element shows, and the docs pages', () => {
    const ids = entries.map((entry) => entry.id);
    for (const id of Object.keys(EXPECTED)) assert.ok(ids.includes(id), `missing story ${id}`);
    assert.ok(ids.includes('api-classify--docs'), 'missing the classify() docs page');
    assert.ok(ids.includes('model-model-card--docs'), 'missing the model card page');
  });

  for (const entry of entries) {
    it(`${entry.type} ${entry.title} › ${entry.name} (${entry.id})`, async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      try {
        const viewMode = entry.type === 'docs' ? 'docs' : 'story';
        await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=${viewMode}`, { waitUntil: 'load' });
        // Storybook shows its error screen instead of a story that threw.
        const failed = (): boolean => document.body.classList.contains('sb-show-errordisplay');

        if (entry.type === 'docs') {
          await pageSettles(page, () => (document.querySelector('#storybook-docs')?.textContent ?? '').length > 200);
        } else if (entry.id === 'api-classify--live-demo') {
          await pageSettles(page, () =>
            /^\s*7/.test(document.querySelector('.classify-demo .output')?.textContent ?? ''),
          );
        } else {
          await pageSettles(page, () => {
            const element = document.querySelector('#storybook-root digit-recognizer');
            return Boolean(element?.shadowRoot?.querySelector('[part="base"]'));
          });
          const expected = EXPECTED[entry.id];
          if (expected) {
            await page
              .waitForFunction(
                (state) =>
                  document.querySelector('digit-recognizer')?.state === state &&
                  !document.querySelector('digit-recognizer')?.shadowRoot?.querySelector('[data-state="pending"]'),
                { timeout: 30_000, polling: 100 },
                expected.state,
              )
              .catch(async (error: unknown) => {
                const state = await page.evaluate(() => document.querySelector('digit-recognizer')?.state);
                throw new Error(`state is "${state}", expected "${expected.state}"; errors: ${errors.join('\n')}`, {
                  cause: error,
                });
              });
            const seen = await page.evaluate(() => {
              const element = document.querySelector('digit-recognizer')!;
              const cards = element.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]');
              return { value: element.value, cards: Array.from(cards, (card) => card.dataset['state'] ?? '') };
            });
            if (expected.value !== undefined) assert.equal(seen.value, expected.value);
            if (expected.cards) assert.deepEqual(seen.cards, expected.cards);
            if (expected.state === 'loading') {
              // A loading story stays loading for as long as one looks (its model never arrives),
              // not only until the first answer from the worker.
              await new Promise((resolve) => setTimeout(resolve, 2000));
              const still = await page.evaluate(() => document.querySelector('digit-recognizer')?.state);
              assert.equal(still, 'loading', 'the loading story left its loading state');
            }
          }
        }
        assert.equal(await page.evaluate(failed), false, 'Storybook shows its error display');
        const meant = EXPECTED[entry.id]?.meant;
        assert.deepEqual(
          errors.filter((error) => !meant?.test(error)),
          [],
          `errors in ${entry.id}`,
        );
      } finally {
        await page.close();
      }
    });
  }
});
