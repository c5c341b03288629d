/**
 * An ensemble of small Sequential networks shipped as one model: one `model.json` whose topology
 * is `{ class_name: 'Ensemble', config: { members, verdict, temperature } }` and one weights file
 * holding every member's weights, named `<member>/<layer>/<weight>`.
 *
 * Each member's last layer gives logits (no softmax). The digits are read by all members: the
 * geometric mean of their digit probabilities, i.e. the softmax of their mean digit logits. The
 * `verdict` member alone has an 11th output, "not a digit", and says how likely that is. The 11
 * log-probabilities are divided by `temperature` (fitted on validation) and normalised again.
 */
import { concat, tidy, type NamedTensorMap, type Tensor2D, type Tensor4D } from '@tensorflow/tfjs-core';
import type { Network } from './network.js';
import { sequentialRunner, type SequentialRunner } from './sequential.js';

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
  };
}

export function ensembleNetwork(topology: unknown, weights: NamedTensorMap): Omit<Network, 'dispose'> {
  const { config } = topology as Partial<EnsembleTopology>;
  if (!config || !Array.isArray(config.members) || config.members.length === 0) {
    throw new Error('the ensemble has no members');
  }
  const temperature = Number(config.temperature ?? 1);
  if (!(temperature > 0)) throw new Error(`the ensemble's temperature must be > 0; got ${String(config.temperature)}`);
  const members = new Map<string, SequentialRunner>();
  for (const member of config.members) {
    const runner = sequentialRunner(member.topology, weights, `${member.name}/`);
    if (runner.classes !== 10 && runner.classes !== 11) {
      throw new Error(`member ${member.name} has ${runner.classes} outputs; a member reads 10 digits (or 11)`);
    }
    members.set(member.name, runner);
  }
  const verdict = members.get(config.verdict);
  if (!verdict || verdict.classes !== 11) throw new Error(`the verdict member "${config.verdict}" needs 11 outputs`);
  const runners = [...members.values()];
  const widths = runners.map((runner) => runner.classes);
  const row = widths.reduce((a, b) => a + b, 0);
  // Where the verdict member's logits start in a row of every member's.
  const at = widths.slice(0, runners.indexOf(verdict)).reduce((a, b) => a + b, 0);
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
    readout: (output: Float32Array, count: number): Float32Array => {
      const out = new Float32Array(count * 11);
      const mean = new Float64Array(10);
      for (let r = 0; r < count; r++) {
        const logits = output.subarray(r * row, (r + 1) * row);
        mean.fill(0);
        let offset = 0;
        for (const width of widths) {
          for (let d = 0; d < 10; d++) mean[d]! += logits[offset + d]! / widths.length;
          offset += width;
        }
        // log P(digit d) = log q(d) + log P(a digit), q from every member, P(a digit) from the verdict.
        const digitNorm = logSumExp(mean, 0, 10);
        const aDigit = logSumExp(logits, at, 10);
        const combined = new Float64Array(11);
        for (let d = 0; d < 10; d++) combined[d] = (mean[d]! - digitNorm + aDigit) / temperature;
        combined[10] = logits[at + 10]! / temperature;
        const norm = logSumExp(combined, 0, 11);
        for (let k = 0; k < 11; k++) out[r * 11 + k] = Math.exp(combined[k]! - norm);
      }
      return out;
    },
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
