// Fake camera videos for the camera tests and the camera benchmark: a photo of a note on a desk
// (one of test/fixtures/scenes/) as a Y4M file, which Chromium plays as its camera with
// --use-fake-device-for-media-stream --use-file-for-fake-video-capture=FILE. Each frame is the
// photo shifted by a few pixels, as a hand holding a phone moves it, with a little sensor noise.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCENES = join(ROOT, 'test/fixtures/scenes');
const OUT = join(ROOT, '.cache/camera');

/** The videos: a single digit ("2" on grey laminate) and a 5-digit number ("86903"). */
export const CAMERA_VIDEOS = {
  digit: { scene: 'digit-grey-laminate.jpg', label: '2' },
  number: { scene: 'number-grey-laminate.jpg', label: '86903' },
};

/** Small deterministic random numbers (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One RGB frame as a Y4M `C420jpeg` frame (full-range BT.601, chroma averaged over 2×2). */
function toI420(rgb, width, height, noise) {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let i = 0; i < width * height; i++) {
    const r = rgb[i * 3];
    const g = rgb[i * 3 + 1];
    const b = rgb[i * 3 + 2];
    y[i] = Math.max(0, Math.min(255, Math.round(0.299 * r + 0.587 * g + 0.114 * b + (noise() - 0.5) * 8)));
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const i = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
        r += rgb[i];
        g += rgb[i + 1];
        b += rgb[i + 2];
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = cy * (width / 2) + cx;
      u[c] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
      v[c] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
}

/**
 * Writes (once) and returns the path of `.cache/camera/NAME-WxH.y4m`: `frames` frames of the
 * scene at `width`×`height`, each shifted by up to `shake` pixels from the last.
 */
export async function cameraVideo(name, { width = 640, height = 480, frames = 24, fps = 30, shake = 3 } = {}) {
  const path = join(OUT, `${name}-${width}x${height}.y4m`);
  if (existsSync(path)) return path;
  const { scene } = CAMERA_VIDEOS[name];
  const margin = shake * 4;
  const big = await sharp(join(SCENES, scene))
    .resize(width + 2 * margin, height + 2 * margin, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer();
  const stride = width + 2 * margin;
  const noise = random(7);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  let dx = margin;
  let dy = margin;
  for (let f = 0; f < frames; f++) {
    dx = Math.max(0, Math.min(2 * margin, dx + Math.round((noise() - 0.5) * 2 * shake)));
    dy = Math.max(0, Math.min(2 * margin, dy + Math.round((noise() - 0.5) * 2 * shake)));
    const rgb = Buffer.alloc(width * height * 3);
    for (let row = 0; row < height; row++) {
      const from = ((row + dy) * stride + dx) * 3;
      big.copy(rgb, row * width * 3, from, from + width * 3);
    }
    parts.push(toI420(rgb, width, height, noise));
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path, Buffer.concat(parts));
  return path;
}
