/**
 * The regions of a coarse copy that may be the writing surface (see surface.ts), each as a
 * candidate sheet: the largest light and dark regions and their parts, regions unlike the desk in
 * colour, and the areas edges enclose. Which candidate is the surface is surface.ts's to judge.
 */
import { otsu, type Grid } from './coarse-image.js';
import { edgeMaps, MIN_EDGE_STEP, type Channel } from './edge-sharpness.js';
import type { Luminance } from './luminance.js';
import { fitQuadrilateral, polygonArea, simplifyPolygon, type Point } from './polygon.js';
import { borderShare, spansFrame } from './frame-contact.js';
import { closeRegion, compactness, edgeRegions, fillHoles, largestRegions, openRegion, regionHull } from './regions.js';
import { colourRegions } from './surface-colour.js';

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

/**
 * 4π·area/perimeter² of the hull: 0.79 for a square, 0.59 for a 3:1 card; a thick stroke of a
 * digit (a "1" is convex too) is far longer than wide.
 */
const MIN_COMPACTNESS = 0.5;

/** A region that may be the sheet, measured as one. */
export interface Candidate {
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

/** Radius (coarse pixels) of the closing that seals a sheet's outline where strokes cross it. */
const CLOSING = 2;
/** Coarse-copy gradients (brightness per pixel) that count as edges between regions, in turn. */
const EDGE_GRADIENTS = [0.05, 0.025, 0.012];

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
export function* candidates(
  grid: Grid,
  image: Luminance,
  planes: Channel[],
  found: () => boolean,
): Generator<Candidate> {
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
export function* edgeCandidates(
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
