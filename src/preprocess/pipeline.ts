/**
 * The whole preprocessing after decoding, on plain arrays (so it runs in Node and in the
 * browser alike): luminance → ink → the digit's strokes → stroke weight → MNIST's 28×28.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Polarity, Preprocessed, WritingSurface } from '../classify/types.js';
import { cleanDrawingPaper, type CleanPaper } from './clean-drawing.js';
import { digitComponents, labelComponents, type Component } from './components.js';
import { extractInk, type InkOptions } from './ink.js';
import type { DetailReader } from './detail.js';
import { shrink, type Luminance } from './luminance.js';
import type { Point, RowSpans } from './polygon.js';
import { normalizeDigit } from './cut-out.js';
import { MODEL_SIZE, type Box } from './mnist-normalize.js';
import { findSurface, surfaceSpans, type Surface } from './surface.js';
import { isRuling, type Extent } from './rulings.js';
import { withoutStraightLines } from './straight.js';

export { cutOutInk, normalizeCutOut, normalizeDigit, type InkCutOut, type NormalizedDigit } from './cut-out.js';

/** Ink contrast (in luminance) below which the image counts as blank. */
const MIN_CONTRAST = 0.08;
/** The ink of a decoded image and its connected strokes, at working resolution. */
export interface InkAnalysis {
  ink: Float32Array;
  labels: Int32Array;
  components: Component[];
  width: number;
  height: number;
  /** Input pixels per working pixel. */
  scale: number;
  polarity: Polarity;
  /** The writing surface the ink was read inside, when the image is a scene (see surface.ts). */
  surface: Surface | null;
  /** Size of the page the ink lies on: the surface's when there is one, else the image's. */
  page: Extent;
  /** Read inside the outline of a surface found before (a line of digits on a note read up close). */
  withinOutline?: boolean;
  /** How many long, thin marks were taken for the rules of a ruled sheet (no ink). */
  rulings: number;
}

/**
 * Sets `touchesBorder` of the components with a pixel on the edge of `inside`; with
 * `outlineOnly`, not where that edge is the image's own (a crop lying partly inside a note).
 */
export function markOutlineContact(
  components: Component[],
  labels: Int32Array,
  inside: RowSpans,
  outlineOnly = false,
): void {
  const { width, height, from, to } = inside;
  const touching = new Set<number>();
  const rows = [];
  for (let y = 0; y < height; y++) if (from[y]! < to[y]!) rows.push(y);
  for (const y of rows) {
    if (!outlineOnly || from[y]! > 0) touching.add(labels[y * width + from[y]!]!);
    if (!outlineOnly || to[y]! < width) touching.add(labels[y * width + to[y]! - 1]!);
  }
  for (const y of [rows[0], rows[rows.length - 1]]) {
    if (y === undefined || (outlineOnly && (y === 0 || y === height - 1))) continue;
    for (let x = from[y]!; x < to[y]!; x++) touching.add(labels[y * width + x]!);
  }
  touching.delete(0);
  for (const c of components) if (touching.has(c.id)) c.touchesBorder = true;
}

/** Width and height of a polygon's bounding box. */
function extentOf(polygon: Point[]): Extent {
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** How {@link analyseInk} reads the ink. */
export interface AnalyseOptions extends InkOptions {
  /** Look for a writing surface (a note on a desk) and read ink only inside it. */
  findSurface?: boolean;
  /**
   * The ink is a line of digits (`readNumber()`): an upright bar in line with other marks of its
   * height is a 1, however far it stands from them.
   */
  numberLine?: boolean;
  /**
   * Longest side of the working copy (default `WORKING_SIDE`): a long, thin crop (a line of
   * digits) may be read wider for the same number of pixels.
   */
  maxSide?: number;
}

/** Luminance → ink and its strokes; `EMPTY_IMAGE` when there is no ink at all. */
export function analyseInk(input: Luminance, options: AnalyseOptions = {}): InkAnalysis {
  const image = shrink(input, options.maxSide);
  const { width, height } = image;
  // A clean drawing's paper, when known, says there is no surface to look for.
  const { paper } = options;
  const surface = options.findSurface && !paper ? findSurface(image) : null;
  const inside = surface ? surfaceSpans(surface, width, height) : null;
  // A scene's looks are made for the blocks' level (see InkOptions.followShadows).
  const followShadows = options.followShadows === true && !surface;
  const inkMap = extractInk(image, { ...options, followShadows, ...(inside ? { inside } : {}) });
  const blank = inkMap.contrast < MIN_CONTRAST;
  const { labels, components: all } = blank
    ? { labels: new Int32Array(0), components: [] }
    : labelComponents(inkMap.ink, width, height);
  const page = surface ? extentOf(surface.inner) : { width, height };
  // What is left of the sheet's edge hugs the outline ink is read inside: it touches the border
  // of what can be seen, as a page's edge touches the image's.
  if (inside) markOutlineContact(all, labels, inside);
  // A line of digits read up close inside a note's outline: the note's edge may show along it.
  const withinOutline = !inside && options.inside !== undefined && options.numberLine === true;
  if (withinOutline) markOutlineContact(all, labels, options.inside!, true);
  const unruled = all.filter((c) => !isRuling(c, labels, { width, height }, page, surface !== null));
  const components = withoutStraightLines(
    unruled,
    labels,
    width,
    page,
    surface?.inner ?? null,
    options.numberLine ?? false,
  );
  if (surface && !surface.light && components.length === 0) {
    // A dark shape with nothing written in it is more likely a blot of ink than a blank screen.
    return analyseInk(image, { ...options, findSurface: false });
  }
  if (blank) throw new DigitRecognizerError('EMPTY_IMAGE', 'No digit found: the image looks blank.');
  return {
    ink: inkMap.ink,
    labels,
    components,
    width,
    height,
    scale: image.scale,
    polarity: inkMap.polarity,
    surface,
    page,
    ...(withinOutline ? { withinOutline } : {}),
    rulings: all.length - unruled.length,
  };
}

/** Scales a working-pixel box back to the input's pixels. */
export function toInputBox(box: Box, scale: number): Box {
  return { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
}

/** A decoded image: a working copy, and optionally a way to read regions in full detail. */
export interface DecodedImage {
  luminance: Luminance;
  sourceWidth: number;
  sourceHeight: number;
  detail?: DetailReader | undefined;
}

/** Digits smaller than this (working pixels) are read again from the full-resolution image. */
const DETAIL_BELOW = 112;
/** Longest side of that second look. */
const DETAIL_SIDE = 128;
/** Margin around the digit in the second look, as a share of its longest side. */
const DETAIL_MARGIN = 0.15;
/** Lighting blocks across the second look: a crop's lighting is nearly even. */
const DETAIL_BLOCKS = 4;

/** `box` grown by `margin` on every side, in whole pixels, within a `width`×`height` image. */
export function regionAround(box: Box, margin: number, width: number, height: number): Box {
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  return {
    x,
    y,
    width: Math.min(width, Math.ceil(box.x + box.width + margin)) - x,
    height: Math.min(height, Math.ceil(box.y + box.height + margin)) - y,
  };
}

/** The surface's outline in the input's pixels, as `preprocess()` reports it. */
export function surfaceOutline(surface: Surface, scale: number): WritingSurface {
  return {
    corners: surface.corners.map((p) => ({ x: p.x * scale, y: p.y * scale })),
    tone: surface.light ? 'light' : 'dark',
  };
}

/**
 * The surface's inside (working pixels, `scale` input pixels each), as spans of a crop read again
 * from `region` of the input at `crop.scale` input pixels a pixel: the second look keeps the
 * sheet's edge out as the first did.
 */
export function surfaceInCrop(surface: Surface, scale: number, region: Box, crop: Luminance): RowSpans {
  const k = scale / crop.scale;
  return surfaceSpans(surface, crop.width, crop.height, (p) => ({
    x: p.x * k - region.x / crop.scale,
    y: p.y * k - region.y / crop.scale,
  }));
}

/** A clean drawing's digit is read from a copy in which its ink is at least this many pixels across. */
const DRAWING_INK_SIDE = 96;

/**
 * A clean drawing (see clean-drawing.ts) shrunk by whole blocks while its ink stays
 * {@link DRAWING_INK_SIDE} pixels across: a digit drawn big on a drawing pad is read from a
 * quarter of the pixels or fewer, as well as from all of them (MNIST's digits are 20 pixels
 * tall). The first reading on a page runs before the browser has compiled the preprocessing,
 * when every pixel of every pass costs. Anything else is returned as it is.
 */
function atReadingSize(image: Luminance, paper: CleanPaper | null): Luminance {
  if (!paper?.ink) return image;
  const factor = Math.floor(Math.max(paper.ink.width, paper.ink.height) / DRAWING_INK_SIDE);
  return factor < 2 ? image : shrink(image, Math.ceil(Math.max(image.width, image.height) / factor));
}

/**
 * Runs the pipeline: a first look at a small copy of the whole image finds the digit; when the
 * image is bigger than that copy and the digit small in it, a second look at the digit's region
 * in full resolution reads its strokes in detail.
 */
export function preprocessImage(decoded: DecodedImage): Preprocessed {
  const { sourceWidth, sourceHeight } = decoded;
  const paper = cleanDrawingPaper(decoded.luminance);
  const luminance = atReadingSize(decoded.luminance, paper);
  // Working pixels of the decoded copy per pixel read (a big drawing is read smaller).
  const drawingScale = luminance.scale / decoded.luminance.scale;
  const analysis = analyseInk(luminance, { findSurface: true, followShadows: true, ...(paper ? { paper } : {}) });
  const kept = digitComponents(
    analysis.components,
    analysis.page.width,
    analysis.page.height,
    analysis.surface !== null,
  );
  const digit = kept.length > 0 ? normalizeDigit(analysis, new Set(kept.map((c) => c.id))) : null;
  if (!digit) {
    throw new DigitRecognizerError('EMPTY_IMAGE', 'No digit found: the image has no strokes, only specks.');
  }
  let result: Preprocessed = {
    pixels: digit.pixels,
    width: MODEL_SIZE,
    height: MODEL_SIZE,
    box: toInputBox(digit.box, analysis.scale),
    polarity: analysis.polarity,
    sourceWidth,
    sourceHeight,
    inkCoverage: digit.inkCoverage,
    ...(analysis.surface ? { surface: surfaceOutline(analysis.surface, analysis.scale) } : {}),
  };
  const side = Math.max(digit.box.width, digit.box.height) * drawingScale;
  if (decoded.detail && analysis.scale > 1.01 && side < DETAIL_BELOW) {
    const box = result.box;
    const margin = DETAIL_MARGIN * Math.max(box.width, box.height) + 2 * analysis.scale;
    const region = regionAround(box, margin, sourceWidth, sourceHeight);
    try {
      const crop = decoded.detail(region, DETAIL_SIDE);
      const close = analyseInk(crop, {
        polarity: analysis.polarity,
        blocksAcross: DETAIL_BLOCKS,
        followShadows: !analysis.surface,
        ...(analysis.surface ? { inside: surfaceInCrop(analysis.surface, analysis.scale, region, crop) } : {}),
      });
      const strokes = digitComponents(close.components, close.width, close.height);
      const detailed = strokes.length > 0 ? normalizeDigit(close, new Set(strokes.map((c) => c.id))) : null;
      if (detailed) {
        const inCrop = toInputBox(detailed.box, crop.scale);
        result = {
          ...result,
          pixels: detailed.pixels,
          box: { ...inCrop, x: inCrop.x + region.x, y: inCrop.y + region.y },
          inkCoverage: detailed.inkCoverage,
        };
      }
    } catch (error) {
      // The first look stands when the second finds nothing (e.g. ink too faint up close).
      if (!(error instanceof DigitRecognizerError)) throw error;
    }
  }
  return result;
}
