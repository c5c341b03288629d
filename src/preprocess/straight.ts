/**
 * Straight lines that are not strokes: a pen lying on the desk, the edge of the note or of a
 * second sheet, a ruled line cut short by the outline. Each is a long, thin, straight component;
 * a digit's own straight stroke (the bar of a 7, the stem of a 4 drawn apart, a whole 1) is no
 * longer than the rest of the digit and lies beside it.
 */
import { unionBox, type Component } from './components.js';
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
/** A bar this far from the rest of the ink (share of its extent) lies beside it, not across it. */
const BESIDE = 0.1;
/** With no other ink, a bar this long (share of the page's shorter side) is no handwritten 1. */
const LONGEST_ONE = 0.75;

/** Length and thickness of a component along its principal axes, in working pixels. */
interface Shape {
  length: number;
  thickness: number;
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
    // A uniform bar of length L has variance L²/12 along itself; +1/12 for the pixel's own width.
    out.push({
      length: Math.sqrt(12 * (mean + spread) + 1),
      thickness: Math.sqrt(12 * Math.max(0, mean - spread) + 1),
    });
  }
  return out;
}

const gapBetween = (a: Component['box'], b: Component['box']): number =>
  Math.hypot(
    Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width)),
    Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)),
  );

/**
 * `components` without the straight lines that are no strokes of the digit: a bar far longer
 * than the rest of the ink or far from it; on a surface with no other ink, a bar too long for a
 * handwritten 1 on this `page`. Components are `labels`' ids 1…n.
 */
export function withoutStraightLines(
  components: Component[],
  labels: Int32Array,
  width: number,
  page: Extent,
  onSurface: boolean,
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
    if (rest && inkArea >= MIN_INK_SHARE * c.area) {
      // A digit's own bar crosses or touches the rest of it (the stem of a 4 drawn apart).
      const gap = gapBetween(c.box, rest);
      return gap > APART_FROM_DIGIT * size || (length > LONGER_THAN_DIGIT * size && gap > BESIDE * size);
    }
    return onSurface && length >= LONGEST_ONE * shorter;
  };
  const dropped = new Set(bars.filter(drop).map((c) => c.id));
  return dropped.size === 0 ? components : components.filter((c) => !dropped.has(c.id));
}
