/**
 * A field cut out on its own (a cheque's amount, a form's boxes) is often printed over with a
 * light pattern or tint that the pen is darker than: its guilloche lines are as thin as a
 * pencil's, so no width tells them apart, but their tone does. The pixels darker than the paper
 * fall in two groups, the print's and the pen's; what is lighter than the level between them
 * (Otsu's, over those pixels) is made paper before the ink is looked for, when that print
 * covers the field as a pattern does.
 */
import type { Decoded } from '../preprocess/decode.js';
import type { Luminance } from '../preprocess/luminance.js';
import { otsu } from '../preprocess/coarse-image.js';

/** Only a light field (its median at least this) is read so: on a dark one the ink is light. */
const LIGHT_PAPER = 0.5;
/** A pixel this much darker than the paper (0–1) is ink or print. */
const DARKER = 0.06;
/** Levels the paper's tone is measured at. */
const BINS = 256;

interface Clip {
  paper: number;
  level: number;
}

/** The paper's tone (the median) and the level between print and pen of `values`. */
function clipOf(values: Float32Array): Clip | null {
  const counts = new Uint32Array(BINS);
  for (let i = 0; i < values.length; i++) counts[Math.min(BINS - 1, Math.max(0, Math.floor(values[i]! * BINS)))]!++;
  let paperBin = 0;
  for (let seen = 0; paperBin < BINS; paperBin++) {
    seen += counts[paperBin]!;
    if (seen * 2 >= values.length) break;
  }
  const paper = (paperBin + 0.5) / BINS;
  let darkCount = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < paper - DARKER) darkCount++;
  const dark = new Float32Array(darkCount);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i]! < paper - DARKER) dark[k++] = values[i]!;
  const level = dark.length > 0 ? otsu(dark) : paper;
  return level < paper - DARKER ? { paper, level } : null;
}

/** `image` with what is lighter than the level made paper. */
function clipped(image: Luminance, { paper, level }: Clip): Luminance {
  const values = new Float32Array(image.values.length);
  for (let i = 0; i < values.length; i++) values[i] = image.values[i]! > level ? paper : image.values[i]!;
  return { ...image, values };
}

/** The field is cut into this many rows of square cells… */
const CELL_ROWS = 4;
/** …and a cell holds print when this share of its pixels is of the lighter group… */
const CELL_PRINT = 0.05;
/**
 * …and a pattern covers the field when this share of its cells hold print. A cheque's guilloche
 * lies all over its field; a form's boxes and label do not, and there the pen may be lighter
 * than the printed lines, so clipping at the level would take it: with this set to 0 (every light
 * field clipped), validation boxed forms read 81.3% instead of 84.5%, cheques 82.0% instead of
 * 81.5% (`npx tsx scripts/bench/real-numbers.ts --split=validation --count=400 --kind=K --src`).
 */
const PATTERN_COVER = 0.85;

/** Does the lighter group of dark pixels (print) lie all over `image`, as a pattern does? */
function patternCovers(image: Luminance, { paper, level }: Clip): boolean {
  const { width, height, values } = image;
  const cell = height / CELL_ROWS;
  const columns = Math.max(1, Math.round(width / cell));
  let covered = 0;
  for (let r = 0; r < CELL_ROWS; r++) {
    for (let c = 0; c < columns; c++) {
      let pixels = 0;
      let print = 0;
      for (let y = Math.floor(r * cell); y < Math.floor((r + 1) * cell); y++) {
        for (let x = Math.floor((c * width) / columns); x < Math.floor(((c + 1) * width) / columns); x++) {
          const v = values[y * width + x]!;
          pixels++;
          if (v > level && v < paper - DARKER) print++;
        }
      }
      if (print >= CELL_PRINT * pixels) covered++;
    }
  }
  return covered >= PATTERN_COVER * CELL_ROWS * columns;
}

/** `decoded` with every pixel lighter than the pen made paper (see above), or as it is. */
export function withoutTint(decoded: Decoded): Decoded {
  const clip = clipOf(decoded.luminance.values);
  if (!clip || clip.paper < LIGHT_PAPER || !patternCovers(decoded.luminance, clip)) return decoded;
  const { detail } = decoded;
  return {
    ...decoded,
    luminance: clipped(decoded.luminance, clip),
    ...(detail ? { detail: (region, longest) => clipped(detail(region, longest), clip) } : {}),
  };
}
