/**
 * Node with files, for `npm run bench`: the CLI over a folder of 1,000 photos (images/s on one
 * and on two worker threads, wall clock including start-up, and accuracy), and a warm Node
 * `classify(path)` of a 12-megapixel JPEG. The photos are made once into .cache/cli-bench/ from
 * MNIST test digits: a digit written on paper (tint, uneven light, grain) and saved as a JPEG.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { readMnistSplit } from '../train/idx.js';
import { Random } from '../train/random.js';
import { MNIST_DIR, ROOT } from './node-accuracy.js';
import type { NodeFilesResult } from './types.js';

const CACHE = join(ROOT, '.cache/cli-bench');
const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 1200;

/** One photo: paper with a tint, a lighting gradient and grain, and the digit in dark ink. */
async function photo(digit: Float32Array, random: Random): Promise<Buffer> {
  const size = Math.round(random.uniform(0.2, 0.5) * PHOTO_HEIGHT);
  const ink = await sharp(Buffer.from(digit.map((v) => Math.round(v * 255))), {
    raw: { width: 28, height: 28, channels: 1 },
  })
    .resize(size, size, { kernel: 'cubic' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const left = random.int(PHOTO_WIDTH - size);
  const top = random.int(PHOTO_HEIGHT - size);
  const paper = random.uniform(170, 235);
  // Light falling across the sheet: up to 40 levels brighter on one side than the other.
  const lightX = random.uniform(-40, 40);
  const lightY = random.uniform(-40, 40);
  const pen = random.uniform(10, 70);
  const tint = [random.uniform(0.92, 1), random.uniform(0.95, 1), random.uniform(0.85, 1)];
  const rgb = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 3);
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      let value = paper + lightX * (x / PHOTO_WIDTH - 0.5) + lightY * (y / PHOTO_HEIGHT - 0.5);
      const dx = x - left;
      const dy = y - top;
      if (dx >= 0 && dy >= 0 && dx < size && dy < size) {
        const a = ink[dy * size + dx]! / 255;
        value = value * (1 - a) + pen * a;
      }
      value += (random.next() - 0.5) * 16;
      const o = (y * PHOTO_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = Math.max(0, Math.min(255, Math.round(value * tint[c]!)));
    }
  }
  return sharp(rgb, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Makes (once) `count` photos of MNIST test digits; returns their paths and labels. */
async function photos(
  count: number,
  log: (line: string) => void,
): Promise<{ dir: string; labels: Map<string, number> }> {
  const dir = join(CACHE, `photos-v2-${count}`);
  const labelsFile = join(dir, 'labels.json');
  if (!existsSync(labelsFile)) {
    log(`  making ${count} photos (${PHOTO_WIDTH}×${PHOTO_HEIGHT} JPEG) in ${dir}…`);
    mkdirSync(dir, { recursive: true });
    const test = readMnistSplit(MNIST_DIR, 't10k');
    const random = new Random(2026);
    const labels: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const index = Math.floor((i * test.count) / count);
      const name = `photo-${String(i).padStart(4, '0')}.jpg`;
      writeFileSync(join(dir, name), await photo(test.images.subarray(index * 784, index * 784 + 784), random));
      labels[name] = test.labels[index]!;
    }
    writeFileSync(labelsFile, JSON.stringify(labels));
  }
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, number>;
  return { dir, labels: new Map(Object.entries(labels)) };
}

/** A 4000×3000 JPEG (12 MP) of a note on a desk, from a scene fixture, made once. */
async function twelveMegapixels(): Promise<string> {
  const file = join(CACHE, 'note-12mp.jpg');
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    await sharp(join(ROOT, 'test/fixtures/scenes/digit-dark-wood.jpg'))
      .resize(4000, 3000)
      .jpeg({ quality: 90 })
      .toFile(file);
  }
  return file;
}

async function runCli(dir: string, jobs: number, labels: Map<string, number>) {
  const started = performance.now();
  // Exit code 1 (some files unreadable, e.g. no digit found) still prints every line.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'dist/cli.js'), '--json', '--no-progress', '--jobs', String(jobs), dir],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { code?: number; stdout?: string }) => {
    if (error.code === 1 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string; digit?: number });
  const correct = rows.filter((row) => row.digit === labels.get(row.file.slice(dir.length + 1))).length;
  return { jobs, seconds, imagesPerSecond: rows.length / seconds, accuracy: correct / rows.length, count: rows.length };
}

export async function nodeFiles(options: {
  count: number;
  runs: number;
  log: (line: string) => void;
}): Promise<NodeFilesResult> {
  const { count, runs, log } = options;
  const { dir, labels } = await photos(count, log);
  // Other work on the machine slows the two-worker run most: say how busy it was.
  const loadAverage = loadavg()[0]!;
  const cli = [];
  for (const jobs of [1, 2]) {
    const run = await runCli(dir, jobs, labels);
    log(
      `  CLI, ${jobs} worker${jobs > 1 ? 's' : ''}: ${run.imagesPerSecond.toFixed(1)} images/s, ${(run.accuracy * 100).toFixed(1)}% right`,
    );
    cli.push(run);
  }
  const { classify } = (await import(join(ROOT, 'dist/node.js'))) as typeof import('../../src/node.js');
  const big = await twelveMegapixels();
  await classify(big); // cold: model, WebAssembly, sharp
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await classify(big);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  log(`  classify(path) of a 12 MP JPEG: ${medianMs.toFixed(0)} ms (median of ${runs})`);
  return {
    photos: { count, width: PHOTO_WIDTH, height: PHOTO_HEIGHT },
    loadAverage,
    cli,
    twelveMegapixel: { medianMs, runs, minMs: times[0]!, maxMs: times.at(-1)! },
  };
}
