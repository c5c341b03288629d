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
 * 4. the lines of its four sides meet at the outline's corners; a side that is a soft step inside
 *    the sheet (the edge of a shadowed strip) is moved out to the sharp edge beyond it
 *    (surface-sides.ts); the ink is read only inside that outline moved inwards, so the sheet's
 *    edge and its shadow are never ink.
 * No surface (a crop, a canvas drawing, a page filling the frame) leaves today's path unchanged.
 */
import { coarseCopy, type Grid } from './coarse-image.js';
import { channels, sharpEdgeShare, type Channel } from './edge-sharpness.js';
import type { Luminance } from './luminance.js';
import { insetPolygon, polygonSpans, type Point, type RowSpans } from './polygon.js';
import { cleanDrawingPaper } from './clean-drawing.js';
import { candidates, edgeCandidates, type Candidate } from './surface-candidates.js';
import { firmSides } from './surface-sides.js';

/** A writing surface found in the working image. */
export interface Surface {
  /** The outline's corners, in working pixels. */
  corners: Point[];
  /** The outline moved inwards past the sheet's edge: where ink is read. */
  inner: Point[];
  /** Is the surface lighter than what is around it (paper) or darker (a screen)? */
  light: boolean;
}

/** Share of the frame's border a surface may run along (a page running off one or two sides). */
const MAX_BORDER_CONTACT = 0.5;
/** Share of the frame's border a dark surface may touch unless it is as black as a screen. */
const MAX_DARK_BORDER_CONTACT = 0.05;
const MAX_SCREEN_LEVEL = 0.2;
/** Share of the edge that must be sharp (a paper edge, not a shadow's penumbra). */
const MIN_SHARP_SHARE = 0.55;
/** Images smaller than this are crops already. */
const MIN_IMAGE_SIDE = 64;
/** Weight of a candidate's size against the sharpness of its edge when several are found. */
const AREA_WEIGHT = 0.5;
/** Weight of a candidate's share of the frame's border against its score. */
const BORDER_WEIGHT = 1;
/** A whole sheet is at least this much larger than the piece of it first found… */
const MIN_WHOLE_GROWTH = 1.15;
/** …holds this share of the piece… */
const MIN_HELD = 0.9;
/** (Before the writing's holes in it are filled, it holds at least this share.) */
const MIN_HELD_UNFILLED = 0.5;
/** …and its edge is at most this much less sharp (share of the edge). */
const WHOLE_SHARPNESS_SLACK = 0.1;

/** Working pixels the outline is moved inwards by: past the edge's blur and the grid's coarseness. */
function insetDistance(grid: Grid): number {
  return 1.5 * grid.factor + 2;
}

/** What `c`'s edge is measured on: the image's channels, or the colour stage's projection. */
function edgePlanes(c: Candidate, planes: Channel[]): Channel[] {
  return c.contrast ? [{ image: c.contrast.image, coarse: c.contrast.grid.values }] : planes;
}

/**
 * How sharp `c`'s edge is (see sharpEdgeShare), or null when it cannot be a sheet we see: a
 * half-frame region along the border (a shadow, a lit half), a dark one along the frame's edge
 * not black as a screen (the desk between a sheet and the frame's edge), or a soft edge.
 */
function judge(c: Candidate, grid: Grid, planes: Channel[]): number | null {
  if (c.borderContact > MAX_BORDER_CONTACT) return null;
  if (!c.light && c.borderContact > MAX_DARK_BORDER_CONTACT && c.level > MAX_SCREEN_LEVEL) return null;
  const sharp = sharpEdgeShare(edgePlanes(c, planes), grid, c.filled);
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
  if (Math.max(image.width, image.height) < MIN_IMAGE_SIDE || cleanDrawingPaper(image)) return null;
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
  return toSurface(grid, whole?.candidate ?? best.candidate, planes);
}

function toSurface(grid: Grid, c: Candidate, planes: Channel[]): Surface {
  const { factor, width, height } = grid;
  const onBorder = (a: Point, b: Point): boolean =>
    (a.x <= 0.5 && b.x <= 0.5) ||
    (a.y <= 0.5 && b.y <= 0.5) ||
    (a.x >= width - 0.5 && b.x >= width - 0.5) ||
    (a.y >= height - 0.5 && b.y >= height - 0.5);
  // A side that is a soft step inside the sheet (a shadowed strip's edge) goes out to its edge.
  const hull = firmSides(c.outline, grid, edgePlanes(c, planes), c, onBorder);
  const corners = hull.map((p) => ({ x: p.x * factor, y: p.y * factor }));
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
