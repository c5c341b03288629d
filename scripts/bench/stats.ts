/** Aggregation shared by the Node and browser parts: accuracy, confusions, timing percentiles. */
import type { AccuracyFigure, Confusion, NumberKindResult, NumberOutcome, TimingStats } from './types.js';

/** One image's outcome. `predicted` is -1 when classify() rejected the input. */
export interface Outcome {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
  uncertain: boolean;
  /** Flagged `uncertain` with reason `'not-a-digit'`. */
  notADigit?: boolean;
  group: string;
  error?: string;
  /** Diagnosis of wrong answers (see page/harness.js): polarity found and expected… */
  polarity?: string;
  expectedPolarity?: string | null;
  /** …the crop's share of the image… */
  boxShare?: number;
  /** …and whether the crop is on the digit, when the kind knows where it drew it. */
  cropOnDigit?: boolean;
}

/** Why the wrong answers were wrong, as far as preprocess() tells. */
export interface Diagnosis {
  wrong: number;
  rejected: number;
  wrongPolarity: number;
  cropOffDigit: number;
  cropOnDigit: number;
  unknown: number;
}

export function diagnosisOf(outcomes: readonly Outcome[]): Diagnosis {
  const d: Diagnosis = { wrong: 0, rejected: 0, wrongPolarity: 0, cropOffDigit: 0, cropOnDigit: 0, unknown: 0 };
  for (const o of outcomes) {
    if (o.predicted === o.label) continue;
    d.wrong++;
    if (o.predicted < 0) d.rejected++;
    else if (o.expectedPolarity && o.polarity && o.polarity !== o.expectedPolarity) d.wrongPolarity++;
    else if (o.cropOnDigit === false) d.cropOffDigit++;
    else if (o.cropOnDigit === true) d.cropOnDigit++;
    else d.unknown++;
  }
  return d;
}

export function accuracyOf(outcomes: readonly Outcome[]): AccuracyFigure {
  const correct = outcomes.filter((o) => o.predicted === o.label).length;
  return {
    count: outcomes.length,
    correct,
    accuracy: outcomes.length > 0 ? correct / outcomes.length : 0,
    uncertain: outcomes.filter((o) => o.uncertain).length,
    rightFlagged: outcomes.filter((o) => o.predicted === o.label && o.notADigit).length,
    errors: outcomes.filter((o) => o.predicted < 0).length,
  };
}

/** 10×10 matrix, rows = labels, columns = predictions (rejected inputs left out). */
export function confusionMatrix(outcomes: readonly Outcome[]): number[][] {
  const matrix = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  for (const o of outcomes) if (o.predicted >= 0) matrix[o.label]![o.predicted]!++;
  return matrix;
}

/** The off-diagonal cells, most frequent first. */
export function confusionsOf(matrix: number[][]): Confusion[] {
  const list: Confusion[] = [];
  matrix.forEach((row, label) =>
    row.forEach((count, predicted) => {
      if (label !== predicted && count > 0) list.push({ label, predicted, count });
    }),
  );
  return list.sort((a, b) => b.count - a.count || a.label - b.label || a.predicted - b.predicted);
}

export function groupAccuracy(outcomes: readonly Outcome[]): Record<string, AccuracyFigure> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    // An image can belong to several groups, joined with "|" (e.g. "ink: red|paper: cream").
    for (const name of o.group.split('|')) {
      const list = groups.get(name) ?? [];
      list.push(o);
      groups.set(name, list);
    }
  }
  const result: Record<string, AccuracyFigure> = {};
  for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    result[name] = accuracyOf(list);
  }
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export function timingStats(samples: readonly number[]): TimingStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 0.5),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    p10: percentile(sorted, 0.1),
    p90: percentile(sorted, 0.9),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The digits the browser kinds are made from: `count` MNIST test indices spread evenly. */
export function browserIndices(count: number): number[] {
  const stride = Math.floor(10000 / count);
  return Array.from({ length: count }, (_, i) => i * stride);
}

/** Edit distance between two strings: insertions, deletions and substitutions. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Exact reads of a number kind, overall and per group, digits read right, a few misreads. */
export function numberKindResult(
  kind: string,
  description: string,
  outcomes: readonly NumberOutcome[],
  elapsedMs: number,
): NumberKindResult {
  const exact = (list: readonly NumberOutcome[]): AccuracyFigure => {
    const correct = list.filter((o) => !o.error && o.read === o.expected).length;
    return {
      count: list.length,
      correct,
      accuracy: list.length > 0 ? correct / list.length : 0,
      uncertain: list.filter((o) => o.uncertain).length,
      errors: list.filter((o) => o.error).length,
    };
  };
  const groups = new Map<string, NumberOutcome[]>();
  for (const o of outcomes) for (const name of o.group.split('|')) groups.set(name, [...(groups.get(name) ?? []), o]);
  const digitCount = outcomes.reduce((s, o) => s + o.expected.length, 0);
  const digitsRight = outcomes.reduce(
    (s, o) => s + Math.max(0, o.expected.length - levenshtein(o.expected, o.read)),
    0,
  );
  const wrong = outcomes.filter((o) => o.error || o.read !== o.expected);
  const timed = outcomes.filter((o) => o.ms !== undefined);
  return {
    kind,
    description,
    ...exact(outcomes),
    groups: Object.fromEntries(
      [...groups]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([name, list]) => [name, exact(list)]),
    ),
    digits: {
      count: digitCount,
      correct: digitsRight,
      accuracy: digitCount > 0 ? digitsRight / digitCount : 0,
      uncertain: 0,
      errors: 0,
    },
    misreads: wrong.slice(0, 12).map(({ index, expected, read, confidence, group, error }) => ({
      index,
      expected,
      read,
      confidence,
      group,
      ...(error ? { error } : {}),
    })),
    meanMs: timed.reduce((s, o) => s + o.ms!, 0) / Math.max(1, timed.length),
    elapsedMs,
    errorMessages: [...new Set(wrong.flatMap((o) => (o.error ? [o.error] : [])))].slice(0, 5),
  };
}
