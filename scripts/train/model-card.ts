/** Writes the model card (Markdown), its metrics (JSON) and a confusion-matrix image (SVG). */
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Evaluation } from './evaluate.js';
import { flagShapeWords } from './flagged-ones.js';

export interface CardFacts {
  parameters: number;
  weightBytes: number;
  architecture: string;
  epochs: number;
  seed: number;
  trainCount: number;
  validationCount: number;
  validation: Evaluation;
  test: Evaluation;
  /** Chance that an upright training 1 was given a flag (scripts/train/flagged-ones.ts); 0: none. */
  flagChance: number;
  trainingSeconds: number;
  samplesPerSecond: number;
  history: Array<{ epoch: number; loss: number; accuracy: number; validationAccuracy: number }>;
  command: string;
}

function confusionSvg(e: Evaluation): string {
  const cell = 40;
  const margin = 48;
  const size = margin + cell * 10 + 8;
  const rows: string[] = [];
  for (let label = 0; label < 10; label++) {
    const total = e.confusion[label]!.reduce((a, b) => a + b, 0) || 1;
    for (let guess = 0; guess < 10; guess++) {
      const n = e.confusion[label]![guess]!;
      const share = n / total;
      const diagonal = label === guess;
      const fill = diagonal
        ? `rgb(${Math.round(235 - 200 * share)},${Math.round(245 - 110 * share)},${Math.round(255 - 80 * share)})`
        : n === 0
          ? '#ffffff'
          : `rgb(255,${Math.round(225 - Math.min(1, share * 40) * 150)},${Math.round(225 - Math.min(1, share * 40) * 150)})`;
      const x = margin + guess * cell;
      const y = margin + label * cell;
      rows.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}" stroke="#ccc"/>` +
          `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" font-size="11" fill="${diagonal && share > 0.5 ? '#fff' : '#222'}">${n}</text>`,
      );
    }
    rows.push(
      `<text x="${margin - 8}" y="${margin + label * cell + cell / 2 + 4}" text-anchor="end" font-size="13">${label}</text>`,
    );
    rows.push(
      `<text x="${margin + label * cell + cell / 2}" y="${margin - 8}" text-anchor="middle" font-size="13">${label}</text>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size + 24}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${margin}" y="16" font-size="12">predicted →   (rows: true label; MNIST test, ${e.count} images, ${(e.accuracy * 100).toFixed(2)}%)</text>` +
    rows.join('') +
    `</svg>\n`
  );
}

export function writeModelCard(dir: string, facts: CardFacts): void {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  writeFileSync(join(dir, 'confusion-matrix.svg'), confusionSvg(facts.test));
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(facts, null, 2) + '\n');
  const perDigit = facts.test.confusion
    .map(
      (row, d) =>
        `| ${d} | ${row.reduce((a, b) => a + b, 0)} | ${pct(row[d]! / (row.reduce((a, b) => a + b, 0) || 1))} |`,
    )
    .join('\n');
  // The shipped model's card, from this one (models/mnist-cnn or models/members/digits-7).
  const shipped = relative(
    resolve(dir),
    join(resolve(dirname(new URL(import.meta.url).pathname), '../..'), 'models/recognizer/MODEL_CARD.md'),
  );
  const card = `# Model card: ${basename(dir)}

A small convolutional network that reads one handwritten digit (0–9) from a 28×28 grayscale
image, white ink on black, normalised the MNIST way (digit fitted into 20×20, centre of mass
at the centre). \`digit-recognizer\` produces that input from photos, scans and drawings.
It reads digits only. The shipped model, the ensemble [models/recognizer](${shipped}),
uses it as a member and adds a "not a digit" verdict.

## At a glance
| | |
|---|---|
| Parameters | ${facts.parameters.toLocaleString('en')} |
| Weights shipped | ${(facts.weightBytes / 1024).toFixed(1)} KB (uint8 kernels, float16 biases) |
| MNIST test accuracy (shipped, quantized weights) | **${pct(facts.test.accuracy)}** (${facts.test.count.toLocaleString('en')} images) |
| Validation accuracy (quantized) | ${pct(facts.validation.accuracy)} (${facts.validationCount.toLocaleString('en')} images held out of the training set) |
| Training | ${facts.epochs} epochs on ${facts.trainCount.toLocaleString('en')} images, seed ${facts.seed}, ${Math.round(facts.trainingSeconds / 60)} min at ${Math.round(facts.samplesPerSecond)} samples/s (tfjs wasm backend, Node, 1 core) |

## Architecture
${facts.architecture}

Batch norm is folded into the convolutions at export, so the shipped model is five fused
convolution + ReLU layers, two max-pools, global average pooling and a softmax layer.

## Data and evaluation
- Training: MNIST's official 60,000 training images, minus a validation slice of
  ${facts.validationCount.toLocaleString('en')} chosen with the seed. The run reports accuracy on that slice after every epoch;
  the schedule (12 epochs, cosine decay) was checked against it, never against the test set.
- Test: MNIST's 10,000 test images, used once, for this report, on the quantized weights that ship.
- Augmentation (training only), to mimic what is left of a real photo after preprocessing:
  rotation ±15°, scale ±15%, anisotropic stretch, shear, shift ±2.5 px, thicker and thinner
  strokes, blur, noise and lower contrast.${
    facts.flagChance > 0
      ? `
- Flagged 1s: MNIST's writers drew nearly every 1 as a bare stroke, so ${Math.round(facts.flagChance * 100)}% of the upright
  training 1s are given a flag, a short stroke down to the left from the top (${flagShapeWords()}),
  as much of the world writes a 1 (scripts/train/flagged-ones.ts).`
      : ''
  }

## Per digit (test)
| digit | images | accuracy |
|---|---|---|
${perDigit}

![Confusion matrix](./confusion-matrix.svg)

## Training history
| epoch | loss | train acc (augmented) | validation acc |
|---|---|---|---|
${facts.history.map((h) => `| ${h.epoch} | ${h.loss.toFixed(4)} | ${pct(h.accuracy)} | ${pct(h.validationAccuracy)} |`).join('\n')}

## Limits
- One digit per image; use \`readNumber()\` for several.
- Trained on MNIST, so on digits written the Western way; 1s with a long flag and 7s with a bar
  are read, unusual styles may be \`uncertain\`.
- Not a general "is this a digit" detector: it reads every image as some digit (\`notDigitScore\`
  is 0); the shipped ensemble, models/recognizer, says "not a digit".

## Reproduce
\`\`\`sh
${facts.command}
\`\`\`

Data: MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, CC BY-SA 3.0.
`;
  writeFileSync(join(dir, 'MODEL_CARD.md'), card);
}
