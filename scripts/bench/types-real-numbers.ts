/** Issue 13's bench of real-looking numbers (scripts/bench/real-numbers.ts), as results.json holds it. */

/** One kind of real number over one split. */
export interface RealKindResult {
  kind: string;
  count: number;
  /** Numbers read exactly. */
  exact: number;
  /** Digits in all the numbers, and how many are in place (digits − edit distance, per number). */
  digits: number;
  digitsRight: number;
  /** Numbers read wrong (or rejected), and how many of those came back `uncertain`, rejected, or either. */
  wrong: number;
  wrongUncertain: number;
  rejected: number;
  wrongFlagged: number;
  /** Numbers read right but marked `uncertain`. */
  rightUncertain: number;
  meanMs: number;
  groups: Record<string, { count: number; correct: number }>;
  misreads: Array<{ text: string; read: string; uncertain: boolean }>;
}

/** All kinds over one split. */
export interface RealNumbersRun {
  split: 'test' | 'validation';
  /** MNIST split the digits come from. */
  mnist: string;
  seedBase: number;
  count: number;
  entry: string;
  kinds: RealKindResult[];
  elapsedSeconds: number;
}

/** The section's results: the reported split, the tuning split, and the baseline before issue 13's fixes. */
export interface RealNumbersResult {
  date: string;
  test: RealNumbersRun;
  validation: RealNumbersRun;
  baseline?: { date: string; test: RealNumbersRun; validation: RealNumbersRun } | null;
}
