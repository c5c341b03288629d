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
import {
  concat,
  div,
  logSumExp,
  mean,
  slice,
  softmax,
  stack,
  sub,
  add,
  tidy,
  type NamedTensorMap,
  type Tensor2D,
  type Tensor4D,
} from '@tensorflow/tfjs-core';
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
  const first = members.values().next().value as SequentialRunner;
  return {
    inputShape: first.inputShape ?? [28, 28, 1],
    classes: 11,
    predict: (batch: Tensor4D): Tensor2D =>
      tidy(() => {
        const n = batch.shape[0];
        const logits = [...members.values()].map((member) => member.run(batch));
        const verdictLogits = logits[[...members.values()].indexOf(verdict)]!;
        const digitLogits = mean(stack(logits.map((l) => slice(l, [0, 0], [n, 10]))), 0) as Tensor2D;
        const verdictDigits = slice(verdictLogits, [0, 0], [n, 10]);
        // log P(digit d) = log q(d) + log P(a digit), with the verdict member's P(a digit).
        const digits = add(
          sub(digitLogits, logSumExp(digitLogits, 1, true)),
          logSumExp(verdictDigits, 1, true),
        ) as Tensor2D;
        const combined = concat([digits, slice(verdictLogits, [0, 10], [n, 1])], 1);
        return softmax(div(combined, temperature)) as Tensor2D;
      }),
  };
}
