/** Writes the segment checker's metrics (JSON) and model card (Markdown). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SegmentCardFacts {
  parameters: number;
  weightBytes: number;
  architecture: string;
  seed: number;
  lines: number;
  epochs: number;
  trainingPieces: number;
  /** Of which one whole digit. */
  trainingWhole: number;
  validationPieces: number;
  validationWhole: number;
  validationAccuracy: number;
  trainingSeconds: number;
  history: Array<{ epoch: number; loss: number; accuracy: number; validationAccuracy: number }>;
  command: string;
}

export function writeSegmentCard(dir: string, facts: SegmentCardFacts): void {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const count = (n: number): string => n.toLocaleString('en');
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(facts, null, 2) + '\n');
  const card = `# Model card: segment-checker

A tiny convolutional network that \`readNumber()\` asks, for each piece of a line of handwriting,
"is this exactly one whole digit?" rather than two touching digits or a fragment of one. The digit
model cannot answer that: it reads a "17" or half a "0" as some digit, often confidently.
\`readNumber()\` cuts a piece where the checker and the digit model together find two whole digits
more likely than one. \`classify()\` never loads it.

## At a glance
| | |
|---|---|
| Parameters | ${count(facts.parameters)} |
| Weights shipped | ${(facts.weightBytes / 1024).toFixed(1)} KB (uint8 kernels, float16 biases) |
| Validation accuracy (quantized, one whole digit or not, at 0.5) | **${pct(facts.validationAccuracy)}** of ${count(facts.validationPieces)} pieces (${count(facts.validationWhole)} whole digits) |
| Training | ${facts.epochs} epochs on ${count(facts.trainingPieces)} pieces (${count(facts.trainingWhole)} whole digits) from ${count(facts.lines)} lines, seed ${facts.seed}, ${Math.round(facts.trainingSeconds / 60)} min (tfjs wasm backend, Node, 1 core) |

## Input
Two 28×28 views of a piece, as the two channels of one image:
1. the piece normalised exactly as for the digit model (fitted into 20×20, centre of mass centred);
2. the piece at the scale of its line (a square 1.6 line heights wide around it), because
   normalising hides size, and size tells a "21" from a wide "2", or a sliver from a "1".

## Architecture
${facts.architecture}

## Data
Lines of 2–6 digits composed from MNIST *training* digits (\`test/fixtures/compose-number.ts\`, as
the benchmark composes its test lines), each training digit augmented (slant, size, stroke weight), with
touching pairs (overlaps of 0–10 px at a 70 px digit height), underlines and specks. Each line is
segmented and cut exactly as \`readNumber()\` does (\`scripts/train/segment-data.ts\`), and every piece
is labelled from the ink it really holds, as the composer records which digit owns each pixel:
- **one whole digit**: at least 88% of one digit's ink and at most 6% of stray ink;
- **not one digit**: most (50%) of two digits' ink, less than 70% of any digit's ink, or more
  than 15% stray ink. Pieces in between are left out; most fragments are sampled out (12% kept).

Validation lines use the last 5,000 training digits, which training lines never use. MNIST's test
digits are left to the benchmark (\`npm run bench\`, section 6).

## Training history
| epoch | loss | train acc | validation acc |
|---|---|---|---|
${facts.history.map((h) => `| ${h.epoch} | ${h.loss.toFixed(4)} | ${pct(h.accuracy)} | ${pct(h.validationAccuracy)} |`).join('\n')}

## Limits
- It has only seen MNIST-style strokes on composed lines; real pages add ruled lines, boxes and
  printed text it has not seen.
- A "1" touching a neighbour is the case it misses most: the pair can look like one wide digit.

## Reproduce
\`\`\`sh
${facts.command}
\`\`\`
`;
  writeFileSync(join(dir, 'MODEL_CARD.md'), card);
}
