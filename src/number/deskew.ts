/**
 * A number photographed askew (a sheet held up to a webcam at a slant, a phone turned as it
 * shoots): the slant of its line, found from where its marks lie, and the image turned so the
 * line runs level, to be read as any other. Document scanners and OCR engines deskew the same
 * way before they look for lines; the line finder alone follows a line to about 20°.
 */
import type { Box, WritingSurface } from '../classify/types.js';
import type { Component } from '../preprocess/components.js';
import type { Decoded } from '../preprocess/decode.js';
import type { DetailReader } from '../preprocess/detail.js';
import { WORKING_SIDE, type Chroma, type Luminance } from '../preprocess/luminance.js';
import type { NumberReading } from './line-reading.js';

/** Slants tried, either way, up to this (radians)… */
const MAX_SLANT = Math.PI / 4;
/** …in steps of this. */
const SLANT_STEP = Math.PI / 72;
/** A mark lies on a line when its middle is within this share of the marks' size of the line's. */
const ACROSS = 0.35;
/** …and within this many sizes of its neighbour along it. */
const ALONG = 2.5;
/** Marks at least this share of the typical one's size count (specks do not). */
const MARK_SIZE = 0.5;
/** At most this many marks are weighed (a page of text has thousands; its lines lean alike). */
const MAX_MARKS = 150;
/**
 * A slanted line is taken for the number only when it holds at least this share of the marks:
 * on a sheet of many lines, a grid's diagonals hold more marks than its rows (a real photo of 12
 * rows of "1234567890" was turned 45° and read as one diagonal line).
 */
const LINE_SHARE = 0.5;

/** The most marks that lie on one line of `centres` (sizes `size`) when the image is turned by `angle`. */
function marksOnLine(centres: Array<{ x: number; y: number }>, size: number, angle: number): number {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = centres.map(({ x, y }) => ({ along: x * cos + y * sin, across: -x * sin + y * cos }));
  let best = 0;
  for (const seed of turned) {
    const line = turned
      .filter((p) => Math.abs(p.across - seed.across) <= ACROSS * size)
      .map((p) => p.along)
      .sort((a, b) => a - b);
    let run = 1;
    for (let i = 1; i < line.length; i++) {
      run = line[i]! - line[i - 1]! <= ALONG * size ? run + 1 : 1;
      best = Math.max(best, run);
    }
    best = Math.max(best, run);
  }
  return best;
}

/** How the marks lie: the slant of the line holding most of them, and how many it holds. */
export interface Slant {
  /** Radians, clockwise in the image (y down): the line falls to the right when positive. */
  angle: number;
  /** Marks on the line at that slant. */
  marks: number;
}

/**
 * The slant at which most of `strokes`' digit-sized marks (in a `width`×`height` image) lie on
 * one line (the middle of the slants that tie), or null when there are fewer than three marks, or
 * when that line holds less than {@link LINE_SHARE} of them (a sheet of several lines is read as
 * it lies).
 */
export function writingSlant(strokes: Component[], width: number, height: number): Slant | null {
  const sizeOf = (c: Component): number => Math.max(c.box.width, c.box.height);
  // (Marks on the photo's edge are the desk or its dark corners, no writing.)
  const onEdge = ({ box }: Component): boolean =>
    box.x <= 0 || box.y <= 0 || box.x + box.width >= width || box.y + box.height >= height;
  const inside = strokes.filter((c) => !onEdge(c));
  const sizes = inside.map(sizeOf).sort((a, b) => b - a);
  if (sizes.length < 3) return null;
  // The typical mark: the median of those at least a third of the largest (a note's edge is one).
  const large = sizes.filter((s) => s >= sizes[0]! / 3);
  const size = large[large.length >> 1]!;
  const marks = inside.filter((c) => sizeOf(c) >= MARK_SIZE * size).slice(0, MAX_MARKS);
  if (marks.length < 3) return null;
  const centres = marks.map(({ box }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }));
  const steps = Math.round(MAX_SLANT / SLANT_STEP);
  const counts = new Map<number, number>();
  for (let k = -steps; k <= steps; k++) counts.set(k, marksOnLine(centres, size, k * SLANT_STEP));
  const most = Math.max(...counts.values());
  if (most < LINE_SHARE * marks.length) return null;
  // The slants that tie form a run around the true one (a short line fits a range of them).
  const tied = [...counts].filter(([, n]) => n === most).map(([k]) => k);
  const nearest = tied.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
  let from = nearest;
  let to = nearest;
  while (counts.get(from - 1) === most) from--;
  while (counts.get(to + 1) === most) to++;
  return { angle: ((from + to) / 2) * SLANT_STEP, marks: most };
}

/**
 * Bilinear sample of a `width`×`height` plane at (x, y) (pixel centres at .5), edges held. Not
 * coarse-image.ts's `bilinear()`: a detail read of a thin region may be one pixel wide or tall.
 */
function sample(values: Float32Array, width: number, height: number, x: number, y: number): number {
  const u = Math.min(width - 1, Math.max(0, x - 0.5));
  const v = Math.min(height - 1, Math.max(0, y - 0.5));
  const x0 = Math.min(width - 2, Math.floor(u));
  const y0 = Math.min(height - 2, Math.floor(v));
  if (x0 < 0 || y0 < 0) return values[Math.round(v) * width + Math.round(u)]!;
  const fx = u - x0;
  const fy = v - y0;
  const a = y0 * width + x0;
  return (
    (1 - fy) * ((1 - fx) * values[a]! + fx * values[a + 1]!) +
    fy * ((1 - fx) * values[a + width]! + fx * values[a + width + 1]!)
  );
}

/** Point maps between the turned image and the input (both in input-sized pixels). */
export interface Turn {
  /** The turned image's size. */
  width: number;
  height: number;
  /** A point of the turned image, in the input. */
  toInput(x: number, y: number): { x: number; y: number };
  /** A box of the turned image, as the input's box around it. */
  boxToInput(box: Box): Box;
}

/** The turn that makes a line at `angle` in a `width`×`height` input run level. */
export function turnFor(angle: number, width: number, height: number): Turn {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turnedWidth = Math.abs(width * cos) + Math.abs(height * sin);
  const turnedHeight = Math.abs(width * sin) + Math.abs(height * cos);
  const toInput = (x: number, y: number): { x: number; y: number } => {
    const dx = x - turnedWidth / 2;
    const dy = y - turnedHeight / 2;
    return { x: width / 2 + cos * dx - sin * dy, y: height / 2 + sin * dx + cos * dy };
  };
  return {
    width: turnedWidth,
    height: turnedHeight,
    toInput,
    // (Within the input: the turned image's corners past it are empty, and a box around a mark
    // turned back, such as a field's whole frame, may reach past it.)
    boxToInput: ({ x, y, width: w, height: h }) => {
      const corners = [toInput(x, y), toInput(x + w, y), toInput(x, y + h), toInput(x + w, y + h)];
      const left = Math.max(0, Math.min(...corners.map((p) => p.x)));
      const top = Math.max(0, Math.min(...corners.map((p) => p.y)));
      return {
        x: left,
        y: top,
        width: Math.max(0, Math.min(width, Math.max(...corners.map((p) => p.x))) - left),
        height: Math.max(0, Math.min(height, Math.max(...corners.map((p) => p.y))) - top),
      };
    },
  };
}

type Plane = Pick<Luminance, 'values' | 'width' | 'height'>;

/**
 * `region` of the turned image drawn at `size`: each pixel read from `plane` where it lies in
 * the input (`at` takes an input point to the plane's pixels).
 */
function drawTurned(
  plane: Plane,
  at: (p: { x: number; y: number }) => { x: number; y: number },
  turn: Turn,
  region: Box,
  size: { width: number; height: number },
): Float32Array {
  const out = new Float32Array(size.width * size.height);
  const kx = region.width / size.width;
  const ky = region.height / size.height;
  for (let j = 0; j < size.height; j++) {
    for (let i = 0; i < size.width; i++) {
      const q = at(turn.toInput(region.x + (i + 0.5) * kx, region.y + (j + 0.5) * ky));
      out[j * size.width + i] = sample(plane.values, plane.width, plane.height, q.x, q.y);
    }
  }
  return out;
}

/** A detail reader of the turned image: the input's region around it, read and turned. */
function turnedDetail(detail: DetailReader, turn: Turn, sourceWidth: number, sourceHeight: number): DetailReader {
  return (region, longest) => {
    const k = Math.min(1, longest / Math.max(region.width, region.height));
    const size = {
      width: Math.max(1, Math.round(region.width * k)),
      height: Math.max(1, Math.round(region.height * k)),
    };
    const around = turn.boxToInput(region);
    const x = Math.max(0, Math.floor(around.x));
    const y = Math.max(0, Math.floor(around.y));
    const width = Math.max(1, Math.min(sourceWidth, Math.ceil(around.x + around.width)) - x);
    const height = Math.max(1, Math.min(sourceHeight, Math.ceil(around.y + around.height)) - y);
    const seen = detail({ x, y, width, height }, Math.ceil(Math.max(width, height) * k));
    const sx = width / seen.width;
    const sy = height / seen.height;
    const values = drawTurned(seen, (p) => ({ x: (p.x - x) / sx, y: (p.y - y) / sy }), turn, region, size);
    return { values, width: size.width, height: size.height, scale: region.width / size.width };
  };
}

/**
 * `decoded` turned so a line at `angle` runs level: its working copy (and colour) drawn again at
 * the working size, its detail read from the input through the turn. The input is not copied.
 */
export function turnDecoded(decoded: Decoded, angle: number): { decoded: Decoded; turn: Turn } {
  const { luminance, sourceWidth, sourceHeight, detail } = decoded;
  const turn = turnFor(angle, sourceWidth, sourceHeight);
  const scale = Math.max(turn.width, turn.height) / WORKING_SIDE;
  const size = {
    width: Math.max(1, Math.round(turn.width / scale)),
    height: Math.max(1, Math.round(turn.height / scale)),
  };
  const whole = { x: 0, y: 0, width: turn.width, height: turn.height };
  const { width, height } = luminance;
  const working = (p: { x: number; y: number }): { x: number; y: number } => ({
    x: p.x / luminance.scale,
    y: p.y / luminance.scale,
  });
  const plane = (values: Float32Array): Float32Array =>
    drawTurned({ values, width, height }, working, turn, whole, size);
  const chroma: Chroma | undefined =
    luminance.chroma && luminance.chroma.width === width && luminance.chroma.height === height
      ? { redGreen: plane(luminance.chroma.redGreen), yellowBlue: plane(luminance.chroma.yellowBlue), ...size }
      : undefined;
  const turned: Luminance = {
    values: plane(luminance.values),
    ...size,
    scale: turn.width / size.width,
    ...(chroma ? { chroma } : {}),
  };
  return {
    decoded: {
      luminance: turned,
      sourceWidth: turn.width,
      sourceHeight: turn.height,
      ...(detail ? { detail: turnedDetail(detail, turn, sourceWidth, sourceHeight) } : {}),
    },
    turn,
  };
}

/**
 * A reading of the turned image in the input's pixels: each box the input's box around it (a
 * slanted digit's box holds the digit), the surface's corners where they lie in the input.
 */
export function readingToInput(reading: NumberReading, turn: Turn): NumberReading {
  const back = <T extends { box: Box }>(item: T): T => ({ ...item, box: turn.boxToInput(item.box) });
  const surface: WritingSurface | undefined = reading.surface && {
    ...reading.surface,
    corners: reading.surface.corners.map((p) => turn.toInput(p.x, p.y)),
  };
  return {
    ...back(reading),
    digits: reading.digits.map(back),
    notDigits: reading.notDigits.map(back),
    ...(surface ? { surface } : {}),
    ...(reading.lines ? { lines: reading.lines.map((line) => readingToInput(line, turn)) } : {}),
  };
}
