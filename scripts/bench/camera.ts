/**
 * The live camera, for `npm run bench`: headless Chromium with a fake camera filming a photo of
 * a note on a desk (test/browser/camera/fake-video.mjs: the photo shifted a few pixels each
 * frame, with sensor noise), the CDN bundle's `<digit-recognizer camera>` on
 * scripts/bench/page/camera.html. Per video: time from `startCamera()` to the first right
 * reading (model already loaded), frames read per second, main-thread long tasks while reading,
 * and live camera tracks left after the element is removed. Each run is a new browser. Also the
 * main thread while the element reads twenty 12 MP photos.
 */
import puppeteer from 'puppeteer-core';
import { CAMERA_VIDEOS, cameraVideo } from '../../test/browser/camera/fake-video.mjs';
import { median } from './stats.js';
import type { StaticServer } from './server.js';
import type { CameraRun, CameraResult, MainThreadResult } from './types.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PAGE = '/scripts/bench/page/camera.html';

export interface CameraOptions {
  server: StaticServer;
  /** Runs per video, each in a fresh browser. */
  runs: number;
  /** Seconds of reading measured for the frame rate. */
  seconds: number;
  log: (line: string) => void;
}

async function runOnce(
  server: StaticServer,
  video: string,
  label: string,
  mode: 'digit' | 'number',
  seconds: number,
): Promise<CameraRun> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await browser.newPage();
    // The fake camera needs a secure page: localhost is one.
    await page.goto(`${server.origin}${PAGE}`);
    return (await page.evaluate(`window.runCamera(${JSON.stringify(label)}, '${mode}', ${seconds})`)) as CameraRun;
  } finally {
    await browser.close();
  }
}

export async function cameraBench({ server, runs, seconds, log }: CameraOptions): Promise<CameraResult[]> {
  const results: CameraResult[] = [];
  for (const mode of ['digit', 'number'] as const) {
    const { scene, label } = CAMERA_VIDEOS[mode];
    const video = await cameraVideo(mode);
    const all: CameraRun[] = [];
    for (let run = 0; run < runs; run++) {
      const outcome = await runOnce(server, video, label, mode, seconds);
      all.push(outcome);
      log(
        `  camera, ${mode} "${label}": right after ${outcome.rightMs === null ? 'never' : `${Math.round(outcome.rightMs)} ms`}, ` +
          `${outcome.framesPerSecond.toFixed(1)} frames/s, ${outcome.liveTracksAfter} live tracks after removal`,
      );
    }
    const right = all.map((r) => r.rightMs).filter((ms): ms is number => ms !== null);
    results.push({
      mode,
      scene,
      label,
      width: 640,
      height: 480,
      runs: all.length,
      rightRuns: right.length,
      medianRightMs: right.length ? median(right) : null,
      worstRightMs: right.length === all.length ? Math.max(...right) : null,
      medianStartMs: median(all.map((r) => r.startMs)),
      medianFramesPerSecond: median(all.map((r) => r.framesPerSecond)),
      medianMsPerFrame: median(all.map((r) => r.msPerFrame)),
      longTasks: all.reduce((sum, r) => sum + r.longTasks, 0),
      longestTaskMs: Math.max(...all.map((r) => r.longestTaskMs)),
      liveTracksAfter: all.reduce((sum, r) => sum + r.liveTracksAfter, 0),
      readings: [...new Set(all.flatMap((r) => r.readings))],
    });
  }
  return results;
}

/**
 * The main thread while the element reads twenty 12 MP photos at once (the page
 * scripts/bench/page/main-thread.html): long tasks from adding the files until the last answer.
 */
export async function mainThreadBench({
  server,
  log,
}: Pick<CameraOptions, 'server' | 'log'>): Promise<MainThreadResult> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/scripts/bench/page/main-thread.html`);
    const result = (await page.evaluate('window.runMainThread(20)')) as MainThreadResult;
    log(
      `  20 photos of 12 MP: ${result.longTasks} long tasks, longest ${Math.round(result.longestTaskMs)} ms, ` +
        `${result.seconds.toFixed(1)} s, ${result.right} right`,
    );
    return result;
  } finally {
    await browser.close();
  }
}
