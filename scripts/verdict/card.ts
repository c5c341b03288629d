/** The verdict member's model card (Markdown), written from the metrics measured on its shipped files. */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOODLES } from '../negatives/doodles.js';
import { EXCLUDED_GLYPHS, FONT_SPLITS, LETTERS, SYMBOLS } from '../negatives/fonts.js';
import { CATEGORIES, type Category } from '../negatives/generate.js';
import { SCRIBBLE_KINDS } from '../negatives/scribbles.js';
import { TEXTURES } from '../negatives/textures.js';
import { flagShapeWords } from '../train/flagged-ones.js';
import { formatDuration } from '../train/progress.js';
import type { digitFigures, negativeFigures } from './measure.js';
import type { EpochRecord } from './run.js';

interface Split {
  digits: ReturnType<typeof digitFigures>;
  /** The same digits drawn on paper and read through the library's preprocessing. */
  paperDigits: ReturnType<typeof digitFigures>;
  /** Digits in photo-like renderings (marker, thin pen, cast shadow, soft focus) through the preprocessing. */
  photoDigits?: ReturnType<typeof digitFigures>;
  negatives: ReturnType<typeof negativeFigures>;
  calibration: { before: number; after: number };
}

export interface VerdictMetrics {
  parameters: number;
  weightBytes: number;
  filters: number[];
  temperature: number;
  epochs: number;
  plannedEpochs: number;
  seed: number;
  quick: boolean;
  negativeShare: number;
  emaDecay: number;
  /** Chance that an upright training 1 was given a flag; 0 (or missing, an older run): none. */
  flagChance?: number;
  perCategory: { train: number; validation: number; test: number };
  trainDigits: number;
  paperTrainDigits: number;
  photoTrainDigits?: number;
  /** Negatives per split and category, after those that read as a 1 are left out. */
  negativeCounts: Record<'train' | 'validation' | 'test', Record<string, number>>;
  validation: Split;
  /** Null for an intermediate export: the test sets are read only once a run is finished. */
  test: Split | null;
  history: EpochRecord[];
  trainingSeconds: number;
  samplesPerSecond: number;
  totalSeconds: number;
}

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;
const NOT_READ = 'not read (intermediate export)';

const WHAT: Record<Category, string> = {
  letters: `handwriting-style letters ${[...LETTERS].join(' ')}, with jitter in size, stroke weight, slant, rotation and an elastic warp`,
  symbols: `symbols ${[...SYMBOLS].join(' ')} in the same fonts and jitter`,
  doodles: `hand-drawn ${Object.keys(DOODLES).join(', ')}`,
  scribbles: `marks that are not writing: ${SCRIBBLE_KINDS.join(', ')}`,
  pairs: 'two MNIST training digits side by side (apart, touching or overlapping a little)',
  'cut-digits':
    'the top or bottom 35–50% of an MNIST training digit, only where that piece reads as no digit (the arch or cup of a 0, the lower hook of a 3 or 5), never a line-like piece',
  textures: `synthesised textures filling the frame: ${Object.keys(TEXTURES).join(', ')}`,
  objects: 'synthesised objects lying on paper, shaded, with a shadow: a ball, a pen, a phone, a mug, a key',
};

function categoryRows(m: VerdictMetrics): string {
  return CATEGORIES.map(
    (c) =>
      `| ${c} | ${pct(m.validation.negatives.perCategory[c] ?? 0, 1)} | ${m.test ? `**${pct(m.test.negatives.perCategory[c] ?? 0, 1)}**` : NOT_READ} | ${m.negativeCounts.test[c] ?? 0} |`,
  ).join('\n');
}

function perDigitRows(m: VerdictMetrics): string {
  if (!m.test) return `| all | | ${NOT_READ} | |`;
  return m.test.digits.confusion
    .map((row, d) => {
      const total = row.reduce((a, b) => a + b, 0);
      return `| ${d} | ${total} | ${pct(row[d]! / Math.max(1, total))} | ${row[10] ?? 0} |`;
    })
    .join('\n');
}

/** The card's rows on photo-like digits (none for a member trained before they existed). */
function photoRows(m: VerdictMetrics): string {
  const v = m.validation.photoDigits;
  if (!v) return '';
  const t = m.test?.photoDigits;
  const cell = (f: NonNullable<Split['photoDigits']>): string =>
    `${pct(f.accuracy)}; ${pct(f.notADigitRate)} (${f.count.toLocaleString('en')} images)`;
  const what = 'in photo-like renderings (marker, thin pen, cast shadow, soft focus), read through `preprocess()`';
  return (
    `| MNIST test digits ${what}: accuracy; called "not a digit" | ${t ? cell(t) : NOT_READ} |\n` +
    `| Validation digits ${what}: accuracy; called "not a digit" | ${cell(v)} |\n`
  );
}

function photoTraining(m: VerdictMetrics): string {
  if (!m.photoTrainDigits) return '';
  return (
    `- Digits as a phone photo shows them: ${m.photoTrainDigits.toLocaleString('en')} other training digits drawn with a thick marker\n` +
    '  or a thin pen, under a cast shadow and uneven light, slightly out of focus, and read back by\n' +
    '  `preprocessImage()` (scripts/negatives/photo-digits.ts; a rendering the pipeline crops to something\n' +
    "  else, such as the shadow's edge, is left out); each epoch shows that version half of the time.\n"
  );
}

function flagTraining(m: VerdictMetrics): string {
  if (!m.flagChance) return '';
  return (
    `- Flagged 1s, as the digit members (scripts/train/flagged-ones.ts): ${Math.round(m.flagChance * 100)}% of the upright training 1s (MNIST,\n` +
    `  on paper or photo-like) are given a flag, a short stroke down to the left from the top\n` +
    `  (${flagShapeWords()}), as much of the world writes a 1.\n`
  );
}

function historyRows(m: VerdictMetrics): string {
  return m.history
    .map(
      (h) =>
        `| ${h.epoch} | ${h.loss.toFixed(4)} | ${pct(h.accuracy)} | ${pct(h.validationAccuracy)} | ` +
        `${pct(h.validationFalseNotADigit)} | ${h.validationPaperAccuracy === undefined ? '' : `${pct(h.validationPaperAccuracy)}, ${pct(h.validationPaperFalseNotADigit ?? 0)}`} | ` +
        `${h.validationPhotoAccuracy === undefined ? '' : `${pct(h.validationPhotoAccuracy)}, ${pct(h.validationPhotoFalseNotADigit ?? 0)}`} | ` +
        `${pct(h.validationNotADigit, 1)} |`,
    )
    .join('\n');
}

export function writeVerdictCard(dir: string, m: VerdictMetrics): void {
  const t = m.test;
  const unfinished = m.epochs < m.plannedEpochs;
  const command = `npm run train:verdict -- --epochs ${m.plannedEpochs} --seed ${m.seed}${m.quick ? ' --quick' : ''}`;
  const text = `# Model card: ${basename(dir)} (the verdict member of the shipped model)

The member of the shipped ensemble, [models/recognizer](../../recognizer/MODEL_CARD.md), that says
when an image is not a digit: the digit network's shape with an **11th output, "not a digit"**,
trained on MNIST and on generated negatives, its weights averaged, its confidence calibrated.
Input: the 28×28 image \`preprocess()\` makes (white ink on black, MNIST-normalised). Output: 11
probabilities summing to 1; index 0–9 are the digits, **index 10 is "not a digit"**.
${unfinished ? `\n> **Intermediate export:** these weights are the averaged weights after epoch ${m.epochs} of a planned ${m.plannedEpochs}-epoch run (\`--export-only\`); the run goes on.\n` : ''}
## At a glance
| | |
|---|---|
| Parameters | ${m.parameters.toLocaleString('en')} (convolutions ${m.filters.join(', ')}) |
| Weights | ${(m.weightBytes / 1024).toFixed(1)} KB (uint8 kernels, float16 biases, as models/mnist-cnn) |
| MNIST test accuracy (shipped, quantized weights; "not a digit" counts as wrong) | ${t ? `**${pct(t.digits.accuracy)}** (${t.digits.count.toLocaleString('en')} images)` : NOT_READ} |
| MNIST test digits called "not a digit" | ${t ? pct(t.digits.notADigitRate) : NOT_READ} |
| MNIST test digits drawn on paper, read through \`preprocess()\`: accuracy; called "not a digit" | ${t ? `${pct(t.paperDigits.accuracy)}; ${pct(t.paperDigits.notADigitRate)} (${t.paperDigits.count.toLocaleString('en')} images)` : NOT_READ} |
| Validation digits drawn on paper, read through \`preprocess()\`: accuracy; called "not a digit" | ${pct(m.validation.paperDigits.accuracy)}; ${pct(m.validation.paperDigits.notADigitRate)} (${m.validation.paperDigits.count.toLocaleString('en')} images) |
${photoRows(m)}| Validation accuracy (${m.validation.digits.count.toLocaleString('en')} MNIST training images held out) | ${pct(m.validation.digits.accuracy)}; ${pct(m.validation.digits.notADigitRate)} called "not a digit" |
| Held-out non-digit test set called "not a digit" | ${t ? `**${pct(t.negatives.rate, 1)}** (${t.negatives.count.toLocaleString('en')} images, other fonts and seeds)` : NOT_READ} |
| Validation non-digits called "not a digit" | ${pct(m.validation.negatives.rate, 1)} (${m.validation.negatives.count.toLocaleString('en')} images) |
| Calibration temperature (fitted on validation) | ${m.temperature.toFixed(3)}, folded into the last layer |
| ECE, 15 bins, validation (digits, the same through the pipeline, negatives): before → after | ${pct(m.validation.calibration.before)} → ${pct(m.validation.calibration.after)} |
| ECE, 15 bins, test (MNIST test, the same through the pipeline, non-digit test set): before → after | ${t ? `${pct(t.calibration.before)} → ${pct(t.calibration.after)}` : NOT_READ} |
| Training | ${m.epochs} epoch${m.epochs === 1 ? '' : 's'}, seed ${m.seed}, ${formatDuration(m.trainingSeconds)} at ${Math.round(m.samplesPerSecond)} samples/s (tfjs wasm, Node, 1 core); the whole run with data and export ${formatDuration(m.totalSeconds)} |

## Not a digit, per category
The verdict is the argmax: "not a digit" when output 10 is the largest.

| category | validation | test (held out) | test images |
|---|---|---|---|
${categoryRows(m)}
| **all** | ${pct(m.validation.negatives.rate, 1)} | ${t ? `**${pct(t.negatives.rate, 1)}**` : NOT_READ} | ${Object.values(m.negativeCounts.test).reduce((a, b) => a + b, 0)} |

## The negatives
Every negative is drawn at 128×128 as dark ink on light paper (paper tint, uneven light, pen
colour and camera noise vary) and goes through the library's own \`preprocessImage()\`, exactly as
a photo or a drawing in \`classify()\`; drawings it calls blank (\`EMPTY_IMAGE\`) are not used, and
pairs and cut digits must come out whole (not cropped by the pipeline to one part). Categories:
${CATEGORIES.map((c) => `- **${c}**: ${WHAT[c]}.`).join('\n')}

Left out of the letters and symbols, because a person could read them as a digit:
\`${EXCLUDED_GLYPHS}\`. No plain circle, ellipse or square is drawn (a 0), no vertical arrow or single
line (a 1). Whatever was drawn, a negative whose ink is line-like (principal axes' spreads under
0.35 apart) and within 50° of upright reads as a 1 and is left out (a pen seen from above, a
stroke of a letter); the counts below are after that. Fonts are \`@fontsource/*\` handwriting families from npm, each in one split only:
- training (${FONT_SPLITS.train.length}): ${FONT_SPLITS.train.join(', ')};
- validation (${FONT_SPLITS.validation.length}): ${FONT_SPLITS.validation.join(', ')};
- test (${FONT_SPLITS.test.length}): ${FONT_SPLITS.test.join(', ')}.

Each split draws with its own seeds. Pairs and cut digits use MNIST *training* digits: training
digits for training negatives, one half of the validation slice each for validation and test
negatives; the MNIST test file never. Drawn per category: ${m.perCategory.train.toLocaleString('en')} training (a pool),
${m.perCategory.validation} validation, ${m.perCategory.test} test; kept: ${(['train', 'validation', 'test'] as const)
    .map(
      (split) =>
        `${split} ${Object.values(m.negativeCounts[split])
          .reduce((a, b) => a + b, 0)
          .toLocaleString('en')}`,
    )
    .join(
      ', ',
    )}. Contact sheets of the test set: [sheets/](./sheets/). Not used, for any purpose: Fashion-MNIST, Debian's
image, wallpaper, font and scikit-image packages, the families and repositories in
shared/reserved.txt, and any real photo.

## Training
- Digits: ${m.trainDigits.toLocaleString('en')} of MNIST's training images; ${m.validation.digits.count.toLocaleString('en')} more are the validation slice (chosen with
  the seed, as \`npm run train:digits\` does). Test: MNIST's test images, read once, at the end of the run.
- Digits through the pipeline: ${m.paperTrainDigits.toLocaleString('en')} training digits also drawn on paper (as the pairs are) and read
  back by \`preprocessImage()\`; each epoch shows that version instead of the MNIST image half of the
  time, so "looks preprocessed" never means "not a digit".
${photoTraining(m)}- Each epoch: every training digit plus ${pct(m.negativeShare, 0)} of the epoch drawn from the negative pool,
  shuffled; the shipped model's augmentation on both (rotation, scale, shear, shift, stroke weight,
  blur, contrast, noise).
${flagTraining(m)}- Adam, warm-up then cosine decay; an exponential moving average of the weights (decay ${m.emaDecay} per
  step) is what is exported. Temperature scaling is fitted on validation (digits and validation
  negatives) and only there; nothing was tuned on a test set.

| epoch | loss | train acc (augmented) | validation acc | validation digits called not a digit | on paper through the pipeline: acc, not a digit | photo-like through the pipeline: acc, not a digit | validation negatives flagged |
|---|---|---|---|---|---|---|---|
${historyRows(m)}

## Per digit (MNIST test)
| digit | images | accuracy | called not a digit |
|---|---|---|---|
${perDigitRows(m)}

## Limits
- The 11th output shares a 36k-parameter network: alone, ${t ? `MNIST test is ${pct(t.digits.accuracy)}` : 'MNIST test is not read yet'}
  (the 10-class model reaches 99.50% with the same network); in the ensemble the digit
  members read the digits with it, and this member alone says "not a digit".
- The verdict in this card is the argmax of its 11 outputs; \`classify()\` uses the ensemble's
  calibrated \`notDigitScore\` at 0.5 (see the ensemble's card).
- A photo of a round object can come out of the pipeline as a ring, close to a 0; an upright
  line-like mark (a pen seen from above) comes out as a 1 and is never a negative here, so the model
  will read it as one.
- Calibration is measured on MNIST-like digits, digits through the pipeline (on paper and
  photo-like) and the generated non-digits, where most answers are easy; real photos are not part of it.

## Reproduce
\`\`\`sh
${command}
npm run train:verdict -- --resume        # after an interruption
npm run negatives:sheets -- --split test # contact sheets of the negatives
\`\`\`
`;
  writeFileSync(join(dir, 'MODEL_CARD.md'), text);
}
