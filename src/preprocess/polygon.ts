/**
 * Convex polygons for the writing surface: the hull of a region, its simplification to the few
 * corners a note or page has, an inset that keeps the paper's edge out, and the polygon drawn as
 * one span of pixels per row, which is how the ink is masked.
 */

/** A point in pixels. */
export interface Point {
  x: number;
  y: number;
}

/** Per row, the pixels `[from[y], to[y])` inside a polygon; rows with `from >= to` are empty. */
export interface RowSpans {
  from: Int32Array;
  to: Int32Array;
  width: number;
  height: number;
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in y-up terms; collinear points dropped. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Area of a simple polygon (absolute value). */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * Drops the corners that matter least (Visvalingam: the smallest triangle with its neighbours)
 * while each costs under `tolerance` of the area, keeping at least `minCorners`: a rectangle
 * drawn in pixels has dozens of hull corners, a note four.
 */
export function simplifyPolygon(polygon: Point[], tolerance = 0.003, minCorners = 4): Point[] {
  const out = [...polygon];
  const total = polygonArea(out);
  while (out.length > minCorners) {
    let smallest = Infinity;
    let at = -1;
    for (let i = 0; i < out.length; i++) {
      const area = Math.abs(cross(out[(i + out.length - 1) % out.length]!, out[i]!, out[(i + 1) % out.length]!)) / 2;
      if (area < smallest) {
        smallest = area;
        at = i;
      }
    }
    if (smallest > tolerance * total) break;
    out.splice(at, 1);
  }
  return out;
}

/**
 * A quadrilateral for a convex polygon whose outline is four straight sides with rounded or cut
 * corners (a note as a coarse mask sees it): the lines of its four longest edges, each pair of
 * neighbours meeting at a corner. Null when those corners do not enclose about the polygon's
 * own area (a disc, a blob, a shape of more sides).
 */
export function fitQuadrilateral(polygon: Point[], tolerance = 0.08): Point[] | null {
  const n = polygon.length;
  if (n < 4) return null;
  const edges = polygon.map((a, i) => {
    const b = polygon[(i + 1) % n]!;
    return { i, a, b, length: Math.hypot(b.x - a.x, b.y - a.y) };
  });
  const sides = [...edges]
    .sort((p, q) => q.length - p.length)
    .slice(0, 4)
    .sort((p, q) => p.i - q.i);
  const corners: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const e = sides[k]!;
    const f = sides[(k + 1) % 4]!;
    const d1 = { x: e.b.x - e.a.x, y: e.b.y - e.a.y };
    const d2 = { x: f.b.x - f.a.x, y: f.b.y - f.a.y };
    const det = d1.x * d2.y - d1.y * d2.x;
    if (Math.abs(det) < 1e-9) return null;
    const t = ((f.a.x - e.a.x) * d2.y - (f.a.y - e.a.y) * d2.x) / det;
    corners.push({ x: e.a.x + d1.x * t, y: e.a.y + d1.y * t });
  }
  const ratio = polygonArea(corners) / polygonArea(polygon);
  return ratio > 1 - tolerance && ratio < 1 + tolerance ? corners : null;
}

/**
 * Moves every edge of a convex polygon `distance` pixels inwards, except edges for which
 * `keep(a, b)` is true (those along the image's border: a page running off the frame has no edge
 * there to keep out).
 */
export function insetPolygon(polygon: Point[], distance: number, keep: (a: Point, b: Point) => boolean): Point[] {
  return moveEdges(
    polygon,
    polygon.map((a, i) => (keep(a, polygon[(i + 1) % polygon.length]!) ? 0 : distance)),
  );
}

/**
 * A convex polygon with edge i (from corner i to the next) moved `shifts[i]` pixels inwards
 * (outwards when negative); its corners where the moved edges meet.
 */
export function moveEdges(polygon: Point[], shifts: readonly number[]): Point[] {
  const n = polygon.length;
  const sign = signedArea(polygon) > 0 ? 1 : -1;
  // Each edge as a point and direction, shifted along its inward normal.
  const lines = polygon.map((a, i) => {
    const b = polygon[(i + 1) % n]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const shift = shifts[i] ?? 0;
    // Inward normal: left of the edge for a counter-clockwise (positive area) polygon.
    const nx = (-dy / length) * sign;
    const ny = (dx / length) * sign;
    return { x: a.x + nx * shift, y: a.y + ny * shift, dx, dy };
  });
  return lines.map((line, i) => {
    const prev = lines[(i + n - 1) % n]!;
    const det = prev.dx * line.dy - prev.dy * line.dx;
    if (Math.abs(det) < 1e-9) return { x: line.x, y: line.y };
    const t = ((line.x - prev.x) * line.dy - (line.y - prev.y) * line.dx) / det;
    return { x: prev.x + prev.dx * t, y: prev.y + prev.dy * t };
  });
}

/** The signed area of a polygon: positive one way round, negative the other (see insetPolygon()). */
export function signedArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/** The pixels of a `width`×`height` image whose centres lie inside a convex polygon, row by row. */
export function polygonSpans(polygon: readonly Point[], width: number, height: number): RowSpans {
  const from = new Int32Array(height);
  const to = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < polygon.length; i++) {
      const a = polygon[i]!;
      const b = polygon[(i + 1) % polygon.length]!;
      if ((a.y <= cy && b.y >= cy) || (b.y <= cy && a.y >= cy)) {
        const x = a.y === b.y ? Math.min(a.x, b.x) : a.x + ((cy - a.y) / (b.y - a.y)) * (b.x - a.x);
        const x2 = a.y === b.y ? Math.max(a.x, b.x) : x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x2);
      }
    }
    from[y] = Math.max(0, Math.ceil(lo - 0.5));
    to[y] = Math.min(width, Math.floor(hi - 0.5) + 1);
  }
  return { from, to, width, height };
}
