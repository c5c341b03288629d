/**
 * Turns the trained network into the shipped one: batch norm folded into the convolutions
 * (one fused conv + bias + ReLU per layer at inference), then weights quantized.
 */
import * as tf from '@tensorflow/tfjs';
import { quantize, writeModel } from './model-files.js';

/** A copy of `trained` with every Conv2D → BatchNorm → ReLU collapsed into one Conv2D. */
export function foldBatchNorm(trained: tf.LayersModel): tf.Sequential {
  const folded = tf.sequential({ name: trained.name });
  const inputShape = trained.inputs[0]!.shape.slice(1) as number[];
  const layers = trained.layers;
  const weights: tf.Tensor[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const config = layer.getConfig();
    const className = layer.getClassName();
    if (className === 'Conv2D') {
      const bn = layers[i + 1]!;
      const act = layers[i + 2]!;
      if (bn.getClassName() !== 'BatchNormalization' || act.getClassName() !== 'Activation') {
        throw new Error(`Expected Conv2D → BatchNormalization → Activation at layer ${i}`);
      }
      const [kernel] = layer.getWeights() as [tf.Tensor4D];
      const [gamma, beta, mean, variance] = bn.getWeights() as tf.Tensor1D[];
      const epsilon = bn.getConfig().epsilon as number;
      const factor = tf.div(gamma!, tf.sqrt(tf.add(variance!, epsilon)));
      weights.push(tf.mul(kernel, factor), tf.sub(beta!, tf.mul(mean!, factor)));
      folded.add(
        tf.layers.conv2d({
          ...(i === 0 ? { inputShape } : {}),
          filters: config.filters as number,
          kernelSize: config.kernelSize as number[],
          padding: config.padding as 'same',
          useBias: true,
          activation: act.getConfig().activation as 'relu',
        }),
      );
      i += 2;
    } else if (className === 'MaxPooling2D') {
      folded.add(tf.layers.maxPooling2d({ poolSize: config.poolSize as [number, number] }));
    } else if (className === 'GlobalAveragePooling2D') {
      folded.add(tf.layers.globalAveragePooling2d({}));
    } else if (className === 'Dense') {
      weights.push(...layer.getWeights());
      folded.add(tf.layers.dense({ units: config.units as number, activation: config.activation as 'softmax' }));
    } else {
      throw new Error(`Cannot export layer ${layer.name} (${className})`);
    }
  }
  folded.setWeights(weights);
  return folded;
}

/** Saves `model` to `dir` with quantized weights; returns the weights' size in bytes. */
export async function exportQuantized(model: tf.LayersModel, dir: string): Promise<number> {
  let bytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const q = quantize(
        artifacts.weightSpecs ?? [],
        Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : (data ?? new ArrayBuffer(0)),
      );
      bytes = q.data.byteLength;
      writeModel(dir, {
        ...artifacts,
        generatedBy: 'digit-recognizer scripts/train',
        weightSpecs: q.specs,
        weightData: q.data,
      });
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return bytes;
}
