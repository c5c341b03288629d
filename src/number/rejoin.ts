/**
 * Two pieces of one digit the stroke grouping kept apart, put back together when the model says
 * so: a 9 whose loop was drawn light or broken off its stem overlaps the stem too little to be
 * grouped with it, and was read as a mark that is no digit and a "1" ("90320270" read
 * "610320270"). Validation (MNIST training digits, 400 each): boxed forms two read right more,
 * none lost; cheque amounts, numbers on a page, sheets askew, 800 numbers on desks and 300
 * composed numbers the same.
 */
import { readPieces, type Piece, type Reader } from './pieces.js';
import { merge } from './segment.js';

/** Two pieces joined are no wider than this share of the line height (a digit is not). */
const JOINED_WIDTH = 1.2;
/** The checker's chance that the joined piece is one whole digit is at least this. */
const JOINED_WHOLE = 0.5;

/** Do the boxes of `a` and `b` overlap from left to right? */
const overlapping = (a: Piece, b: Piece): boolean =>
  Math.min(a.group.box.x + a.group.box.width, b.group.box.x + b.group.box.width) >
  Math.max(a.group.box.x, b.group.box.x);

/**
 * `pieces` (left to right), with each two neighbours that overlap side to side, one of them no
 * digit to the model, joined where the two together read as a clean digit the checker takes for
 * one whole digit. Pieces cut out of a wider mark stay as cut: the cut chose them.
 */
export async function rejoinPieces(reader: Reader, pieces: Piece[]): Promise<Piece[]> {
  const result = pieces.slice();
  for (let i = 0; i + 1 < result.length; i++) {
    const [a, b] = [result[i]!, result[i + 1]!];
    if (a.cut || b.cut || !overlapping(a, b)) continue;
    if (a.prediction.reason !== 'not-a-digit' && b.prediction.reason !== 'not-a-digit') continue;
    const group = merge(a.group, b.group);
    if (group.box.width > JOINED_WIDTH * reader.lineHeight) continue;
    const [joined] = await readPieces(reader, [group]);
    if (!joined || joined.prediction.uncertain || joined.whole < JOINED_WHOLE) continue;
    result.splice(i, 2, joined);
    i = Math.max(-1, i - 2);
  }
  return result;
}
