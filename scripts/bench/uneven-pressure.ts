/**
 * Digits pressed unevenly, photographed on paper: `classify()` on one digit and `readNumber()` on
 * a 5-digit number (no `lines`), each written once with even pressure and once with every digit
 * pressed fully on one side and a sixth to a third as hard on the other (test/fixtures/pen-rows.ts,
 * `pressures`), the same digits, seeds and vignette. What a ballpoint does on a real photo: the
 * upper loop of an 8 or one side of a 0 a light grey. Digits of the validation split come from
 * MNIST's training set, the test split's from MNIST's test set.
 *
 *   npx tsx scripts/bench/uneven-pressure.ts [--split=validation] [--digits=60] [--numbers=30] [--src] [--verbose]
 */
import { penRows } from '../../test/fixtures/pen-rows.js';
import { random } from '../../test/fixtures/real-numbers/canvas.js';
import { photoRun } from './photo-split.js';

const { args, option, seedBase, set, api } = await photoRun({ test: 1_800_000, validation: 2_800_000 });
const digits = Number(option('digits') ?? 60);
const numbers = Number(option('numbers') ?? 30);
const verbose = args.includes('--verbose');
const classifier = await api.getDefaultClassifier();

/** The pressure of a row pressed unevenly (`pressures` of pen-rows.ts: a sixth to a third). */
const UNEVEN = 0.16;

const failure = (e: unknown): string => (e instanceof api.DigitRecognizerError ? e.code : String(e));

for (const pressure of [0, UNEVEN]) {
  const name = pressure > 0 ? 'uneven pressure' : 'even pressure';
  const misread: string[] = [];
  for (let n = 0; n < digits; n++) {
    const rand = random(seedBase + n);
    const photo = penRows(set.images, set.labels, [[Math.floor(rand() * set.count)]], {
      seed: seedBase + n,
      pressures: [pressure],
      vignette: 0.1 + 0.2 * rand(),
      width: 1600,
      height: 1200,
      digitHeight: Math.round(240 + 120 * rand()),
      indent: 0.4,
    });
    const read = await classifier.classify(photo).then((p) => String(p.digit), failure);
    if (read !== photo.texts[0]) misread.push(`${photo.texts[0]} → ${read}`);
  }
  console.log(`${name}, classify(): ${digits - misread.length}/${digits} read right`);
  if (verbose) console.log(`  misread: ${misread.join(', ')}`);
  misread.length = 0;
  for (let n = 0; n < numbers; n++) {
    const rand = random(seedBase + 100_000 + n);
    const row = Array.from({ length: 5 }, () => Math.floor(rand() * set.count));
    const photo = penRows(set.images, set.labels, [row], {
      seed: seedBase + 100_000 + n,
      pressures: [pressure],
      vignette: 0.1 + 0.2 * rand(),
      width: 2400,
      height: 1800,
      indent: 0.1,
      gap: [0.5, 0.8],
    });
    const read = await api.readNumber(photo, { classifier }).then((r) => r.text, failure);
    if (read !== photo.texts[0]) misread.push(`${photo.texts[0]} → ${read}`);
  }
  console.log(`${name}, readNumber(): ${numbers - misread.length}/${numbers} read exactly`);
  if (verbose) console.log(`  misread: ${misread.join(', ')}`);
}
