/**
 * An ensemble of small Sequential networks shipped as one model: one `model.json` whose topology
 * is `{ class_name: 'Ensemble', config: { members, verdict, temperature, exitAt } }` and one
 * weights file holding every member's weights, named `<member>/<layer>/<weight>`.
 *
 * Each member's last layer gives logits (no softmax). The digits are read by all members: the
 * geometric mean of their digit probabilities, i.e. the softmax of their mean digit logits. The
 * `verdict` member alone has an 11th output, "not a digit", and says how likely that is. The 11
 * log-probabilities are divided by `temperature` (fitted on validation) and normalised again.
 *
 * With `exitAt`, the verdict member reads first, and an image it alone is that sure of (its own
 * digit probability) is not read by the others: a cascade, as early-exit classifiers do. Most
 * digits stop there, at a third of the cost; "not a digit" is the verdict member's either way.
 * With a `scout`, a smaller member with an 11th output reads before all of them, and a digit it
 * is sure of (its "not a digit" included) goes no further.
 */
import { concat, tidy, type NamedTensorMap, type Tensor2D, type Tensor4D } from '@tensorflow/tfjs-core';
import type { Network } from './network.js';
import { outputsOf, sequentialRunner, type SequentialRunner } from './sequential.js';

/** The `class_name` of an ensemble's topology. */
export const ENSEMBLE_CLASS = 'Ensemble';

/** The topology of an ensemble, as `model.json` stores it. */
export interface EnsembleTopology {
  class_name: typeof ENSEMBLE_CLASS;
  config: {
    /** The member networks: a name (the prefix of its weights) and a Sequential topology. */
    members: Array<{ name: string; topology: unknown }>;
    /** The member whose 11th output is "not a digit". */
    verdict: string;
    /** Divides the combined log-probabilities (temperature scaling); 1 leaves them as they are. */
    temperature: number;
    /**
     * The verdict member's own probability of its likeliest digit (softmax of its ten digit
     * logits) at or above which the other members are not run for that image. Absent: every
     * member reads every image.
     */
    exitAt?: number;
    /**
     * A small member with an 11th output read before every other: where its own probability (of
     * its 11) of its likeliest digit is at least `exitAt`, its reading stands alone, "not a digit"
     * included. It takes no part in the others' reading.
     */
    scout?: { member: string; exitAt: number };
  };
}

/** Writes one image's 11 probabilities (see `combine` in `ensembleNetwork()`). */
type Combine = (
  verdictRow: Float32Array,
  v: number,
  otherLogits: Float32Array | null,
  w: number,
  out: Float32Array,
  o: number,
) => void;

/** The members' logits of `count` 28×28 images side by side in `pixels`, side by side. */
const logitsOf = (runners: SequentialRunner[], pixels: Float32Array, count: number): Promise<Float32Array> =>
  outputsOf(runners, pixels, count, [28, 28, 1]);

/**
 * The softmax probability of the likeliest digit of `logits[from … from + 9]`, among those ten
 * or, with `classes` 11, among the eleven (so "not a digit" takes its share).
 */
function topShare(logits: Float32Array, from: number, classes = 10): number {
  const norm = logSumExp(logits, from, classes);
  let max = -Infinity;
  for (let d = from; d < from + 10; d++) max = Math.max(max, logits[d]!);
  return Math.exp(max - norm);
}

export function ensembleNetwork(topology: unknown, weights: NamedTensorMap): Omit<Network, 'dispose'> {
  const { config } = topology as Partial<EnsembleTopology>;
  if (!config || !Array.isArray(config.members) || config.members.length === 0) {
    throw new Error('the ensemble has no members');
  }
  const temperature = Number(config.temperature ?? 1);
  if (!(temperature > 0)) throw new Error(`the ensemble's temperature must be > 0; got ${String(config.temperature)}`);
  const exitAt = config.exitAt === undefined ? null : Number(config.exitAt);
  if (exitAt !== null && !(exitAt > 0 && exitAt <= 1)) {
    throw new Error(`the ensemble's exitAt must be in (0, 1]; got ${String(config.exitAt)}`);
  }
  const members = new Map<string, SequentialRunner>();
  const scoutName = config.scout?.member;
  const scoutExit = Number(config.scout?.exitAt);
  if (config.scout && !(scoutExit > 0 && scoutExit <= 1)) {
    throw new Error(`the scout's exitAt must be in (0, 1]; got ${String(config.scout.exitAt)}`);
  }
  let scout: SequentialRunner | null = null;
  for (const member of config.members) {
    const runner = sequentialRunner(member.topology, weights, `${member.name}/`);
    if (runner.classes !== 10 && runner.classes !== 11) {
      throw new Error(`member ${member.name} has ${runner.classes} outputs; a member reads 10 digits (or 11)`);
    }
    if (member.name === scoutName) scout = runner;
    else members.set(member.name, runner);
  }
  const verdict = members.get(config.verdict);
  if (!verdict || verdict.classes !== 11) throw new Error(`the verdict member "${config.verdict}" needs 11 outputs`);
  if (scoutName !== undefined && scout?.classes !== 11) throw new Error(`the scout "${scoutName}" needs 11 outputs`);
  const runners = [...members.values()];
  const others = runners.filter((runner) => runner !== verdict);
  const widths = runners.map((runner) => runner.classes);
  const row = widths.reduce((a, b) => a + b, 0);
  const otherRow = row - 11;
  // Where the verdict member's logits start in a row of every member's.
  const at = widths.slice(0, runners.indexOf(verdict)).reduce((a, b) => a + b, 0);

  /**
   * Writes one image's 11 probabilities at `out[o …]`: from the verdict member's logits at
   * `verdictRow[v …]` and, unless `otherRow` is null, the other members' side by side there (in
   * member order, the verdict's left out). Without them, the verdict member's digits stand alone
   * (or the scout's, its logits in place of the verdict member's).
   */
  const combine: Combine = (verdictRow, v, otherLogits, w, out, o) => {
    const mean = new Float64Array(10);
    if (otherLogits) {
      // Summed in member order, each divided by the count: as the whole ensemble always did.
      let offset = w;
      for (const runner of runners) {
        const [source, from] = runner === verdict ? [verdictRow, v] : [otherLogits, offset];
        for (let d = 0; d < 10; d++) mean[d]! += source[from + d]! / runners.length;
        if (runner !== verdict) offset += runner.classes;
      }
    } else {
      for (let d = 0; d < 10; d++) mean[d] = verdictRow[v + d]!;
    }
    // log P(digit d) = log q(d) + log P(a digit), q from the members, P(a digit) from the verdict.
    const digitNorm = logSumExp(mean, 0, 10);
    const aDigit = logSumExp(verdictRow, v, 10);
    const combined = new Float64Array(11);
    for (let d = 0; d < 10; d++) combined[d] = (mean[d]! - digitNorm + aDigit) / temperature;
    combined[10] = verdictRow[v + 10]! / temperature;
    const norm = logSumExp(combined, 0, 11);
    for (let k = 0; k < 11; k++) out[o + k] = Math.exp(combined[k]! - norm);
  };

  /** Every member's logits side by side → the rows' probabilities. */
  const readout = (output: Float32Array, count: number): Float32Array => {
    const out = new Float32Array(count * 11);
    const rest = new Float32Array(otherRow);
    for (let r = 0; r < count; r++) {
      // The other members' logits of this row, in member order.
      let k = 0;
      let from = r * row;
      for (const runner of runners) {
        if (runner !== verdict) {
          rest.set(output.subarray(from, from + runner.classes), k);
          k += runner.classes;
        }
        from += runner.classes;
      }
      combine(output, r * row + at, rest, 0, out, r * 11);
    }
    return out;
  };

  const readAll = reader({ runners, verdict, others, exitAt }, readout, combine, otherRow);

  return {
    inputShape: runners[0]!.inputShape ?? [28, 28, 1],
    classes: 11,
    predict: (batch: Tensor4D): Tensor2D =>
      tidy(() =>
        concat(
          runners.map((member) => member.run(batch)),
          1,
        ),
      ),
    readout,
    infer: async (pixels: Float32Array, count: number): Promise<Float32Array> => {
      if (!scout) return readAll(pixels, count);
      const first = await logitsOf([scout], pixels, count);
      const unsure: number[] = [];
      const out = new Float32Array(count * 11);
      for (let r = 0; r < count; r++) {
        if (topShare(first, r * 11, 11) >= scoutExit) combine(first, r * 11, null, 0, out, r * 11);
        else unsure.push(r);
      }
      if (unsure.length === 0) return out;
      const read = await readAll(gather(pixels, unsure), unsure.length);
      unsure.forEach((r, i) => out.set(read.subarray(i * 11, (i + 1) * 11), r * 11));
      return out;
    },
  };
}

/** The 28×28 images at `rows` of the `pixels` side by side, side by side. */
function gather(pixels: Float32Array, rows: number[]): Float32Array {
  const size = 28 * 28;
  const batch = new Float32Array(rows.length * size);
  rows.forEach((r, i) => batch.set(pixels.subarray(r * size, (r + 1) * size), i * size));
  return batch;
}

/**
 * How the ensemble's members but the scout read `count` images: every member, or with an early
 * exit the verdict member first and the others only where it is unsure.
 */
function reader(
  parts: { runners: SequentialRunner[]; verdict: SequentialRunner; others: SequentialRunner[]; exitAt: number | null },
  readout: (output: Float32Array, count: number) => Float32Array,
  combine: Combine,
  otherRow: number,
): (pixels: Float32Array, count: number) => Promise<Float32Array> {
  const { runners, verdict, others, exitAt } = parts;
  return async (pixels, count) => {
    if (exitAt === null) return readout(await logitsOf(runners, pixels, count), count);
    const first = await logitsOf([verdict], pixels, count);
    const unsure: number[] = [];
    for (let r = 0; r < count; r++) if (topShare(first, r * 11) < exitAt) unsure.push(r);
    let rest: Float32Array | null = null;
    if (unsure.length > 0 && others.length > 0) rest = await logitsOf(others, gather(pixels, unsure), unsure.length);
    const out = new Float32Array(count * 11);
    let next = 0;
    for (let r = 0; r < count; r++) {
      const read = rest !== null && unsure[next] === r;
      combine(first, r * 11, read ? rest : null, read ? next * otherRow : 0, out, r * 11);
      if (read) next++;
    }
    return out;
  };
}

/** log Σ exp(values[from … from + length − 1]), computed without overflow. */
function logSumExp(values: ArrayLike<number>, from: number, length: number): number {
  let max = -Infinity;
  for (let i = from; i < from + length; i++) max = Math.max(max, values[i]!);
  let sum = 0;
  for (let i = from; i < from + length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}
