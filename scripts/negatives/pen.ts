/** A hand-held pen: polylines with a wobble, in a stroke width that varies from sheet to sheet. */
import type { Random } from '../train/random.js';
import type { Sheet } from './sheet.js';

export type Point = [number, number];

/** A pen width for this sheet: fine liner to marker, as a share of the sheet. */
export function penWidth(rng: Random, size: number): number {
  return size * (rng.chance(0.3) ? rng.uniform(0.012, 0.03) : rng.uniform(0.03, 0.09));
}

/** Points along a smooth random offset of `points` (a hand never draws a straight line). */
export function wobble(points: readonly Point[], rng: Random, amount: number): Point[] {
  const phase = rng.uniform(0, Math.PI * 2);
  const freq = rng.uniform(0.5, 2);
  return points.map(([x, y], i) => [
    x + amount * (Math.sin(phase + i * freq * 0.3) + rng.uniform(-0.4, 0.4)),
    y + amount * (Math.cos(phase * 1.3 + i * freq * 0.27) + rng.uniform(-0.4, 0.4)),
  ]);
}

/** Strokes a polyline (closed or not) through `points`, with quadratic smoothing. */
export function strokePath(sheet: Sheet, points: readonly Point[], width: number, closed = false): void {
  const { ctx } = sheet;
  if (points.length < 2) return;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(points[0]![0], points[0]![1]);
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i]!;
    const [nx, ny] = points[i + 1]!;
    ctx.quadraticCurveTo(x, y, (x + nx) / 2, (y + ny) / 2);
  }
  const last = points[points.length - 1]!;
  ctx.lineTo(last[0], last[1]);
  if (closed) ctx.closePath();
  ctx.stroke();
}

/** Fills a closed polygon. */
export function fillPath(sheet: Sheet, points: readonly Point[]): void {
  const { ctx } = sheet;
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fill();
}

/** `n` points on an ellipse around (cx, cy), from angle `from` to `to`. */
export function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const t = from + ((to - from) * i) / (n - 1);
    return [cx + rx * Math.cos(t), cy + ry * Math.sin(t)] as Point;
  });
}

/** Points of a segment from a to b, `n` of them (for a wobble to act on). */
export function line(a: Point, b: Point, n = 8): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as Point;
  });
}

/** Rotates, scales and moves points about the sheet's centre. */
export function place(points: readonly Point[], size: number, scale: number, angle: number, shift: Point): Point[] {
  const c = size / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map(([x, y]) => {
    const dx = (x - c) * scale;
    const dy = (y - c) * scale;
    return [c + shift[0] + dx * cos - dy * sin, c + shift[1] + dx * sin + dy * cos];
  });
}
