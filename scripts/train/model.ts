/**
 * The shipped network: five 3×3 convolutions with batch norm, two max-pools, global average
 * pooling and one dense layer. Global pooling instead of a big dense layer keeps it small.
 */
import * as tf from '@tensorflow/tfjs';

/** Filters per convolution, in order; a max-pool follows each entry marked `pool`. */
export const ARCHITECTURE: ReadonlyArray<{ filters: number; pool?: boolean }> = [
  { filters: 16 },
  { filters: 16, pool: true },
  { filters: 32 },
  { filters: 32, pool: true },
  { filters: 64 },
];

/** The segment checker (`readNumber()`: is this piece one whole digit?): the same shape, narrower. */
export const SEGMENT_ARCHITECTURE: ReadonlyArray<{ filters: number; pool?: boolean }> = [
  { filters: 12 },
  { filters: 12, pool: true },
  { filters: 24 },
  { filters: 24, pool: true },
  { filters: 48 },
];

export function buildModel(
  seed: number,
  { architecture = ARCHITECTURE, classes = 10, name = 'mnist_cnn', channels = 1 } = {},
): tf.Sequential {
  const model = tf.sequential({ name });
  let layerSeed = seed;
  architecture.forEach(({ filters, pool }, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [28, 28, channels] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        useBias: false,
        kernelInitializer: tf.initializers.heNormal({ seed: layerSeed++ }),
      }),
    );
    model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
    model.add(tf.layers.activation({ activation: 'relu' }));
    if (pool) model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(
    tf.layers.dense({
      units: classes,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed++ }),
    }),
  );
  return model;
}
