/**
 * Puts member networks (each a folder with `model.json` and `weights.bin`, as `npm run train`
 * and `npm run train:verdict` export them) together as one model the package runtime loads:
 * one `model.json` with an `Ensemble` topology (see src/classify/ensemble.ts) and one
 * `weights.bin`, the members' quantized weights byte for byte, renamed `<member>/<weight>`.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { ENSEMBLE_CLASS, type EnsembleTopology } from '../../src/classify/ensemble.js';
import { writeModel } from '../train/model-files.js';

export interface Member {
  name: string;
  topology: unknown;
  specs: tf.io.WeightsManifestEntry[];
  bytes: Uint8Array;
}

interface SequentialTopology {
  class_name: string;
  config: { layers: Array<{ class_name: string; config: Record<string, unknown> }> };
}

/**
 * Re-quantizes a member's uint8 tensors onto `levels` of their 256 steps (the same `min`, a
 * coarser `scale`): still uint8 to the loader, but with fewer distinct bytes gzip stores them
 * in fewer bits. Float16 tensors (biases) stay as they are.
 */
export function coarsen(member: Member, levels: number): Member {
  if (levels >= 256) return member;
  const bytes = Uint8Array.from(member.bytes);
  let at = 0;
  const specs = member.specs.map((spec) => {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization;
    if (q?.dtype !== 'uint8' || q.scale === undefined) {
      at += size * (q?.dtype === 'float16' ? 2 : 4);
      return spec;
    }
    for (let i = at; i < at + size; i++) bytes[i] = Math.round((bytes[i]! * (levels - 1)) / 255);
    at += size;
    return { ...spec, quantization: { ...q, scale: (q.scale * 255) / (levels - 1) } };
  });
  return { ...member, specs, bytes };
}

/** A member read from its folder, its last layer giving logits instead of probabilities. */
export function readMember(dir: string): Member {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const topology = structuredClone(json.modelTopology) as SequentialTopology;
  if (topology.class_name !== 'Sequential') throw new Error(`${dir}: a member must be a Sequential model`);
  const last = topology.config.layers.at(-1);
  if (last?.class_name !== 'Dense') throw new Error(`${dir}: a member must end with a dense layer`);
  last.config.activation = 'linear';
  // Only what the runtime reads: initializers, regularizers and constraints are training's.
  for (const layer of topology.config.layers) {
    for (const key of Object.keys(layer.config))
      if (/initializer|regularizer|constraint/.test(key)) delete layer.config[key];
  }
  const bytes = json.weightsManifest.flatMap((group) => group.paths.map((path) => readFileSync(join(dir, path))));
  return {
    name: basename(dir),
    topology,
    specs: json.weightsManifest.flatMap((group) => group.weights),
    bytes: Buffer.concat(bytes),
  };
}

/** How the members' readings are put together (see `EnsembleTopology`). */
export interface EnsembleSettings {
  verdict: string;
  temperature: number;
  /** The verdict member's own digit probability at which the others are not run; null: never. */
  exitAt: number | null;
  /** A member read before all (named as in `members`), alone where this sure of a digit; null: none. */
  scout: { member: string; exitAt: number } | null;
}

/** The ensemble's model artifacts. */
export function ensembleArtifacts(members: Member[], settings: EnsembleSettings): tf.io.ModelArtifacts {
  const { verdict, temperature, exitAt, scout } = settings;
  const modelTopology: EnsembleTopology = {
    class_name: ENSEMBLE_CLASS,
    config: {
      members: members.map(({ name, topology }) => ({ name, topology })),
      verdict,
      temperature,
      ...(exitAt === null ? {} : { exitAt }),
      ...(scout === null ? {} : { scout: { member: scout.member, exitAt: scout.exitAt } }),
    },
  };
  const weightData = Buffer.concat(members.map((m) => m.bytes));
  return {
    format: 'digit-recognizer-ensemble',
    generatedBy: 'digit-recognizer scripts/ensemble',
    modelTopology: modelTopology as unknown as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: members.flatMap((m) => m.specs.map((spec) => ({ ...spec, name: `${m.name}/${spec.name}` }))),
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
  };
}

/** Writes the ensemble to `dir`; returns the weights' size in bytes. */
export function writeEnsemble(dir: string, members: Member[], settings: EnsembleSettings): number {
  const artifacts = ensembleArtifacts(members, settings);
  writeModel(dir, artifacts);
  return (artifacts.weightData as ArrayBuffer).byteLength;
}
