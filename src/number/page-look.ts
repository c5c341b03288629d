/**
 * A closer look at a whole page, for a number small on it: on the 320-pixel first look a
 * number 2–5% of a sheet's height is a few pixels tall, its strokes thinner than one, and the
 * printed text or a signature stands out more. The page is read again in overlapping tiles at
 * a few times that resolution, and the line of digits is found among all the tiles' strokes.
 */
import { DigitRecognizerError } from '../classify/errors.js';
import type { Component } from '../preprocess/components.js';
import type { DetailReader } from '../preprocess/detail.js';
import { WORKING_SIDE } from '../preprocess/luminance.js';
import { analyseInk, type InkAnalysis } from '../preprocess/pipeline.js';
import { mostProminentLine } from './find-line.js';
import { eraseRules } from './rule-eraser.js';
import { digitStrokes, lineHeight } from './segment.js';

/** The tiles are read at this many times the first look's resolution… */
const CLOSER = 2.5;
/** …each overlapping its neighbours by this share of a tile, so a line's mark is whole in one. */
const OVERLAP = 0.2;
/** A mark taller than this many of the first look's pixels is no digit of a small number. */
const MAX_MARK = 48;
/** …and one shorter than this (tile pixels) is a speck of the paper's grain. */
const MIN_MARK = 4;
/** So many lines are given, most prominent first. */
const CANDIDATES = 3;
/** Rules are found with this reach (tile pixels) and this typical line height. */
const RULE_REACH = 1;
const RULE_LINE = 16;

/**
 * The most prominent lines of digit-like strokes on the page, read in tiles, as strokes in the
 * first look's pixels (boxes and areas scaled down), most prominent first: a signature may
 * stand out as much as the number, and only a closer look still at it tells which is which.
 */
export function closerLines(
  first: InkAnalysis,
  detail: DetailReader,
  sourceWidth: number,
  sourceHeight: number,
): Component[][] {
  const tileScale = first.scale / CLOSER;
  if (tileScale < 1) return [];
  const side = WORKING_SIDE * tileScale;
  const step = side * (1 - OVERLAP);
  const strokes: Component[] = [];
  const maxMark = (MAX_MARK * first.scale) / tileScale;
  let id = 1;
  for (let y0 = 0; y0 < sourceHeight; y0 += step) {
    for (let x0 = 0; x0 < sourceWidth; x0 += step) {
      const region = {
        x: x0,
        y: y0,
        width: Math.min(side, sourceWidth - x0),
        height: Math.min(side, sourceHeight - y0),
      };
      if (region.width < side / 4 || region.height < side / 4) continue;
      const tile = detail(region, WORKING_SIDE);
      let analysis: InkAnalysis;
      try {
        const clean = eraseRules(tile, { reach: RULE_REACH, lineHeight: RULE_LINE });
        analysis = analyseInk(clean, { polarity: first.polarity, numberLine: true });
      } catch (error) {
        if (error instanceof DigitRecognizerError) continue;
        throw error;
      }
      const k = region.width / analysis.width;
      // A mark belongs to the tile its centre is in, nearest to the tile's own part of the page.
      const coreX0 = x0 === 0 ? 0 : x0 + (side * OVERLAP) / 2;
      const coreY0 = y0 === 0 ? 0 : y0 + (side * OVERLAP) / 2;
      const coreX1 = x0 + step + (side * OVERLAP) / 2;
      const coreY1 = y0 + step + (side * OVERLAP) / 2;
      for (const c of digitStrokes(analysis)) {
        if (c.box.height > maxMark || c.box.height < MIN_MARK || c.touchesBorder) continue;
        const cx = x0 + (c.box.x + c.box.width / 2) * k;
        const cy = y0 + (c.box.y + c.box.height / 2) * k;
        if (cx < coreX0 || cx >= coreX1 || cy < coreY0 || cy >= coreY1) continue;
        // Into the first look's pixels.
        const f = k / first.scale;
        strokes.push({
          id: id++,
          area: c.area * f * f,
          box: {
            x: (x0 + c.box.x * k) / first.scale,
            y: (y0 + c.box.y * k) / first.scale,
            width: c.box.width * f,
            height: c.box.height * f,
          },
          touchesBorder: false,
        });
      }
    }
  }
  const lines: Component[][] = [];
  let rest = strokes;
  while (rest.length > 0 && lines.length < CANDIDATES) {
    const line = mostProminentLine(rest, { strays: false });
    if (line.length === rest.length && lines.length > 0) break;
    if (lineHeight(line) > 0) lines.push(line);
    const taken = new Set(line.map((c) => c.id));
    rest = rest.filter((c) => !taken.has(c.id));
  }
  return lines;
}
