/**
 * Printed rulings are never digits: a ruled line running across the page, or the grid of squared
 * paper. A line is told from a thin "1" by its direction (rulings run across; a tall thin
 * stroke may be a 1, so it stays), a grid from a "0" or an "8" by how often a line through it
 * crosses ink.
 */
import type { Component } from './components.js';

/** The page's extent the rulings run across, in working pixels. */
export interface Extent {
  width: number;
  height: number;
}

/** A shadow's edge, across the image, is at most this thick (share of the image's shorter side). */
const BAND_THICKNESS = 0.1;
/** A ruled line spans at least this share of the page's width… */
const LINE_SPAN = 0.75;
/** …and is at most this thick (working pixels; a pen's stroke on a page is thicker). */
const LINE_THICKNESS = 3.5;
/** A margin line spans at least this share of the surface's height. */
const MARGIN_SPAN = 0.8;
/** A grid spans this share of the page both ways… */
const GRID_SPAN = 0.6;
/** …and a line through its middle crosses ink at least this often both ways. */
const GRID_CROSSINGS = 5;

/** How many separate runs of component `id` a line of `count` pixels from `start` by `step` crosses. */
function crossings(labels: Int32Array, id: number, start: number, step: number, count: number): number {
  let runs = 0;
  let inside = false;
  for (let i = 0; i < count; i++) {
    const on = labels[start + i * step] === id;
    if (on && !inside) runs++;
    inside = on;
  }
  return runs;
}

/**
 * A straight band from one edge of the image to another: what is left of a cast
 * shadow's edge or a fold after the lighting is evened out. A handwritten 1 stops short of the
 * edges.
 */
function isEdgeBand(c: Component, image: Extent): boolean {
  const { box, area } = c;
  const sides =
    Number(box.x === 0) +
    Number(box.y === 0) +
    Number(box.x + box.width === image.width) +
    Number(box.y + box.height === image.height);
  // From one side of the image to another: across it, or across a corner.
  if (sides < 2 || Math.hypot(box.width, box.height) < 0.5 * Math.min(image.width, image.height)) return false;
  // Straight and of even width: along its length it is no thicker than a band.
  const thickness = area / Math.hypot(box.width, box.height);
  return thickness <= BAND_THICKNESS * Math.min(image.width, image.height);
}

/**
 * Is `c` a ruled line, a grid or a shadow's edge rather than handwriting? `page` is the extent
 * of the writing surface (the image when there is none).
 */
export function isRuling(c: Component, labels: Int32Array, image: Extent, page: Extent, onSurface = false): boolean {
  const { box, area } = c;
  const { width } = image;
  if (isEdgeBand(c, image)) return true;
  const length = Math.hypot(box.width, box.height);
  // A notebook's margin line runs the sheet's height; a handwritten 1 is far shorter than the
  // sheet it is on (only said on a surface: a crop of a 1 is all 1).
  if (
    onSurface &&
    box.height >= MARGIN_SPAN * page.height &&
    box.width <= 0.25 * box.height &&
    area <= LINE_THICKNESS * length
  ) {
    return true;
  }
  if (box.width >= LINE_SPAN * page.width && box.height <= 0.25 * box.width && area <= LINE_THICKNESS * length) {
    return true;
  }
  if (box.width < GRID_SPAN * page.width || box.height < GRID_SPAN * page.height) return false;
  const across = [0.35, 0.5, 0.65].map((f) => {
    const y = Math.floor(box.y + f * box.height);
    return crossings(labels, c.id, y * width + box.x, 1, box.width);
  });
  const down = [0.35, 0.5, 0.65].map((f) => {
    const x = Math.floor(box.x + f * box.width);
    return crossings(labels, c.id, box.y * width + x, width, box.height);
  });
  const median = (v: number[]): number => v.sort((a, b) => a - b)[1]!;
  return median(across) >= GRID_CROSSINGS && median(down) >= GRID_CROSSINGS;
}
