/**
 * Drawn shapes people doodle: star, heart, smiley, spiral, tick, cross, arrow, sun, flower,
 * house, cloud, triangle. No plain circle, ellipse, square or other closed loop (a 0), and no
 * vertical or slanted arrow (a 1 with a flag).
 */
import type { Random } from '../train/random.js';
import { arc, line, penWidth, place, strokePath, wobble, type Point } from './pen.js';
import { cameraNoise, elasticWarp, luminanceOf, newSheet } from './sheet.js';

type Shape = (s: number, rng: Random) => Point[][];

const star: Shape = (s, rng) => {
  const points = rng.chance(0.7) ? 5 : 6;
  const c = s / 2;
  const r = s * 0.36;
  if (points === 5 && rng.chance(0.5)) {
    // The one-stroke pentagram.
    return [Array.from({ length: 6 }, (_, i) => arcPoint(c, c, r, -Math.PI / 2 + (i * 4 * Math.PI) / 5))];
  }
  const inner = r * rng.uniform(0.35, 0.55);
  const outline = Array.from({ length: points * 2 + 1 }, (_, i) =>
    arcPoint(c, c, i % 2 === 0 ? r : inner, -Math.PI / 2 + (i * Math.PI) / points),
  );
  return [outline];
};

function arcPoint(cx: number, cy: number, r: number, t: number): Point {
  return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
}

const heart: Shape = (s) => {
  const c = s / 2;
  const k = s * 0.022;
  const pts: Point[] = [];
  for (let i = 0; i <= 40; i++) {
    const t = (i / 40) * Math.PI * 2;
    const x = 16 * Math.sin(t) ** 3;
    const y = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
    pts.push([c + k * x, c - k * y]);
  }
  return [pts];
};

const smiley: Shape = (s, rng) => {
  const c = s / 2;
  const r = s * 0.36;
  const eye = s * rng.uniform(0.03, 0.05);
  return [
    arc(c, c, r, r * rng.uniform(0.9, 1.1), 0, Math.PI * 2, 32),
    arc(c - r * 0.38, c - r * 0.3, eye, eye * 1.3, 0, Math.PI * 2, 10),
    arc(c + r * 0.38, c - r * 0.3, eye, eye * 1.3, 0, Math.PI * 2, 10),
    arc(c, c + r * 0.05, r * 0.55, r * rng.uniform(0.3, 0.5), 0.2, Math.PI - 0.2, 14),
  ];
};

const spiral: Shape = (s, rng) => {
  const c = s / 2;
  const turns = rng.uniform(2.2, 3.5);
  const n = Math.round(turns * 24);
  const r = s * 0.38;
  const dir = rng.chance(0.5) ? 1 : -1;
  return [
    Array.from({ length: n }, (_, i) => {
      const t = i / (n - 1);
      return arcPoint(c, c, r * (0.05 + 0.95 * t), dir * t * turns * Math.PI * 2);
    }),
  ];
};

const tick: Shape = (s, rng) => {
  const a: Point = [s * 0.2, s * rng.uniform(0.45, 0.6)];
  const b: Point = [s * rng.uniform(0.38, 0.45), s * 0.78];
  const c: Point = [s * 0.82, s * rng.uniform(0.15, 0.3)];
  return [[...line(a, b, 5), ...line(b, c, 8).slice(1)]];
};

const cross: Shape = (s) => [
  line([s * 0.2, s * 0.2], [s * 0.8, s * 0.8]),
  line([s * 0.8, s * 0.2], [s * 0.2, s * 0.8]),
];

const arrow: Shape = (s, rng) => {
  const y = s / 2;
  const head = s * rng.uniform(0.12, 0.2);
  if (rng.chance(0.3)) {
    // A curved arrow.
    const body = arc(s / 2, s * 0.65, s * 0.32, s * 0.3, Math.PI, Math.PI * 1.9, 16);
    const end = body[body.length - 1]!;
    return [body, [[end[0] - head, end[1] - head * 0.2], end, [end[0] - head * 0.1, end[1] + head]]];
  }
  return [
    line([s * 0.12, y], [s * 0.88, y]),
    [
      [s * 0.88 - head, y - head],
      [s * 0.88, y],
      [s * 0.88 - head, y + head],
    ],
  ];
};

const sun: Shape = (s, rng) => {
  const c = s / 2;
  const r = s * 0.18;
  const rays = 6 + rng.int(5);
  return [
    arc(c, c, r, r, 0, Math.PI * 2, 20),
    ...Array.from({ length: rays }, (_, i) => {
      const t = (i * Math.PI * 2) / rays;
      return [arcPoint(c, c, r * 1.35, t), arcPoint(c, c, r * 2.1, t)];
    }),
  ];
};

const flower: Shape = (s, rng) => {
  const c = s / 2;
  const petals = 5 + rng.int(3);
  const pts: Point[] = [];
  for (let i = 0; i <= 80; i++) {
    const t = (i / 80) * Math.PI * 2;
    const r = s * (0.2 + 0.16 * Math.abs(Math.cos((petals / 2) * t)));
    pts.push(arcPoint(c, c, r, t));
  }
  return [pts, arc(c, c, s * 0.07, s * 0.07, 0, Math.PI * 2, 10)];
};

const house: Shape = (s) => [
  [
    [s * 0.22, s * 0.45],
    [s * 0.22, s * 0.82],
    [s * 0.78, s * 0.82],
    [s * 0.78, s * 0.45],
    [s * 0.5, s * 0.18],
    [s * 0.22, s * 0.45],
    [s * 0.78, s * 0.45],
  ],
  [
    [s * 0.43, s * 0.82],
    [s * 0.43, s * 0.62],
    [s * 0.57, s * 0.62],
    [s * 0.57, s * 0.82],
  ],
];

const cloud: Shape = (s) => {
  const pts: Point[] = [];
  const bumps: Array<[number, number, number]> = [
    [0.3, 0.58, 0.12],
    [0.42, 0.42, 0.15],
    [0.6, 0.4, 0.14],
    [0.73, 0.56, 0.12],
  ];
  for (const [x, y, r] of bumps) pts.push(...arc(s * x, s * y, s * r, s * r, Math.PI * 0.8, Math.PI * 2.1, 8));
  pts.push([s * 0.3, s * 0.7]);
  return [pts];
};

const polygon =
  (corners: number): Shape =>
  (s, rng) => {
    const c = s / 2;
    const r = s * 0.38;
    const start = rng.uniform(0, Math.PI * 2);
    return [Array.from({ length: corners + 1 }, (_, i) => arcPoint(c, c, r, start + (i * Math.PI * 2) / corners))];
  };

/** Every doodle, by name; the contact sheet and the model card list them. */
export const DOODLES: Readonly<Record<string, Shape>> = {
  star,
  heart,
  smiley,
  spiral,
  tick,
  cross,
  arrow,
  sun,
  flower,
  house,
  cloud,
  triangle: polygon(3),
};

/** One doodle, hand-drawn: luminance of a sheet. */
export function drawDoodle(rng: Random): { values: Float32Array; size: number } {
  const sheet = newSheet(rng);
  const names = Object.keys(DOODLES);
  const shape = DOODLES[names[rng.int(names.length)]!]!;
  const s = sheet.size;
  const width = penWidth(rng, s);
  const scale = rng.uniform(0.7, 1.05);
  const angle = rng.uniform(-0.35, 0.35);
  const shift: Point = [rng.uniform(-0.08, 0.08) * s, rng.uniform(-0.08, 0.08) * s];
  for (const stroke of shape(s, rng)) {
    strokePath(sheet, wobble(place(stroke, s, scale, angle, shift), rng, s * rng.uniform(0.003, 0.015)), width);
  }
  let values = luminanceOf(sheet);
  if (rng.chance(0.5)) values = elasticWarp(values, s, rng, rng.uniform(1, 4));
  cameraNoise(values, rng);
  return { values, size: s };
}
