/**
 * Writes test/fixtures/scenes/ (`npm run fixtures:scenes`, after `npm run build`): photos of a
 * note on a desk rendered in headless Chromium by the benchmark's own scene code
 * (scripts/bench/page/desk*.js), from MNIST *test* digits and fixed seeds, with manifest.json.
 * They are committed; run this again only to change them.
 *
 * - ten single digits (0–9, clear test digits picked by eye) on the seven desks, the dark
 *   screen, and twice more on the white table and dark wood: JPEG, 1000×750, quality 0.85; and
 *   two where the note's outline is hard to see: lying on the edge of another sheet, and under a
 *   cast shadow that crosses it;
 * - three numbers of four or five digits on notes;
 * - five empty scenes that the library must call EMPTY_IMAGE, nothing on the desk but the note:
 *   a blank note on a desk, a blank note on the cutting mat, a blank ruled index card, squared
 *   paper filling the frame, a blank page under a soft cast shadow;
 * - PNG copies of one digit scene and one number scene, smaller, for the Node tests (pngjs).
 *
 * manifest.json: per file { file, label (the digit or number as a string, null when empty), desk,
 * expect: 'digit' | 'number' | 'empty', width, height, corners (the note's, or the screen's, in
 * pixels: top-left, top-right, bottom-right, bottom-left; null for a full page), digits (each
 * digit's centre x, y and its height, in pixels) }.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, openBenchPage } from './bench/browser.js';
import { startServer } from './bench/server.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const OUT = join(ROOT, 'test/fixtures/scenes');

type Expect = 'digit' | 'number' | 'empty';

interface Spec {
  file: string;
  expect: Expect;
  seed: number;
  /** MNIST test indices of the digits to write: picked by eye, each a clear example of its label. */
  digits?: number[];
  desk?: string;
  note?: Record<string, unknown>;
  /** false: none; a list of names: just those (see scripts/bench/page/desk-clutter.js). */
  clutter?: boolean | string[];
  page?: { grid?: boolean; shadow?: boolean };
  size?: [number, number];
  camera?: Record<string, unknown>;
  quality?: number;
}

interface Made {
  url: string;
  label: string | null;
  desk: string;
  width: number;
  height: number;
  corners: Array<{ x: number; y: number }> | null;
  digits: Array<{ x: number; y: number; height: number }>;
}

const SIZE: [number, number] = [1000, 750];
/** A steady hand and a clean lens: the fixtures test the surface, not the worst camera. */
const CAMERA = { blur: 0, noise: 0.012 };
const PLAIN = { share: 0.45, fold: false, curl: false };
/** The PNG copies: small and noiseless, a touch soft, so that lossless files stay small. */
const SMALL = { blur: 0.6, noise: 0 };

const SPECS: Spec[] = [
  { file: 'digit-dark-wood.jpg', expect: 'digit', seed: 101, digits: [3], desk: 'dark wood', note: PLAIN },
  {
    file: 'digit-light-oak.jpg',
    expect: 'digit',
    seed: 102,
    digits: [2],
    desk: 'light oak',
    note: PLAIN,
    quality: 0.8,
  },
  { file: 'digit-grey-laminate.jpg', expect: 'digit', seed: 103, digits: [1], desk: 'grey laminate' },
  { file: 'digit-cutting-mat.jpg', expect: 'digit', seed: 104, digits: [18], desk: 'green cutting mat', quality: 0.8 },
  { file: 'digit-black-desk.jpg', expect: 'digit', seed: 105, digits: [4], desk: 'black desk', note: PLAIN },
  { file: 'digit-blue-fabric.jpg', expect: 'digit', seed: 106, digits: [15], desk: 'blue fabric', quality: 0.78 },
  { file: 'digit-white-table.jpg', expect: 'digit', seed: 107, digits: [21], desk: 'white table', note: PLAIN },
  { file: 'digit-dark-screen.jpg', expect: 'digit', seed: 108, digits: [0], desk: 'dark screen' },
  {
    file: 'digit-white-table-pen.jpg',
    expect: 'digit',
    seed: 109,
    digits: [110],
    desk: 'white table',
    note: { type: 'index card', colour: 'white', strokes: 0.05, share: 0.4 },
  },
  {
    file: 'digit-dark-wood-ruled.jpg',
    expect: 'digit',
    seed: 110,
    digits: [12],
    desk: 'dark wood',
    note: { type: 'index card', ruled: true, share: 0.5 },
  },
  {
    file: 'digit-dark-wood-on-sheet.jpg',
    expect: 'digit',
    seed: 111,
    digits: [7],
    desk: 'dark wood',
    note: { type: 'index card', colour: 'cream', share: 0.45 },
    clutter: ['sheet edge'],
  },
  {
    file: 'digit-grey-laminate-shadow.jpg',
    expect: 'digit',
    seed: 112,
    digits: [25],
    desk: 'grey laminate',
    note: { type: 'notebook slip', share: 0.5 },
    clutter: false,
    camera: { ...CAMERA, shadow: 0.35 },
  },
  {
    file: 'number-light-oak.jpg',
    expect: 'number',
    seed: 201,
    digits: [30, 2, 6, 5, 23],
    desk: 'light oak',
    note: { type: 'index card', ruled: false, share: 0.5, degrees: 6 },
  },
  {
    file: 'number-cutting-mat.jpg',
    expect: 'number',
    seed: 202,
    digits: [10, 4, 35, 17],
    desk: 'green cutting mat',
    note: { type: 'sticky', share: 0.45 },
  },
  {
    file: 'number-grey-laminate.jpg',
    expect: 'number',
    seed: 203,
    digits: [128, 22, 16, 13, 32],
    desk: 'grey laminate',
    note: { type: 'notebook slip', ruled: false, share: 0.5, degrees: -5 },
  },
  {
    file: 'empty-note-dark-wood.jpg',
    expect: 'empty',
    seed: 301,
    desk: 'dark wood',
    note: { type: 'sticky' },
    clutter: false,
  },
  {
    file: 'empty-note-cutting-mat.jpg',
    expect: 'empty',
    seed: 302,
    desk: 'green cutting mat',
    note: { type: 'sticky', share: 0.4 },
    clutter: false,
    quality: 0.8,
  },
  {
    file: 'empty-ruled-card.jpg',
    expect: 'empty',
    seed: 303,
    desk: 'grey laminate',
    note: { type: 'index card', ruled: true, share: 0.5 },
    clutter: false,
  },
  { file: 'empty-squared-paper.jpg', expect: 'empty', seed: 304, page: { grid: true } },
  { file: 'empty-page-shadow.jpg', expect: 'empty', seed: 305, page: { shadow: true } },
  {
    file: 'digit-light-oak.png',
    expect: 'digit',
    seed: 102,
    digits: [2],
    desk: 'light oak',
    note: PLAIN,
    size: [320, 240],
    camera: SMALL,
  },
  {
    file: 'number-cutting-mat.png',
    expect: 'number',
    seed: 202,
    digits: [10, 4, 35, 17],
    desk: 'green cutting mat',
    note: { type: 'sticky', share: 0.45 },
    size: [320, 240],
    camera: SMALL,
  },
];

async function make(page: Page, spec: Spec): Promise<Made> {
  const png = spec.file.endsWith('.png');
  const request = {
    seed: spec.seed,
    digits: spec.digits ?? [],
    desk: spec.desk,
    note: spec.note,
    clutter: spec.clutter,
    page: spec.page,
    size: spec.size ?? SIZE,
    camera: spec.camera ?? CAMERA,
    type: png ? 'image/png' : 'image/jpeg',
    quality: png ? undefined : (spec.quality ?? 0.85),
  };
  return (await page.evaluate(`window.Bench.sceneFixture(${JSON.stringify(request)})`)) as Made;
}

async function main(): Promise<void> {
  const server = await startServer(ROOT);
  const browser = await launch();
  try {
    const page = await openBenchPage(browser, server);
    await page.addScriptTag({ url: '/scripts/bench/page/scenes.js' });
    mkdirSync(OUT, { recursive: true });
    for (const file of readdirSync(OUT)) rmSync(join(OUT, file));
    const manifest = [];
    let total = 0;
    for (const spec of SPECS) {
      const made = await make(page, spec);
      const bytes = Buffer.from(made.url.slice(made.url.indexOf(',') + 1), 'base64');
      writeFileSync(join(OUT, spec.file), bytes);
      total += bytes.length;
      console.log(`${spec.file}: ${made.width}×${made.height}, ${(bytes.length / 1024).toFixed(0)} KB`);
      manifest.push({
        file: spec.file,
        label: spec.expect === 'empty' ? null : made.label,
        desk: made.desk,
        expect: spec.expect,
        width: made.width,
        height: made.height,
        corners: made.corners,
        digits: made.digits,
      });
    }
    writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    console.log(`${SPECS.length} scenes, ${(total / 1024).toFixed(0)} KB, in ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
