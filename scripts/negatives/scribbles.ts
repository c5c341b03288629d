/**
 * Marks that are not writing: scribbles, zigzags, random strokes, hatching, smudges and ink blots.
 * Each has several strokes or turns: a single straight line is a 1 and is never drawn here.
 */
import type { Random } from '../train/random.js';
import { fillPath, line, penWidth, strokePath, wobble, type Point } from './pen.js';
import { cameraNoise, elasticWarp, luminanceOf, newSheet, type Sheet } from './sheet.js';

/** A random walk with momentum: a pen moving without lifting. */
function scribble(sheet: Sheet, rng: Random): void {
  const s = sheet.size;
  const steps = 30 + rng.int(80);
  let x = s * rng.uniform(0.3, 0.7);
  let y = s * rng.uniform(0.3, 0.7);
  let heading = rng.uniform(0, Math.PI * 2);
  const turn = rng.uniform(0.3, 1.2);
  const step = s * rng.uniform(0.02, 0.05);
  const pts: Point[] = [[x, y]];
  for (let i = 0; i < steps; i++) {
    heading += rng.normal() * turn;
    x += step * Math.cos(heading);
    y += step * Math.sin(heading);
    // Turn back towards the middle near the edges.
    if (x < s * 0.12 || x > s * 0.88 || y < s * 0.12 || y > s * 0.88) {
      heading = Math.atan2(s / 2 - y, s / 2 - x) + rng.uniform(-0.5, 0.5);
      x = Math.min(s * 0.9, Math.max(s * 0.1, x));
      y = Math.min(s * 0.9, Math.max(s * 0.1, y));
    }
    pts.push([x, y]);
  }
  strokePath(sheet, pts, penWidth(rng, s) * rng.uniform(0.5, 1));
}

/** A zigzag or a loop-de-loop line across the sheet. */
function zigzag(sheet: Sheet, rng: Random): void {
  const s = sheet.size;
  const teeth = 4 + rng.int(8);
  const loops = rng.chance(0.4);
  const amp = s * rng.uniform(0.1, 0.3);
  const pts: Point[] = [];
  const n = teeth * (loops ? 8 : 2) + 1;
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const phase = t * teeth * Math.PI * 2;
    const x = s * (0.12 + 0.76 * t) + (loops ? amp * 0.6 * Math.cos(phase) : 0);
    const y = s / 2 + (loops ? amp * Math.sin(phase) : i % 2 === 0 ? -amp : amp);
    pts.push([x, y]);
  }
  const angle = rng.uniform(-0.6, 0.6);
  const c = s / 2;
  const rotated = pts.map(([x, y]): Point => [
    c + (x - c) * Math.cos(angle) - (y - c) * Math.sin(angle),
    c + (x - c) * Math.sin(angle) + (y - c) * Math.cos(angle),
  ]);
  strokePath(sheet, wobble(rotated, rng, s * 0.01), penWidth(rng, s) * rng.uniform(0.5, 1));
}

/** A few unrelated strokes: open curves and angles scattered over the sheet. */
function strokes(sheet: Sheet, rng: Random): void {
  const s = sheet.size;
  const count = 3 + rng.int(4);
  const width = penWidth(rng, s);
  for (let k = 0; k < count; k++) {
    const corners = 2 + rng.int(3);
    const pts: Point[] = [];
    for (let i = 0; i < corners; i++) pts.push([s * rng.uniform(0.12, 0.88), s * rng.uniform(0.12, 0.88)]);
    const dense = pts.flatMap((p, i) => (i === 0 ? [p] : line(pts[i - 1]!, p, 6).slice(1)));
    strokePath(sheet, wobble(dense, rng, s * 0.01), width);
  }
}

/** Parallel lines, sometimes crossed by a second set. */
function hatching(sheet: Sheet, rng: Random): void {
  const s = sheet.size;
  const sets = rng.chance(0.4) ? 2 : 1;
  const width = penWidth(rng, s) * rng.uniform(0.4, 0.8);
  const lines = 4 + rng.int(8);
  const extent = s * rng.uniform(0.5, 0.8);
  let angle = rng.uniform(0, Math.PI);
  for (let set = 0; set < sets; set++) {
    const gap = extent / lines;
    for (let i = 0; i < lines; i++) {
      const offset = -extent / 2 + (i + 0.5) * gap;
      const half = extent / 2 + rng.uniform(-0.15, 0.05) * extent;
      const cx = s / 2 + offset * Math.cos(angle + Math.PI / 2);
      const cy = s / 2 + offset * Math.sin(angle + Math.PI / 2);
      const a: Point = [cx - half * Math.cos(angle), cy - half * Math.sin(angle)];
      const b: Point = [cx + half * Math.cos(angle), cy + half * Math.sin(angle)];
      strokePath(sheet, wobble(line(a, b, 6), rng, s * 0.006), width);
    }
    angle += rng.uniform(0.6, 1.4);
  }
}

/** Soft grey smears, as of a thumb or an eraser. */
function smudge(sheet: Sheet, rng: Random): void {
  const { ctx, size: s } = sheet;
  const count = 2 + rng.int(5);
  for (let i = 0; i < count; i++) {
    const x = s * rng.uniform(0.25, 0.75);
    const y = s * rng.uniform(0.25, 0.75);
    const r = s * rng.uniform(0.08, 0.3);
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    const a = rng.uniform(0.3, 0.85);
    g.addColorStop(0, `rgba(40,40,45,${a.toFixed(3)})`);
    g.addColorStop(1, 'rgba(40,40,45,0)');
    ctx.fillStyle = g;
    ctx.save();
    ctx.translate(x, y);
    ctx.scale(rng.uniform(0.6, 2), rng.uniform(0.4, 1));
    ctx.rotate(rng.uniform(0, Math.PI));
    ctx.translate(-x, -y);
    ctx.fillRect(0, 0, s, s);
    ctx.restore();
  }
}

/** An ink blot: a filled irregular shape with splashes around it. */
function blot(sheet: Sheet, rng: Random): void {
  const s = sheet.size;
  const cx = s * rng.uniform(0.4, 0.6);
  const cy = s * rng.uniform(0.4, 0.6);
  const r = s * rng.uniform(0.15, 0.32);
  const harmonics = Array.from({ length: 5 }, () => [rng.uniform(-0.25, 0.25), rng.uniform(0, Math.PI * 2)] as const);
  const pts: Point[] = [];
  for (let i = 0; i < 48; i++) {
    const t = (i / 48) * Math.PI * 2;
    let k = 1;
    harmonics.forEach(([amp, phase], h) => (k += amp * Math.sin((h + 2) * t + phase)));
    pts.push([cx + r * k * Math.cos(t), cy + r * k * Math.sin(t) * rng.uniform(0.97, 1.03)]);
  }
  fillPath(sheet, pts);
  const splashes = rng.int(6);
  for (let i = 0; i < splashes; i++) {
    const t = rng.uniform(0, Math.PI * 2);
    const d = r * rng.uniform(1.2, 1.8);
    sheet.ctx.beginPath();
    sheet.ctx.arc(cx + d * Math.cos(t), cy + d * Math.sin(t), s * rng.uniform(0.015, 0.05), 0, Math.PI * 2);
    sheet.ctx.fill();
  }
}

const MARKS = { scribble, zigzag, strokes, hatching, smudge, blot } as const;
/** The kinds of marks, by name. */
export const SCRIBBLE_KINDS = Object.keys(MARKS) as Array<keyof typeof MARKS>;

/** One mark of a random kind. */
export function drawScribble(rng: Random): { values: Float32Array; size: number } {
  const sheet = newSheet(rng);
  MARKS[SCRIBBLE_KINDS[rng.int(SCRIBBLE_KINDS.length)]!](sheet, rng);
  let values = luminanceOf(sheet);
  if (rng.chance(0.4)) values = elasticWarp(values, sheet.size, rng, rng.uniform(1, 4));
  cameraNoise(values, rng);
  return { values, size: sheet.size };
}
