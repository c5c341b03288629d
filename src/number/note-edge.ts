/**
 * A note's own edge seen from inside it: read as ink, the edge is one tall mark that can look
 * like the most prominent line on the note, hiding the number written beside it.
 */
import type { Component } from '../preprocess/components.js';
import type { InkAnalysis } from '../preprocess/pipeline.js';
import { surfaceSpans } from '../preprocess/surface.js';

/** The marks of a line at least half as tall as its tallest (not the specks beside them). */
export function marksOf(line: Component[]): Component[] {
  const tallest = Math.max(...line.map((c) => c.box.height));
  return line.filter((c) => c.box.height >= 0.5 * tallest);
}

/** A mark within this share of the working side of the surface's outline lies along its edge. */
const OUTLINE_REACH = 0.04;

/** Does `mark` lie beside the outline of the surface the analysis was read inside? */
export function nearOutline(mark: Component, analysis: InkAnalysis): boolean {
  if (!analysis.surface) return false;
  const { width, height } = analysis;
  const spans = surfaceSpans(analysis.surface, width, height);
  const reach = OUTLINE_REACH * Math.max(width, height);
  const { x, y, width: w, height: h } = mark.box;
  for (let row = Math.max(0, y); row < Math.min(height, y + h); row++) {
    if (spans.from[row]! >= spans.to[row]!) continue;
    if (x - spans.from[row]! <= reach || spans.to[row]! - (x + w) <= reach) return true;
  }
  const rows = [...Array(height).keys()].filter((row) => spans.from[row]! < spans.to[row]!);
  return rows.length > 0 && (y - rows[0]! <= reach || rows[rows.length - 1]! - (y + h) <= reach);
}
