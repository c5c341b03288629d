/**
 * The writing surface in a scene: a note, card, page or screen lying inside the frame, found
 * the way document scanners find a page, on a coarse copy of the image:
 * 1. shrink to about 128 px and take a 3×3 median, so handwriting and fine texture (wood grain,
 *    a mat's grid, a weave) fade into their surroundings (coarse-image.ts);
 * 2. split light from dark (Otsu) and take the largest regions of each tone, opened (a pen
 *    touching the note stays apart) and with holes filled (the writing on a note is a hole in
 *    it), or, where the light one runs across the frame, its parts split by their own tones (a
 *    note on a second sheet); failing that, regions unlike the desk in colour (a pink note on
 *    light oak, cream paper on a grey table: surface-colour.ts), then the areas that sharp edges
 *    (of brightness or colour) enclose (paper on paper), strong edges first;
 * 3. keep a region only if it looks like a sheet: convex with four straight sides, mostly of one
 *    tone, a real step in brightness (or colour) from what is around it, with a *sharp* edge (a
 *    shadow or a vignette is soft), not the whole frame nor a wide band across it; of several, the
 *    sharpest and largest, seen whole rather than running off the frame;
 * 4. the lines of its four sides meet at the outline's corners; the ink is read only inside
 *    that outline moved inwards, so the sheet's edge and its shadow are never ink.
 * No surface (a crop, a canvas drawing, a page filling the frame) leaves today's path unchanged.
 */
import { coarseCopy, otsu, type Grid } from './coarse-image.js';
import { channels, edgeMaps, MIN_EDGE_STEP, sharpEdgeShare, type Channel } from './edge-sharpness.js';
import type { Luminance } from './luminance.js';
import {
  fitQuadrilateral,
  insetPolygon,
  polygonArea,
  polygonSpans,
  simplifyPolygon,
  type Point,
  type RowSpans,
} from './polygon.js';
import { isCleanDrawing } from './clean-drawing.js';
import { borderShare, spansFrame } from './frame-contact.js';
import { closeRegion, compactness, edgeRegions, fillHoles, largestRegions, openRegion, regionHull } from './regions.js';
import { colourRegions } from './surface-colour.js';

/** A writing surface found in the working image. */
export interface Surface {
  /** The outline's corners, in working pixels. */
  corners: Point[];
  /** The outline moved inwards past the sheet's edge: where ink is read. */
  inner: Point[];
  /** Is the surface lighter than what is around it (paper) or darker (a screen)? */
  light: boolean;
}

/** A surface covers at least this share of the frame, and at most the next (else it is the frame). */
const MIN_AREA = 0.08;
const MAX_AREA = 0.94;
/** Region area over its hull's area: sheets are convex, desks around them are not. */
const MIN_SOLIDITY = 0.82;
/** Share of the filled region that is of its own tone (the rest is writing on it). */
const MIN_OWN_TONE = 0.75;
/** Brightness step (luminance) between the surface and its surroundings. */
const MIN_STEP = 0.06;
/** Share of the frame's width (or height) a region running across it may fill and still be a sheet. */
const MAX_STRIP = 0.5;
/** Share of the frame's border a surface may run along (a page running off one or two sides). */
const MAX_BORDER_CONTACT = 0.5;
/** Share of the frame's border a dark surface may touch unless it is as black as a screen. */
const MAX_DARK_BORDER_CONTACT = 0.05;
const MAX_SCREEN_LEVEL = 0.2;
/** Share of the edge that must be sharp (a paper edge, not a shadow's penumbra). */
const MIN_SHARP_SHARE = 0.55;
/**
 * 4π·area/perimeter² of the hull: 0.79 for a square, 0.59 for a 3:1 card; a thick stroke of a
 * digit (a "1" is convex too) is far longer than wide.
 */
const MIN_COMPACTNESS = 0.5;
/** Images smaller than this are crops already. */
const MIN_IMAGE_SIDE = 64;

interface Candidate {
  filled: Uint8Array;
  light: boolean;
  borderContact: number;
  /** Mean brightness of the surface and of what is around it. */
  level: number;
  around: number;
  /** Its corners, in grid pixels. */
  outline: Point[];
  /** Share of the frame it covers. */
  areaShare: number;
  /** How it was found: 0 a light tone, 1 a dark tone, 2 a colour unlike the desk's, 3 edges. */
  stage: number;
  /** What its edge is measured on, when not the luminance (the colour stage's projection). */
  contrast?: { image: Luminance; grid: Grid };
}

/** Where between the surroundings' level and the surface's the threshold is set again. */
const REFINED_THRESHOLD = 0.6;
/** Area share a hull corner may cost before it counts as a side's bend rather than a corner. */
const QUAD_SMOOTHING = 0.015;
/** How far from the hull's area four corners may enclose when the region touches the frame. */
const LOOSE_QUAD_FIT = 0.15;
/** Weight of a candidate's size against the sharpness of its edge when several are found. */
const AREA_WEIGHT = 0.5;
/** Weight of a candidate's share of the frame's border against its score. */
const BORDER_WEIGHT = 1;
/** Radius (coarse pixels) of the closing that seals a sheet's outline where strokes cross it. */
const CLOSING = 2;
/** Coarse-copy gradients (brightness per pixel) that count as edges between regions, in turn. */
const EDGE_GRADIENTS = [0.05, 0.025, 0.012];
/** A whole sheet is at least this much larger than the piece of it first found… */
const MIN_WHOLE_GROWTH = 1.15;
/** …holds this share of the piece… */
const MIN_HELD = 0.9;
/** (Before the writing's holes in it are filled, it holds at least this share.) */
const MIN_HELD_UNFILLED = 0.5;
/** …and its edge is at most this much less sharp (share of the edge). */
const WHOLE_SHARPNESS_SLACK = 0.1;
/** How many of the largest regions of a tone are tried as sheets. */
const REGIONS = 3;
/** Share of the frame's border a part of a split region may run along (see toneSplit). */
const SPLIT_BORDER_CONTACT = 0.08;

/** Where the coarse copy is of one tone: above `threshold` (`light`) or below it. */
function toneMask(grid: Grid, threshold: number, light: boolean): Uint8Array {
  const tone = new Uint8Array(grid.values.length);
  for (let i = 0; i < tone.length; i++) tone[i] = grid.values[i]! > threshold === light ? 1 : 0;
  return tone;
}

/**
 * `region` as a sheet, or null when it does not look like one. `minStep` is the least
 * brightness step from its surroundings (small for regions edges enclose, which a step in
 * brightness did not find).
 */
function asSheet(grid: Grid, region: Uint8Array, minStep: number, stage: number): Candidate | null {
  const { width, height, values } = grid;
  const count = width * height;
  if (spansFrame(region, width, height, MAX_STRIP)) return null;
  // A stroke running to the sheet's edge would let the outside into the loop of a 6 or a 9.
  const filled = fillHoles(closeRegion(region, width, height, CLOSING), width, height);
  let area = 0;
  let own = 0;
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < count; i++) {
    if (filled[i]) {
      area++;
      own += region[i]!;
      inside += values[i]!;
    } else {
      outside += values[i]!;
    }
  }
  if (area < MIN_AREA * count || area > MAX_AREA * count || own < MIN_OWN_TONE * area) return null;
  const level = inside / area;
  const around = outside / (count - area);
  if (Math.abs(level - around) < minStep) return null;
  const hull = regionHull(filled, width, height);
  const hullArea = polygonArea(hull);
  if (area < MIN_SOLIDITY * hullArea || compactness(hull) < MIN_COMPACTNESS) return null;
  // Its four sides, from the hull with bends of a pixel or so smoothed away.
  const smoothed = simplifyPolygon(hull, QUAD_SMOOTHING);
  const corners = fitQuadrilateral(smoothed);
  // Filling can join a region to the far side of the frame too.
  if (spansFrame(filled, width, height, MAX_STRIP)) return null;
  const borderContact = borderShare(filled, width, height);
  // Four straight sides, unless it runs off the frame: a filled "0" or "8" is as convex as a
  // note, but round.
  if (!corners && borderContact === 0) return null;
  return {
    filled,
    light: level > around,
    borderContact,
    level,
    around,
    // Near the frame's border a note's outline may take in a strip of the border: four
    // corners still fit it loosely.
    outline: corners ?? fitQuadrilateral(smoothed, LOOSE_QUAD_FIT) ?? simplifyPolygon(hull),
    areaShare: area / count,
    stage,
  };
}

/**
 * Regions that may be the sheet, most likely first: the largest light region (paper on a
 * darker desk), the largest dark one (a screen), each split again nearer its own level; then the
 * areas sharp edges enclose (paper as bright as the desk, paper on paper).
 */
function* candidates(grid: Grid, image: Luminance, planes: Channel[], found: () => boolean): Generator<Candidate> {
  const { values, width, height } = grid;
  const minArea = MIN_AREA * width * height;
  const threshold = otsu(values);
  for (const light of [true, false]) {
    // Opened, so a pen lying against the note or a second sheet touching it stays apart.
    const tone = openRegion(toneMask(grid, threshold, light), width, height, 1);
    for (const region of largestRegions(tone, width, REGIONS, minArea)) {
      const first = asSheet(grid, region, MIN_STEP, light ? 0 : 1);
      if (!first) {
        if (light && spansFrame(region, width, height, MAX_STRIP)) yield* toneSplit(grid, region, minArea);
        continue;
      }
      // Otsu's split sits midway; a light desk's grain above it joins the note. Split again
      // nearer the surface's own level, within what was found.
      const refined = toneMask(grid, first.around + REFINED_THRESHOLD * (first.level - first.around), light);
      for (let i = 0; i < refined.length; i++) refined[i]! &= first.filled[i]!;
      const [core] = largestRegions(openRegion(refined, width, height, 1), width, 1, minArea);
      const second = core && asSheet(grid, core, MIN_STEP, light ? 0 : 1);
      if (second) yield second;
      yield first;
    }
    // The first way of looking that finds a sheet decides (see findSurface): the next is not tried.
    if (found()) return;
  }
  yield* colourCandidates(grid, image);
  if (found()) return;
  yield* edgeCandidates(grid, planes, false);
  yield* edgeCandidates(grid, planes, true);
}

/**
 * A light region across the frame may be a note on a second sheet running off it: split at its own
 * tones (Otsu), a part (nearly) seen whole may be the note. Validation: number-on-desk 88.5/85.0/
 * 85.5 → 88.5/85.5/87.0% (3 × 200), note-on-desk 96.6 → 96.9%; looser variants lost more. */
function* toneSplit(grid: Grid, region: Uint8Array, minArea: number): Generator<Candidate> {
  const { values, width, height } = grid;
  const inside: number[] = [];
  for (let i = 0; i < region.length; i++) if (region[i]) inside.push(values[i]!);
  const threshold = otsu(Float32Array.from(inside));
  for (const lighter of [true, false]) {
    const part = new Uint8Array(region.length);
    for (let i = 0; i < part.length; i++) part[i] = region[i]! && values[i]! > threshold === lighter ? 1 : 0;
    for (const piece of largestRegions(openRegion(part, width, height, 1), width, 1, minArea)) {
      const sheet = asSheet(grid, piece, MIN_STEP, 0);
      if (sheet && sheet.borderContact <= SPLIT_BORDER_CONTACT) yield sheet;
    }
  }
}

/**
 * The areas that edges enclose, strong edges first (a lighting change across a note is a
 * weaker edge than the note's own), in colour too (a cream note on a white sheet is hardly
 * brighter than it, but yellower). `sharpOnly`: only sharp edges count, so a shadow falling
 * across a note and the desk does not cut the note in two along its penumbra; only paper is
 * looked for so (a dark area they enclose is as often the loop of a thick digit on a screen as
 * the screen).
 */
function* edgeCandidates(
  grid: Grid,
  planes: Channel[],
  sharpOnly: boolean,
  worth: (region: Uint8Array) => boolean = () => true,
): Generator<Candidate> {
  const { width, height } = grid;
  const minArea = MIN_AREA * width * height;
  const maps = edgeMaps(planes, grid, EDGE_GRADIENTS[EDGE_GRADIENTS.length - 1]!);
  const gradients = sharpOnly ? maps.sharp() : maps.all;
  for (const gradient of EDGE_GRADIENTS) {
    for (const region of edgeRegions(gradients, width, height, gradient, minArea)) {
      if (!worth(region)) continue;
      const sheet = asSheet(grid, region, MIN_EDGE_STEP, 3);
      // Darker than its surroundings and running off the frame, an area edges enclose is the
      // desk between sheets and the frame's edge; a screen lies within the frame.
      if (sheet && (sharpOnly ? sheet.light : sheet.light || sheet.borderContact === 0)) yield sheet;
    }
  }
}

/**
 * Sheets told from the desk by their colour (see surface-colour.ts), judged on the channel that
 * parts each best from the desk; `light` is still said of their brightness.
 */
function* colourCandidates(grid: Grid, image: Luminance): Generator<Candidate> {
  const count = grid.width * grid.height;
  for (const found of colourRegions(grid, image, MIN_AREA * count, REGIONS)) {
    const { projected } = found;
    const sheet = asSheet(projected.grid, found.region, MIN_STEP, 2) ?? nextCut(projected.grid, found.cut());
    // Colour alone tells a whole note from the desk; at the frame's edge it as often takes in a
    // second sheet or a stain.
    if (!sheet || sheet.borderContact > 0) continue;
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < count; i++) {
      if (sheet.filled[i]) inside += grid.values[i]!;
      else outside += grid.values[i]!;
    }
    const area = sheet.areaShare * count;
    yield { ...sheet, light: inside / area >= outside / (count - area), contrast: projected };
  }
}

function nextCut(grid: Grid, cut: Uint8Array | null): Candidate | null {
  return cut ? asSheet(grid, cut, MIN_STEP, 2) : null;
}

/** Working pixels the outline is moved inwards by: past the edge's blur and the grid's coarseness. */
function insetDistance(grid: Grid): number {
  return 1.5 * grid.factor + 2;
}

/**
 * How sharp `c`'s edge is (see sharpEdgeShare), or null when it cannot be a sheet we see: a
 * half-frame region along the border (a shadow, a lit half), a dark one along the frame's edge
 * not black as a screen (the desk between a sheet and the frame's edge), or a soft edge.
 */
function judge(c: Candidate, grid: Grid, planes: Channel[]): number | null {
  if (c.borderContact > MAX_BORDER_CONTACT) return null;
  if (!c.light && c.borderContact > MAX_DARK_BORDER_CONTACT && c.level > MAX_SCREEN_LEVEL) return null;
  const sharp = c.contrast
    ? sharpEdgeShare([{ image: c.contrast.image, coarse: c.contrast.grid.values }], grid, c.filled)
    : sharpEdgeShare(planes, grid, c.filled);
  return sharp < MIN_SHARP_SHARE ? null : sharp;
}

/**
 * A sheet's likelihood: a whole sheet has a sharp edge all round, where a piece of one (cut off
 * by a shadow across it) or one with some desk attached has soft stretches; bigger is likelier;
 * a sheet seen whole is likelier than a strip running off the frame (often the desk between the
 * note and the frame's edge).
 */
function score(c: Candidate, sharp: number): number {
  return sharp + AREA_WEIGHT * c.areaShare - BORDER_WEIGHT * c.borderContact;
}

interface Judged {
  candidate: Candidate;
  sharp: number;
}

/**
 * The whole sheet `piece` is part of, when only sharp edges enclose one: a shadow's edge or a
 * fold across a note, or the edge of a sheet showing through it, bounds a piece of the note
 * that looks like a sheet too. The whole must be larger, hold the piece, and have an edge
 * nearly as sharp.
 */
function wholeSheet(piece: Judged, grid: Grid, planes: Channel[]): Judged | null {
  const inner = piece.candidate.filled;
  let pieceArea = 0;
  for (let i = 0; i < inner.length; i++) pieceArea += inner[i]!;
  let best: Judged | null = null;
  const holds = (region: Uint8Array, share: number): boolean => {
    let held = 0;
    for (let i = 0; i < inner.length; i++) held += inner[i]! & region[i]!;
    return held >= share * pieceArea;
  };
  // Most areas edges enclose are patches of desk: they hold little of the piece even before
  // their holes are filled, and are not looked at as sheets.
  for (const c of edgeCandidates(grid, planes, true, (region) => holds(region, MIN_HELD_UNFILLED))) {
    if (c.light !== piece.candidate.light || c.areaShare < MIN_WHOLE_GROWTH * piece.candidate.areaShare) continue;
    if (!holds(c.filled, MIN_HELD)) continue;
    const sharp = judge(c, grid, planes);
    if (sharp === null || sharp < piece.sharp - WHOLE_SHARPNESS_SLACK) continue;
    if (!best || score(c, sharp) > score(best.candidate, best.sharp)) best = { candidate: c, sharp };
  }
  return best;
}

/**
 * Finds the writing surface in a working image, or null when there is none to find (the image
 * is the page, or a crop, or a drawing).
 */
export function findSurface(image: Luminance): Surface | null {
  if (Math.max(image.width, image.height) < MIN_IMAGE_SIDE || isCleanDrawing(image)) return null;
  const grid = coarseCopy(image);
  let best: Judged | null = null;
  // The first way of looking that finds a sheet decides: a later one would find less likely
  // sheets (a dark patch of desk rather than paper).
  const planes = channels(image, grid);
  for (const c of candidates(grid, image, planes, () => best !== null)) {
    if (best && c.stage !== best.candidate.stage) break;
    const sharp = judge(c, grid, planes);
    if (sharp !== null && (!best || score(c, sharp) > score(best.candidate, best.sharp)))
      best = { candidate: c, sharp };
  }
  if (!best) return null;
  // A piece of a note (a shadow's or a fold's edge across it) is read as the whole note.
  const whole = best.candidate.light ? wholeSheet(best, grid, planes) : null;
  return toSurface(grid, whole?.candidate ?? best.candidate);
}

function toSurface(grid: Grid, c: Candidate): Surface {
  const { factor, width, height } = grid;
  const hull = c.outline;
  const corners = hull.map((p) => ({ x: p.x * factor, y: p.y * factor }));
  const onBorder = (a: Point, b: Point): boolean =>
    (a.x <= 0.5 && b.x <= 0.5) ||
    (a.y <= 0.5 && b.y <= 0.5) ||
    (a.x >= width - 0.5 && b.x >= width - 0.5) ||
    (a.y >= height - 0.5 && b.y >= height - 0.5);
  const inner = insetPolygon(hull, insetDistance(grid) / factor, onBorder).map((p) => ({
    x: p.x * factor,
    y: p.y * factor,
  }));
  return { corners, inner, light: c.light };
}

/**
 * The surface's inner outline as pixel spans of a `width`×`height` image; `transform` maps
 * working pixels to that image's (for the second look at a region in full detail).
 */
export function surfaceSpans(
  surface: Surface,
  width: number,
  height: number,
  transform: (p: Point) => Point = (p) => p,
): RowSpans {
  return polygonSpans(surface.inner.map(transform), width, height);
}
