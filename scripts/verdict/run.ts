/** The settings of a verdict training run and the state its checkpoints carry. */
export interface VerdictRun {
  quick: boolean;
  seed: number;
  epochs: number;
  batchSize: number;
  peakLearningRate: number;
  validation: number;
  filters: number[];
  negativeShare: number;
  emaDecay: number;
  /** Chance that an upright training 1 is given a flag (scripts/train/flagged-ones.ts); 0: none. */
  flagChance: number;
  perCategory: { train: number; validation: number; test: number };
  out: string;
  checkpointDir: string;
  dataDir: string;
  cacheDir: string;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  /** On the augmented training mixture, with the weights as trained. */
  accuracy: number;
  /** Averaged weights, validation digits, 11-way. */
  validationAccuracy: number;
  /** Averaged weights, validation negatives called not a digit. */
  validationNotADigit: number;
  /** Averaged weights, validation digits called not a digit. */
  validationFalseNotADigit: number;
  /** Averaged weights, 1,000 validation digits drawn on paper and read through the pipeline. */
  validationPaperAccuracy?: number;
  validationPaperFalseNotADigit?: number;
  /** Averaged weights, 1,000 validation digits in photo-like renderings through the pipeline. */
  validationPhotoAccuracy?: number;
  validationPhotoFalseNotADigit?: number;
}

export interface VerdictState {
  epoch: number;
  epochs: number;
  history: EpochRecord[];
  trainingSeconds: number;
  samples: number;
  /** Optimizer steps so far (the weight average's warm-up). */
  steps: number;
}
