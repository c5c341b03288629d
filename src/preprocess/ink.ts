/**
 * Luminance → ink map (0 background … 1 ink): detects which way the ink goes, removes paper
 * tint and uneven lighting with a coarse background estimate, and stretches the contrast so
 * strokes reach 1 whatever the pen, paper or exposure.
 */
import type { Polarity } from '../classify/types.js';
import type { Luminance } from './luminance.js';
import type { RowSpans } from './polygon.js';
import type { CleanPaper } from './clean-drawing.js';
import { upsample, type Grid } from './block-grid.js';
import { STROKE_THRESHOLD } from './components.js';
import { FAINT_INK, FAINT_SIGMAS, faintInk, joinFaintInk, localContrast } from './local-contrast.js';
import { paperEnvelope } from './paper-envelope.js';
import { valleysAndRidges } from './valleys.js';
import { IDENTITY, scratchQuantiles, scratchQuantilesOf, type Quantiles, type Transform } from './quantiles.js';

/** An ink map, 0 = background, 1 = ink, in the working image's pixels. */
export interface InkMap {
  ink: Float32Array;
  width: number;
  height: number;
  polarity: Polarity;
  /** Ink level above the noise floor, in luminance units; near 0 means a blank image. */
  contrast: number;
}

/** Bins of a lighting block's histogram: blocks need far less precision than whole images. */
const BLOCK_BINS = 256;

function blockPercentiles(image: Luminance, block: number, p: number): Grid {
  const { width, height, values } = image;
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const grid = new Float32Array(columns * rows);
  const cell = scratchQuantiles(0, BLOCK_BINS);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      cell.clear();
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        cell.addRange(values, y * width + bx * block, y * width + Math.min(width, (bx + 1) * block));
      }
      grid[by * columns + bx] = cell.at(p);
    }
  }
  return { values: grid, columns, rows, block };
}

/**
 * Replaces each cell by the median of its (2r+1)² neighbourhood: a median keeps a shadow's edge
 * sharp while removing anything narrower than about r cells, like a thick stroke.
 */
function medianOfNeighbours(grid: Grid, radius = 1): Grid {
  const { columns, rows } = grid;
  const out = new Float32Array(columns * rows);
  const near: number[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      near.length = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < rows && xx < columns) near.push(grid.values[yy * columns + xx]!);
        }
      }
      near.sort((a, b) => a - b);
      out[y * columns + x] = near[near.length >> 1]!;
    }
  }
  return { ...grid, values: out };
}

/**
 * Arrays reused from call to call for what never leaves this module (a local level, the paper's
 * level, the ink before its contrast is stretched): a browser pays for every large array it
 * allocates, in zeroing it and in garbage collections. Kept by length, the last two lengths
 * (a first look and a second look at a digit's region alternate): V8 reads and writes a view of
 * a longer array more slowly than a whole one.
 */
const scratch: Array<Map<number, Float32Array>> = [];

/** Scratch array `k`, `length` long, its values left as they were: every one is written before use. */
function scratchArray(k: number, length: number): Float32Array {
  const byLength = (scratch[k] ??= new Map());
  let array = byLength.get(length);
  if (!array) {
    if (byLength.size >= 2) byLength.delete(byLength.keys().next().value!);
    array = new Float32Array(length);
    byLength.set(length, array);
  }
  return array;
}

/** How the ink is looked for; the defaults suit a whole page. */
export interface InkOptions {
  /** Known polarity (e.g. from a first look at the whole image). */
  polarity?: Polarity;
  /**
   * Lighting blocks across the image's longest side: 16 for a page; fewer for a crop around a
   * digit, where strokes fill much of the area and lighting hardly varies.
   */
  blocksAcross?: number;
  /**
   * Where ink can be (the inside of a writing surface): everything else is never ink, and does
   * not count in the polarity, paper level and contrast estimates.
   */
  inside?: RowSpans;
  /**
   * Measure each stroke against the strongest ink near it, not only the page's (see
   * local-contrast.ts): a line written lighter than the others is read in full.
   */
  localContrast?: boolean;
  /**
   * A shadow may cross the paper, and no more than the paper is in the picture: `classify()`'s
   * looks at a photo in which no writing surface was found (a page that fills the frame). The
   * paper's level then follows a shadow's edge (see paper-envelope.ts), and the polarity test
   * looks past it (see {@link detectPolarity}). Validation photos with a cast shadow (MNIST
   * training digits, 300: `scripts/bench/scenes.ts --kind=cast-shadow --split=train --salt=1
   * --dump=DIR`, then `desk-node.ts DIR --browser-like`): 96.0 → 98.3% read right (97.3% with the
   * polarity test alone). Not for a scene, nor for `readNumber()`: a desk in the picture has steps
   * of its own (a note whose outline was not found, read on a dark desk, lost digits to it).
   */
  followShadows?: boolean;
  /**
   * The paper of a clean drawing (see clean-drawing.ts): its one shade is the paper's level
   * everywhere, and its ink's side the polarity, neither estimated.
   */
  paper?: CleanPaper;
}

/**
 * Blocks across the image for the polarity test: coarse, so a thick marker stroke never fills
 * a block's neighbourhood, yet fine enough that half a page in shadow has its own median.
 */
const POLARITY_BLOCKS = 4;
/** Blocks across the image for the paper level (see {@link InkOptions.blocksAcross}). */
const PAGE_BLOCKS = 16;

/** Side of the blocks the lighting is estimated on, at least 8 px. */
function blockSize(image: Luminance, blocksAcross = PAGE_BLOCKS): number {
  return Math.max(8, Math.ceil(Math.max(image.width, image.height) / blocksAcross));
}

/**
 * Tails that differ by less than this share of the greater are a close call, and a shadow's edge
 * may have decided it: then pixels count only as valleys or ridges (the wrong way round in the
 * validation photos, the tails differed by 0.6–11%).
 */
const CLOSE_CALL = 0.25;

/**
 * Dark ink on light paper, or light ink (chalk, MNIST) on dark? Ink is the minority tone that
 * stands out from its surroundings: compare how far pixels fall below and rise above their
 * local median, so a big shadow or a lit half of the page does not decide it. With `followShadows`,
 * a close call is decided again counting a pixel only as far as it also lies below (or above) what
 * is on both sides of it (see valleys.ts): along a shadow's edge the local median lies between the
 * lit paper and the shadowed, and the lit side, above it, outweighed dark ink in the shadow
 * (validation photos with a cast shadow, 300: 5 read the wrong way round, none after).
 */
export function detectPolarity(image: Luminance, followShadows = false): Polarity {
  const { width, height, values } = image;
  const local = scratchArray(0, values.length);
  if (Math.max(width, height) < 64) local.fill(scratchQuantilesOf(0, values).at(0.5));
  else
    upsample(medianOfNeighbours(blockPercentiles(image, blockSize(image, POLARITY_BLOCKS), 0.5)), width, height, local);
  const deviations = scratchQuantiles(1);
  deviations.addHalfDifferences(values, local);
  // Far tails: a thin pen line can be well under 1% of a photo's pixels.
  const darkTail = 0.5 - deviations.at(0.002);
  const lightTail = deviations.at(0.998) - 0.5;
  const close = Math.abs(darkTail - lightTail) < CLOSE_CALL * Math.max(darkTail, lightTail);
  if (!followShadows || !close || Math.max(width, height) < 64) {
    return darkTail >= lightTail ? 'dark-on-light' : 'light-on-dark';
  }
  // Pixels nearer the local level than half the lesser tail (most of the page) are left out:
  // when no valley or ridge lies further out either, neither is ink, and paper and pen is the guess.
  const { below, above } = valleysAndRidges(image, local, Math.min(darkTail, lightTail));
  return scratchQuantilesOf(0, below).at(0.998) >= scratchQuantilesOf(2, above).at(0.998)
    ? 'dark-on-light'
    : 'light-on-dark';
}

/** The paper's envelope is taken over blocks this many times smaller than the lighting blocks… */
const ENVELOPE_SPLIT = 4;
/** …out to this many lighting blocks either way (their median spans two)… */
const ENVELOPE_REACH = 2;
/**
 * …but no further than this share of the image's longest side: around one digit (a second
 * look), lighting blocks span the crop, and an envelope as wide takes a lit stroke's paper for the
 * shadow's.
 */
const ENVELOPE_MAX = 0.17;
/**
 * The envelope takes over only where it lies further than this from the blocks' level: on paper
 * with no shadow across it the two differ by noise, and the noise floor of a blank page would
 * change with it (without it, the blank page with a shadow across it in test/node/scene.test.ts
 * was no longer EMPTY_IMAGE; at 0.01, the shadow's edge was read as light ink).
 */
const ENVELOPE_SLACK = 0.02;

/**
 * Neighbouring lighting blocks whose levels differ by less than this have no shadow's edge
 * between them (a gradient across the page changes the level by a few hundredths a block), and
 * the blocks' level is left as it is.
 */
const SHADOW_STEP = 0.06;

/** The greatest difference between two neighbouring cells of `grid`, along a row or a column. */
function largestStep({ values, columns, rows }: Grid): number {
  let largest = 0;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const v = values[y * columns + x]!;
      if (x + 1 < columns) largest = Math.max(largest, Math.abs(values[y * columns + x + 1]! - v));
      if (y + 1 < rows) largest = Math.max(largest, Math.abs(values[(y + 1) * columns + x]! - v));
    }
  }
  return largest;
}

/**
 * The paper's level at every pixel: a high (dark ink) or low (light ink) percentile per block,
 * the median of each block's 5×5 neighbourhood (so blocks filled by a thick stroke take their
 * neighbours' paper, while a shadow's edge stays where it is), spread bilinearly. With
 * `followShadows`, never further than {@link ENVELOPE_SLACK} past the paper's envelope, which
 * follows a shadow's edge to the pixel.
 */
function estimateBackground(
  image: Luminance,
  darkInk: boolean,
  blocksAcross?: number,
  followShadows = false,
): Float32Array {
  const { width, height, values } = image;
  const background = scratchArray(1, values.length);
  if (Math.max(width, height) < 64) return background.fill(scratchQuantilesOf(0, values).at(0.5));
  const block = blockSize(image, blocksAcross);
  const grid = medianOfNeighbours(blockPercentiles(image, block, darkInk ? 0.75 : 0.25), 2);
  upsample(grid, width, height, background);
  if (!followShadows || largestStep(grid) < SHADOW_STEP) return background;
  // Along a shadow's edge the blocks' level spreads into the shadow: there the paper's
  // envelope, which follows the edge, is nearer the paper (see paper-envelope.ts).
  const fine = Math.max(2, Math.round(block / ENVELOPE_SPLIT));
  const reach = Math.min(ENVELOPE_REACH * block, ENVELOPE_MAX * Math.max(width, height));
  const envelope = upsample(
    paperEnvelope(image, fine, Math.max(1, Math.round(reach / fine)), darkInk),
    width,
    height,
    scratchArray(4, values.length),
  );
  for (let i = 0; i < background.length; i++) {
    const e = envelope[i]!;
    const b = background[i]!;
    background[i] = darkInk ? Math.min(b, e + ENVELOPE_SLACK) : Math.max(b, e - ENVELOPE_SLACK);
  }
  return background;
}

/** Zeroes every value outside the spans. */
function clearOutside(values: Float32Array, inside: RowSpans): void {
  const { width, height } = inside;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const from = Math.min(width, Math.max(0, inside.from[y]!));
    const to = Math.max(from, Math.min(width, inside.to[y]!));
    values.fill(0, row, row + from);
    values.fill(0, row + to, row + width);
  }
}

/**
 * The image with every pixel outside `inside` replaced by the nearest inside pixel of its row
 * (or, for empty rows, by the nearest row that has one): the desk around a note becomes more of
 * the note's paper, so lighting blocks that straddle the note's edge see paper, not desk.
 */
function fillOutside(image: Luminance, inside: RowSpans): Luminance {
  const { width, height } = image;
  const values = scratchArray(3, image.values.length);
  values.set(image.values);
  let lastRow = -1;
  const emptyRows: number[] = [];
  for (let y = 0; y < height; y++) {
    const from = inside.from[y]!;
    const to = inside.to[y]!;
    const row = y * width;
    if (from >= to) {
      emptyRows.push(y);
      continue;
    }
    for (let x = 0; x < from; x++) values[row + x] = values[row + from]!;
    for (let x = to; x < width; x++) values[row + x] = values[row + to - 1]!;
    lastRow = y;
  }
  if (lastRow < 0) return image;
  for (const y of emptyRows) {
    // The nearest filled row: above when one exists before, else below.
    let source = y;
    for (let d = 1; d < height && source === y; d++) {
      if (y - d >= 0 && inside.from[y - d]! < inside.to[y - d]!) source = y - d;
      else if (y + d < height && inside.from[y + d]! < inside.to[y + d]!) source = y + d;
    }
    values.copyWithin(y * width, source * width, source * width + width);
  }
  return { ...image, values };
}

/** Counts every value where ink can be (all of them, or those inside the spans) into `q`. */
function countInside(q: Quantiles, values: Float32Array, inside: RowSpans | undefined, transform: Transform): void {
  if (!inside) {
    q.addRange(values, 0, values.length, transform);
    return;
  }
  const { width, height, from, to } = inside;
  for (let y = 0; y < height; y++) q.addRange(values, y * width + from[y]!, y * width + to[y]!, transform);
}

/**
 * Ink within this share of the image's shorter side from its edge does not set the contrast: a
 * phone's lens darkens a photo's corners more steeply than the paper's level follows them (see
 * {@link estimateBackground}), and the dark corners took the place of the strongest ink, so a
 * pencil's strokes fell under the stroke threshold and a corner was read instead (the pencil
 * photos of test/node/faint-photos.test.ts: 1 of 20 digits read, 15 with the frame). Chosen on
 * validation photos (MNIST training digits): six photo kinds of `classify()`, 1,800 images, read
 * the same (`scenes.ts --kind=K --split=train --count=300 --salt=1 --dump=DIR`, then
 * `desk-node.ts DIR --browser-like`), 900 numbers on desks too (813); of 400 each, cheque
 * amounts 84.5 → 84.3%, numbers on a page 91.0 → 90.8%, sheets held askew 77.0 → 77.5%.
 */
const EDGE_FRAME = 0.08;

/** The image less a frame {@link EDGE_FRAME} wide; undefined for a small image (a crop, a canvas). */
function innerFrame(width: number, height: number): RowSpans | undefined {
  const frame = Math.round(EDGE_FRAME * Math.min(width, height));
  if (frame < 1 || Math.max(width, height) < 64) return undefined;
  const from = new Int32Array(height);
  const to = new Int32Array(height);
  for (let y = frame; y < height - frame; y++) {
    from[y] = frame;
    to[y] = width - frame;
  }
  return { from, to, width, height };
}

/** Builds the ink map of a luminance image. */
export function extractInk(input: Luminance, options: InkOptions = {}): InkMap {
  const { inside } = options;
  const image = inside ? fillOutside(input, inside) : input;
  const { width, height, values } = image;
  const { paper } = options;
  const polarity = options.polarity ?? paper?.polarity ?? detectPolarity(image, options.followShadows);
  const darkInk = polarity === 'dark-on-light';
  const background = paper
    ? scratchArray(1, values.length).fill(paper.level)
    : estimateBackground(image, darkInk, options.blocksAcross, options.followShadows);
  const raw = scratchArray(2, values.length);
  // Relative to the local paper level, so a shadowed corner has the same ink as a lit one (a loop
  // for each polarity: choosing on every pixel cost more than the sums).
  if (darkInk) {
    for (let i = 0; i < values.length; i++) {
      const bg = background[i]!;
      raw[i] = Math.max(0, (bg - values[i]!) / Math.max(bg, 0.1));
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const bg = background[i]!;
      raw[i] = Math.max(0, (values[i]! - bg) / Math.max(1 - bg, 0.1));
    }
  }
  if (inside) clearOutside(raw, inside);
  // Noise floor from the background's spread (median absolute deviation), robust to the ink;
  // only pixels where ink can be count.
  const counts = scratchQuantiles(0);
  countInside(counts, raw, inside, IDENTITY);
  const median = counts.at(0.5);
  const deviations = scratchQuantiles(1);
  countInside(deviations, raw, inside, { ...IDENTITY, shift: median, absolute: true });
  const sigma = 1.4826 * deviations.at(0.5);
  const floor = median + 4 * sigma;
  const above = scratchQuantiles(2);
  countInside(above, raw, inside ?? innerFrame(width, height), { ...IDENTITY, above: floor + 1e-3 });
  const peak = above.size > 0 ? Math.max(floor, above.at(0.99, true)) : floor;
  const contrast = peak - floor;
  const ink = new Float32Array(raw.length);
  if (contrast > 0 && options.localContrast) {
    const local = localContrast(raw, width, height, floor, contrast, inside);
    for (let i = 0; i < raw.length; i++) ink[i] = Math.min(1, Math.max(0, (raw[i]! - floor) / local[i]!));
    const faint = faintInk(raw, local, width, height, median + FAINT_SIGMAS * sigma, floor);
    joinFaintInk(ink, faint, width, height, FAINT_INK, STROKE_THRESHOLD);
  } else if (contrast > 0) {
    for (let i = 0; i < raw.length; i++) ink[i] = Math.min(1, Math.max(0, (raw[i]! - floor) / contrast));
  }
  return { ink, width, height, polarity, contrast };
}
