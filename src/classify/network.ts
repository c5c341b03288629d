/**
 * A loaded model: a Sequential network (see `sequential.ts`) or an ensemble of them (see
 * `ensemble.ts`), built from `model.json` and its weights.
 */
import { dispose, io, type NamedTensorMap, type Tensor2D, type Tensor4D } from '@tensorflow/tfjs-core';
import { ENSEMBLE_CLASS, ensembleNetwork } from './ensemble.js';
import { outputsOf, sequentialRunner } from './sequential.js';
import { decodeWeights, weightBytesOf } from './weights.js';

/**
 * A loaded network: `predict` runs a [n, 28, 28, 1] batch; `readout` turns the values of its
 * output into [n, classes] probabilities: ten digits, and for a model that knows, an 11th,
 * "not a digit". (A Sequential model's output is already that; an ensemble's is its members'
 * logits side by side, combined in plain JavaScript, cheaper than a dozen tiny tensor ops.)
 */
export interface Network {
  readonly inputShape: [number, number, number];
  /** 10 (digits) or 11 (digits, then "not a digit"). */
  readonly classes: number;
  predict(batch: Tensor4D): Tensor2D;
  readout(output: Float32Array, count: number): Float32Array;
  /**
   * The [count, classes] probabilities of `count` inputs side by side in `pixels`: what `predict`
   * then `readout` give, except that an ensemble with an early exit may leave members out (see
   * `ensemble.ts`).
   */
  infer(pixels: Float32Array, count: number): Promise<Float32Array>;
  dispose(): void;
}

/** The network a topology describes, its weights read from `weights` (tracked by the caller). */
function buildTopology(topology: unknown, weights: NamedTensorMap): Omit<Network, 'dispose'> {
  if ((topology as { class_name?: unknown }).class_name === ENSEMBLE_CLASS) return ensembleNetwork(topology, weights);
  const sequential = sequentialRunner(topology, weights);
  const inputShape = sequential.inputShape ?? [28, 28, 1];
  return {
    inputShape,
    classes: sequential.classes,
    predict: (batch: Tensor4D): Tensor2D => sequential.run(batch),
    readout: (output: Float32Array): Float32Array => output,
    infer: (pixels: Float32Array, count: number): Promise<Float32Array> =>
      outputsOf([sequential], pixels, count, inputShape),
  };
}

/**
 * Builds a network from a parsed `model.json` and its concatenated weight bytes. Throws a plain
 * Error saying what is wrong; the caller turns it into `MODEL_LOAD_FAILED` with the URL.
 */
export function createNetwork(modelJson: io.ModelJSON, weightBytes: ArrayBuffer): Network {
  if (!modelJson || typeof modelJson !== 'object' || !modelJson.modelTopology) {
    throw new Error('model.json has no modelTopology');
  }
  const specs = (modelJson.weightsManifest ?? []).flatMap((group) => group.weights);
  const expected = weightBytesOf(specs);
  if (weightBytes.byteLength !== expected) {
    throw new Error(`the weights are ${weightBytes.byteLength} bytes but model.json describes ${expected}`);
  }
  const weights = decodeWeights(weightBytes, specs);
  const used = new Set<string>();
  try {
    const tracked = new Proxy(weights, {
      get(target, key: string) {
        used.add(key);
        return target[key];
      },
    });
    const network = buildTopology(modelJson.modelTopology, tracked);
    for (const name of Object.keys(weights)) {
      if (!used.has(name)) weights[name]!.dispose();
    }
    for (const value of Object.values(weights)) {
      if (!value.isDisposed && value.dtype !== 'float32') throw new Error('weights must be float32');
    }
    return {
      ...network,
      dispose(): void {
        dispose(Object.values(weights));
      },
    };
  } catch (error) {
    dispose(Object.values(weights));
    throw error;
  }
}
