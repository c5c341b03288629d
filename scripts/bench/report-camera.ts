/** The report's section on the live camera, and its Summary rows. */
import { ms, table } from './format.js';
import type { BenchResults, CameraResult } from './types.js';

/** From `startCamera()` to the right reading, every run: a digit, a 5-digit number. */
const RIGHT_WITHIN_MS: Record<CameraResult['mode'], number> = { digit: 1000, number: 2000 };
const FRAMES_PER_SECOND = 15;

const yes = (met: boolean): string => (met ? 'yes' : '**no**');

function what(c: CameraResult): string {
  return c.mode === 'number' ? `the ${c.label.length}-digit number` : 'the digit';
}

export function cameraSummaryRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  for (const c of r.camera ?? []) {
    const target = RIGHT_WITHIN_MS[c.mode];
    rows.push([
      `Camera: ${what(c)} read right after \`startCamera()\` (slowest of ${c.runs} runs)`,
      c.worstRightMs === null ? `missed in ${c.runs - c.rightRuns} of ${c.runs}` : ms(c.worstRightMs),
      `≤ ${target / 1000} s`,
      yes(c.worstRightMs !== null && c.worstRightMs <= target),
    ]);
    rows.push([
      `Camera: frames read per second, ${c.mode} mode (median)`,
      c.medianFramesPerSecond.toFixed(1),
      `≥ ${FRAMES_PER_SECOND}`,
      yes(c.medianFramesPerSecond >= FRAMES_PER_SECOND),
    ]);
  }
  const all = r.camera ?? [];
  if (all.length > 0) {
    const live = all.reduce((sum, c) => sum + c.liveTracksAfter, 0);
    rows.push(['Camera: live tracks after the element is removed', String(live), '0', yes(live === 0)]);
  }
  const m = r.mainThread;
  if (m) {
    rows.push([
      `Main-thread long tasks while the element reads ${m.photos} photos of 12 MP (longest)`,
      `${m.longTasks} (${ms(m.longestTaskMs)})`,
      'none over 50 ms',
      yes(m.longTasks === 0),
    ]);
  }
  return rows;
}

export function cameraSection(r: BenchResults): string[] {
  const all = r.camera ?? [];
  if (all.length === 0) return [];
  return [
    '## 9. The live camera and the main thread',
    '',
    '`<digit-recognizer camera>` from the CDN bundle in headless Chromium, whose fake camera films a photo of a note on a desk (`--use-file-for-fake-video-capture`, a Y4M made by test/browser/camera/fake-video.mjs from a scene of test/fixtures/scenes/: 640×480, each frame shifted a few pixels from the last as a hand moves, with sensor noise). The model is loaded, and the element left alone for a second (as a user would before pressing the camera button, while the element reads one made-up frame to compile its reading), before `startCamera()`; each run is a new browser. A reading counts once the same one came from three frames in a row, as the element shows it. Page: scripts/bench/page/camera.html.',
    '',
    table(
      [
        'video',
        'read',
        'right in',
        'start-up (median)',
        'right after (median / slowest)',
        'frames/s',
        'ms per frame',
        'long tasks (longest)',
        'readings seen',
      ],
      all.map((c) => [
        `${c.scene} (${c.mode})`,
        `"${c.label}"`,
        `${c.rightRuns} of ${c.runs}`,
        ms(c.medianStartMs),
        `${c.medianRightMs === null ? '—' : ms(c.medianRightMs)} / ${c.worstRightMs === null ? '—' : ms(c.worstRightMs)}`,
        c.medianFramesPerSecond.toFixed(1),
        ms(c.medianMsPerFrame),
        `${c.longTasks} (${ms(c.longestTaskMs)})`,
        c.readings.map((text) => `"${text}"`).join(', '),
      ]),
    ),
    '',
    "Frames are read in the element's Web Worker, one after the other: the main thread draws the guide box of the frame into a small canvas and transfers it as a bitmap, and hands over the next frame while the worker reads the last (two frames at most are on their way; at most 20 a second on average, so 2 of every 3 frames of a 30 fps camera can be read), so the worker never waits for the video. “ms per frame” is from a frame's hand-over to its answer, its wait in the worker's queue included. Long tasks (the main thread's) are counted with a `longtask` PerformanceObserver over the measured seconds.",
    '',
    ...mainThreadLines(r),
  ];
}

function mainThreadLines(r: BenchResults): string[] {
  const m = r.mainThread;
  if (!m) return [];
  return [
    `The main thread while \`<digit-recognizer multiple>\` reads ${m.photos} JPEG photos of 4000×3000 (the digit scenes of test/fixtures/scenes/ scaled up), added at once: ` +
      `${m.longTasks} long tasks over 50 ms (longest ${ms(m.longestTaskMs)}, ${ms(m.longTaskMs)} in all) in ${m.seconds.toFixed(1)} s; ` +
      `${m.right} of ${m.photos} read right. Each file goes to the element's Web Worker as it is (a Blob); decoding, shrinking, preprocessing and the model run there, one photo at a time, and the main thread only shows the cards and their previews (\`<img decoding=async>\`). Before the worker (2026-12-01), the same page had 18 long tasks, the longest 1186 ms. ` +
      'Page: scripts/bench/page/main-thread.html.',
    '',
  ];
}
