/** The candidate's model card (Markdown), written from its measured metrics. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { digitFigures, negativeFigures } from './measure.js';
import type { EpochRecord } from './run.js';

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
  perCategory: { train: number; validation: number; test: number };
  trainDigits: number;
  validation: Split;
  test: Split;
  history: EpochRecord[];
  trainingSeconds: number;
  samplesPerSecond: number;
  totalSeconds: number;
}

interface Split {
  digits: ReturnType<typeof digitFigures>;
  negatives: ReturnType<typeof negativeFigures>;
  calibration: { before: number; after: number };
}

export function writeVerdictCard(dir: string, m: VerdictMetrics): void {
  writeFileSync(
    join(dir, 'MODEL_CARD.md'),
    `# Model card: mnist-cnn-next (candidate)\n\n${JSON.stringify(m.test.digits.accuracy)}\n`,
  );
}
