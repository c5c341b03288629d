/**
 * Straight lines that are not strokes: a pen lying on the desk, the edge of the note or of a
 * second sheet, a ruled line cut short by the outline. Each is a long, thin, straight component;
 * a digit's own straight stroke (the bar of a 7, the stem of a 4 drawn apart, a whole 1) is no
 * longer than the rest of the digit and lies beside it.
 */
import { unionBox, type Component } from './components.js';
import type { Point } from './polygon.js';
import type { Extent } from './rulings.js';

/** A bar is at least this many times longer than thick (principal axes of its pixels). */
const MIN_ELONGATION = 7;
/** Pixels a component needs before its shape says anything. */
const MIN_PIXELS = 12;
/** Longer than this many times the rest of the ink's extent, a bar is not one of its strokes… */
const LONGER_THAN_DIGIT = 1.6;
/** …nor farther than this share of that extent from it. */
const APART_FROM_DIGIT = 0.5;
/** Other ink is a digit when it spans this share of the page's shorter side (not a speck)… */
const MIN_DIGIT = 0.15;
/** …and has at least this share of the bar's area. */
const MIN_INK_SHARE = 0.1;
/**
 * In a line of digits, a bar shares this much of a mark's height to be level with it. Keeping
 * such bars took validation number-on-desk 88.5/85.5/87.0 → 89.5/86.0/87.0% (3 × 200 photos),
 * number-on-page 86 → 87%; composed numbers and cheques unchanged.
 */
const LEVEL_SHARE = 0.5;
/** A bar this far from the rest of the ink (share of its extent) lies beside it, not across it. */
const BESIDE = 0.1;
/** A lone bar this close to a side of the surface (share of its shorter side)… */
const NEAR_SIDE = 0.15;
/** …and as parallel to it (cosine of the angle between them) is the sheet's edge… */
const PARALLEL = Math.cos((12 * Math.PI) / 180);
/** …if it is at least this long (share of the shorter side): a 1 is seldom written there. */
const EDGE_LENGTH = 0.4;
/**
 * With no other ink, a bar this long is no handwritten 1: a share of the page's extent in the
 * bar's own direction (a 1 on a tall sticky note may run most of its height).
 */
const LONGEST_ONE = 0.85;

/** Length and thickness of a component along its principal axes, in working pixels. */
interface Shape {
  length: number;
  thickness: number;
  /** Its centre, and the direction of its length (a unit vector). */
  cx: number;
  cy: number;
  dx: number;
  dy: number;
}

/** Principal-axis length and thickness of every labelled component (one pass over the labels). */
function shapes(labels: Int32Array, width: number, count: number): Shape[] {
  const n = new Float64Array(count + 1);
  const sx = new Float64Array(count + 1);
  const sy = new Float64Array(count + 1);
  const sxx = new Float64Array(count + 1);
  const syy = new Float64Array(count + 1);
  const sxy = new Float64Array(count + 1);
  for (let p = 0; p < labels.length; p++) {
    const l = labels[p]!;
    if (l === 0) continue;
    const x = p % width;
    const y = (p - x) / width;
    n[l]!++;
    sx[l]! += x;
    sy[l]! += y;
    sxx[l]! += x * x;
    syy[l]! += y * y;
    sxy[l]! += x * y;
  }
  const out: Shape[] = [];
  for (let l = 0; l <= count; l++) {
    const m = Math.max(1, n[l]!);
    const mx = sx[l]! / m;
    const my = sy[l]! / m;
    const vxx = sxx[l]! / m - mx * mx;
    const vyy = syy[l]! / m - my * my;
    const vxy = sxy[l]! / m - mx * my;
    const mean = (vxx + vyy) / 2;
    const spread = Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy * vxy);
    const angle = 0.5 * Math.atan2(2 * vxy, vxx - vyy);
    // A uniform bar of length L has variance L²/12 along itself; +1/12 for the pixel's own width.
    out.push({
      length: Math.sqrt(12 * (mean + spread) + 1),
      thickness: Math.sqrt(12 * Math.max(0, mean - spread) + 1),
      cx: mx,
      cy: my,
      dx: Math.cos(angle),
      dy: Math.sin(angle),
    });
  }
  return out;
}

/**
 * Does the bar run along a side of `outline`, close to it: what is left of the sheet's own edge
 * or of one under it, not a 1 written on the note?
 */
function alongOutline(bar: Shape, outline: readonly Point[], shorter: number): boolean {
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const side = Math.hypot(b.x - a.x, b.y - a.y);
    if (side < 1e-6) continue;
    const ux = (b.x - a.x) / side;
    const uy = (b.y - a.y) / side;
    const distance = Math.abs((bar.cx - a.x) * uy - (bar.cy - a.y) * ux);
    if (distance <= NEAR_SIDE * shorter && Math.abs(bar.dx * ux + bar.dy * uy) >= PARALLEL) return true;
  }
  return false;
}

/** Nearer upright than level: a 1, not a rule or an underline. */
const upright = (bar: Shape): boolean => Math.abs(bar.dy) > Math.abs(bar.dx);

/**
 * Is the bar with box `a` level with the mark with box `b`: sharing most of the shorter one's
 * height, and at most {@link LONGER_THAN_DIGIT} times as tall?
 */
function level(a: Component['box'], b: Component['box']): boolean {
  const shared = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return shared >= LEVEL_SHARE * Math.min(a.height, b.height) && a.height <= LONGER_THAN_DIGIT * b.height;
}

const gapBetween = (a: Component['box'], b: Component['box']): number =>
  Math.hypot(
    Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width)),
    Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)),
  );

/**
 * `components` without the straight lines that are no strokes of the digit: a bar far longer
 * than the rest of the ink or far from it; on a surface with no other ink, a bar too long for a
 * handwritten 1 on this `page`, or one running along a side of its `outline` (the surface's inner
 * outline, null when there is none). Components are `labels`' ids 1…n. In a `numberLine`, an
 * upright bar level with a mark of about its height is a 1 of the number.
 */
export function withoutStraightLines(
  components: Component[],
  labels: Int32Array,
  width: number,
  page: Extent,
  outline: readonly Point[] | null,
  numberLine = false,
): Component[] {
  if (components.length === 0) return components;
  const count = components.reduce((m, c) => Math.max(m, c.id), 0);
  const shape = shapes(labels, width, count);
  const isBar = (c: Component): boolean =>
    c.area >= MIN_PIXELS && shape[c.id]!.length >= MIN_ELONGATION * shape[c.id]!.thickness;
  const bars = components.filter(isBar);
  if (bars.length === 0) return components;
  const shorter = Math.min(page.width, page.height);
  // The rest of the ink that may be a digit: pieces of some size, not specks.
  const ink = components.filter(
    (c) => !isBar(c) && c.area >= MIN_PIXELS && Math.max(c.box.width, c.box.height) >= MIN_DIGIT * shorter,
  );
  const inkArea = ink.reduce((s, c) => s + c.area, 0);
  const rest = ink.length > 0 ? unionBox(ink) : null;
  const size = rest ? Math.max(rest.width, rest.height) : 0;
  const drop = (c: Component): boolean => {
    const { length } = shape[c.id]!;
    if (numberLine && upright(shape[c.id]!) && ink.some((mark) => level(c.box, mark.box))) return false;
    if (rest && inkArea >= MIN_INK_SHARE * c.area) {
      // A digit's own bar crosses or touches the rest of it (the stem of a 4 drawn apart).
      const gap = gapBetween(c.box, rest);
      return gap > APART_FROM_DIGIT * size || (length > LONGER_THAN_DIGIT * size && gap > BESIDE * size);
    }
    if (!outline) return false;
    const { dx, dy } = shape[c.id]!;
    return (
      length >= LONGEST_ONE * (Math.abs(dx) * page.width + Math.abs(dy) * page.height) ||
      (length >= EDGE_LENGTH * shorter && alongOutline(shape[c.id]!, outline, shorter))
    );
  };
  const dropped = new Set(bars.filter(drop).map((c) => c.id));
  return dropped.size === 0 ? components : components.filter((c) => !dropped.has(c.id));
}
