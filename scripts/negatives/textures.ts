/**
 * Synthesised textures (grain, fabric, wood, tiles, dots, foliage) and object-like blobs (a ball,
 * a pen, a phone, a mug, a key) with shading, as in a photo of something that is not writing.
 * Nothing here comes from a real photo.
 */
import type { Random } from '../train/random.js';
import { fillPath, type Point } from './pen.js';
import { cameraNoise, luminanceOf, newSheet, SHEET_SIZE, type Sheet } from './sheet.js';

/** Smooth value noise with `octaves` octaves, in [0, 1]. */
function fbm(size: number, rng: Random, cells: number, octaves: number): Float32Array {
  const out = new Float32Array(size * size);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const n = cells * 2 ** o + 1;
    const grid = Float32Array.from({ length: n * n }, () => rng.next());
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const gx = (x / size) * (n - 1);
        const gy = (y / size) * (n - 1);
        const x0 = Math.floor(gx);
        const y0 = Math.floor(gy);
        const fx = gx - x0;
        const fy = gy - y0;
        const sx = fx * fx * (3 - 2 * fx);
        const sy = fy * fy * (3 - 2 * fy);
        const at = (xx: number, yy: number): number => grid[Math.min(n - 1, yy) * n + Math.min(n - 1, xx)]!;
        const v =
          (1 - sy) * ((1 - sx) * at(x0, y0) + sx * at(x0 + 1, y0)) +
          sy * ((1 - sx) * at(x0, y0 + 1) + sx * at(x0 + 1, y0 + 1));
        out[y * size + x] = out[y * size + x]! + amp * v;
      }
    }
    total += amp;
    amp *= 0.5;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= total;
  return out;
}

type Texture = (size: number, rng: Random) => Float32Array;

const grain: Texture = (size, rng) => fbm(size, rng, 2 + rng.int(6), 3 + rng.int(3));

const stripes: Texture = (size, rng) => {
  const angle = rng.uniform(0, Math.PI);
  const period = rng.uniform(4, 18);
  const warp = fbm(size, rng, 3, 2);
  const bend = rng.uniform(0, 12);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x * Math.cos(angle) + y * Math.sin(angle) + bend * warp[y * size + x]!;
      out[y * size + x] = 0.5 + 0.5 * Math.sin((u / period) * Math.PI * 2);
    }
  }
  return out;
};

const wood: Texture = (size, rng) => {
  const noise = fbm(size, rng, 4, 3);
  const cx = rng.uniform(-size, 2 * size);
  const cy = rng.uniform(-size, 2 * size);
  const freq = rng.uniform(0.15, 0.5);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - cx, (y - cy) * 0.3) + 20 * noise[y * size + x]!;
      out[y * size + x] = 0.5 + 0.5 * Math.sin(r * freq);
    }
  }
  return out;
};

const weave: Texture = (size, rng) => {
  const cell = rng.uniform(5, 16);
  const line = rng.uniform(0.1, 0.35);
  const out = new Float32Array(size * size);
  const angle = rng.uniform(-0.3, 0.3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x * Math.cos(angle) + y * Math.sin(angle)) / cell;
      const v = (-x * Math.sin(angle) + y * Math.cos(angle)) / cell;
      const fu = u - Math.floor(u);
      const fv = v - Math.floor(v);
      const grout = fu < line || fv < line;
      const checker = (Math.floor(u) + Math.floor(v)) % 2 === 0;
      out[y * size + x] = grout ? 0 : checker ? 1 : 0.6;
    }
  }
  return out;
};

const dots: Texture = (size, rng) => {
  const spacing = rng.uniform(8, 22);
  const radius = spacing * rng.uniform(0.15, 0.4);
  const jitter = rng.uniform(0, 0.3) * spacing;
  const out = new Float32Array(size * size).fill(1);
  for (let gy = -1; gy < size / spacing + 1; gy++) {
    for (let gx = -1; gx < size / spacing + 1; gx++) {
      const cx = (gx + (gy % 2) * 0.5) * spacing + rng.uniform(-jitter, jitter);
      const cy = gy * spacing + rng.uniform(-jitter, jitter);
      for (let y = Math.max(0, Math.floor(cy - radius)); y < Math.min(size, cy + radius + 1); y++) {
        for (let x = Math.max(0, Math.floor(cx - radius)); x < Math.min(size, cx + radius + 1); x++) {
          if (Math.hypot(x - cx, y - cy) <= radius) out[y * size + x] = 0;
        }
      }
    }
  }
  return out;
};

const foliage: Texture = (size, rng) => {
  const sheet = newSheet(rng, size);
  const count = 20 + rng.int(40);
  for (let i = 0; i < count; i++) {
    const shade = Math.round(rng.uniform(20, 200));
    sheet.ctx.fillStyle = `rgb(${shade},${shade},${shade})`;
    sheet.ctx.beginPath();
    sheet.ctx.ellipse(
      rng.uniform(0, size),
      rng.uniform(0, size),
      size * rng.uniform(0.03, 0.12),
      size * rng.uniform(0.01, 0.05),
      rng.uniform(0, Math.PI),
      0,
      Math.PI * 2,
    );
    sheet.ctx.fill();
  }
  return luminanceOf(sheet);
};

export const TEXTURES: Readonly<Record<string, Texture>> = { grain, stripes, wood, weave, dots, foliage };

/** A texture filling the frame, with a random contrast and brightness. */
export function drawTexture(rng: Random): { values: Float32Array; size: number } {
  const size = SHEET_SIZE;
  const names = Object.keys(TEXTURES);
  const values = TEXTURES[names[rng.int(names.length)]!]!(size, rng);
  const low = rng.uniform(0, 0.5);
  const high = rng.uniform(Math.min(1, low + 0.25), 1);
  for (let i = 0; i < values.length; i++) values[i] = low + (high - low) * values[i]!;
  cameraNoise(values, rng);
  return { values, size };
}

/** A smooth closed outline around (cx, cy), radii rx × ry, with a little irregularity. */
function outline(cx: number, cy: number, rx: number, ry: number, rng: Random, squareness = 0): Point[] {
  const lumps = Array.from({ length: 3 }, () => [rng.uniform(-0.08, 0.08), rng.uniform(0, Math.PI * 2)] as const);
  return Array.from({ length: 48 }, (_, i) => {
    const t = (i / 48) * Math.PI * 2;
    let k = 1;
    lumps.forEach(([amp, phase], h) => (k += amp * Math.sin((h + 2) * t + phase)));
    const c = Math.cos(t);
    const s = Math.sin(t);
    // Superellipse: squareness 0 is an ellipse, towards 1 a rounded rectangle.
    const e = 2 / (1 + 3 * squareness);
    return [cx + rx * k * Math.sign(c) * Math.abs(c) ** e, cy + ry * k * Math.sign(s) * Math.abs(s) ** e] as Point;
  });
}

/** Fills with a shaded gradient, as a lit object. */
function shaded(sheet: Sheet, rng: Random, points: Point[]): void {
  const { ctx, size } = sheet;
  const dark = Math.round(rng.uniform(10, 140));
  const light = Math.min(255, dark + Math.round(rng.uniform(20, 110)));
  const g = ctx.createLinearGradient(rng.uniform(0, size), 0, rng.uniform(0, size), size);
  g.addColorStop(0, `rgb(${light},${light},${light})`);
  g.addColorStop(1, `rgb(${dark},${dark},${dark})`);
  ctx.fillStyle = g;
  fillPath(sheet, points);
}

/** Something lying on a light surface: ball, pen, phone, mug or key, with a soft shadow. */
export function drawObject(rng: Random): { values: Float32Array; size: number } {
  const sheet = newSheet(rng);
  const { ctx, size: s } = sheet;
  const kind = rng.int(5);
  const c = s / 2;
  ctx.save();
  ctx.translate(c, c);
  ctx.rotate(rng.uniform(0, Math.PI * 2));
  ctx.translate(-c, -c);
  ctx.shadowColor = 'rgba(0,0,0,0.35)';
  ctx.shadowBlur = rng.uniform(2, 10);
  ctx.shadowOffsetX = rng.uniform(-5, 5);
  ctx.shadowOffsetY = rng.uniform(0, 6);
  if (kind === 0) {
    const r = s * rng.uniform(0.2, 0.35);
    shaded(sheet, rng, outline(c, c, r, r * rng.uniform(0.85, 1.1), rng));
  } else if (kind === 1) {
    shaded(sheet, rng, outline(c, c, s * rng.uniform(0.3, 0.42), s * rng.uniform(0.04, 0.08), rng, 0.6));
    ctx.shadowColor = 'rgba(0,0,0,0)';
    ctx.fillStyle = 'rgb(30,30,30)';
    fillPath(sheet, outline(c + s * 0.36, c, s * 0.04, s * 0.03, rng));
  } else if (kind === 2) {
    shaded(sheet, rng, outline(c, c, s * rng.uniform(0.18, 0.25), s * rng.uniform(0.3, 0.4), rng, 0.85));
    ctx.shadowColor = 'rgba(0,0,0,0)';
    ctx.fillStyle = `rgb(${rng.int(60)},${rng.int(60)},${rng.int(80)})`;
    fillPath(sheet, outline(c, c, s * 0.15, s * 0.27, rng, 0.9));
  } else if (kind === 3) {
    shaded(sheet, rng, outline(c - s * 0.05, c, s * 0.22, s * 0.28, rng, 0.7));
    ctx.lineWidth = s * 0.05;
    ctx.strokeStyle = ctx.fillStyle;
    ctx.beginPath();
    ctx.ellipse(c + s * 0.2, c, s * 0.1, s * 0.13, 0, 0, Math.PI * 2);
    ctx.stroke();
  } else {
    shaded(sheet, rng, outline(c - s * 0.2, c, s * 0.14, s * 0.14, rng));
    shaded(sheet, rng, outline(c + s * 0.12, c, s * 0.25, s * 0.035, rng, 0.8));
    for (let i = 0; i < 3; i++)
      fillPath(sheet, outline(c + s * (0.12 + i * 0.08), c + s * 0.05, s * 0.02, s * 0.04, rng, 0.8));
  }
  ctx.restore();
  const values = luminanceOf(sheet);
  cameraNoise(values, rng);
  return { values, size: s };
}
