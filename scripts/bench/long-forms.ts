/**
 * Long numbers in printed boxes: 8–10 digit forms (test/fixtures/real-numbers, MNIST test digits)
 * with seeds outside the bench's, through `readNumber()` of src/. Prints each misread and the count
 * read exactly; run it on two commits to compare.
 *
 *   npx tsx scripts/bench/long-forms.ts [FROM] [TO]   (default seeds 301–500)
 */
import { DigitRecognizerError, loadClassifier, readNumber } from '../../src/node.js';
import { composeForm, toRgba } from '../../test/fixtures/real-numbers/index.js';
import { mnistTest, SHIPPED_MODEL_URL } from '../../test/node/helpers.js';

const from = Number(process.argv[2] ?? 301);
const to = Number(process.argv[3] ?? 500);
const classifier = await loadClassifier({ modelUrl: SHIPPED_MODEL_URL });
const { images, labels } = mnistTest();
const source = { images, labels, count: 10_000 };
let right = 0;
for (let seed = from; seed <= to; seed++) {
  const made = composeForm(source, { seed, length: 8 + (seed % 3) });
  let text: string;
  try {
    const pixels = { data: toRgba(made.canvas), width: made.canvas.width, height: made.canvas.height };
    text = (await readNumber(pixels, { classifier })).text;
  } catch (error) {
    if (!(error instanceof DigitRecognizerError)) throw error;
    text = `(${error.code})`;
  }
  if (text === made.text) right++;
  else console.log(`  #${seed}: ${made.text} → ${text}`);
}
console.log(`long boxed numbers, seeds ${from}–${to}: ${right}/${to - from + 1} read exactly`);
process.exit(0);
