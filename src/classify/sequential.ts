/**
 * A small runner for Keras-style Sequential models saved by TensorFlow.js (`model.json` +
 * weights). Only the layers an image classifier like ours needs are supported, which keeps
 * `@tensorflow/tfjs-layers` (hundreds of KB) out of the bundle.
 */
import {
  avgPool,
  batchNorm,
  concat,
  dispose,
  fused,
  maxPool,
  relu,
  reshape,
  sigmoid,
  softmax,
  tanh,
  tensor4d,
  tidy,
  type NamedTensorMap,
  type Tensor,
  type Tensor2D,
  type Tensor4D,
} from '@tensorflow/tfjs-core';

type Activation = 'linear' | 'relu' | 'softmax' | 'sigmoid' | 'tanh';

/** One layer of the network, with its weights. */
type Layer =
  | {
      kind: 'conv2d';
      kernel: Tensor4D;
      bias: Tensor | null;
      strides: [number, number];
      padding: 'same' | 'valid';
      activation: Activation;
    }
  | { kind: 'pool'; op: 'max' | 'avg'; size: [number, number]; strides: [number, number]; padding: 'same' | 'valid' }
  | { kind: 'global-avg-pool' }
  | { kind: 'flatten' }
  | { kind: 'dense'; kernel: Tensor2D; bias: Tensor | null; activation: Activation }
  | { kind: 'batch-norm'; gamma: Tensor | null; beta: Tensor | null; mean: Tensor; variance: Tensor; epsilon: number }
  | { kind: 'activation'; activation: Activation }
  | { kind: 'identity' };

interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}

const ACTIVATIONS: ReadonlySet<string> = new Set(['linear', 'relu', 'softmax', 'sigmoid', 'tanh']);

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0]), Number(value[1] ?? value[0])];
  if (typeof value === 'number') return [value, value];
  return [fallback, fallback];
}

function activationOf(config: Record<string, unknown>): Activation {
  const name = (config.activation as string | undefined) ?? 'linear';
  if (!ACTIVATIONS.has(name)) throw new Error(`unsupported activation "${name}"`);
  return name as Activation;
}

function applyActivation(x: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu':
      return relu(x);
    case 'softmax':
      return softmax(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    default:
      return x;
  }
}

/** The Sequential layers of a `layers-model` topology, across the formats tfjs has written. */
function kerasLayers(topology: unknown): { layers: KerasLayer[]; inputShape: number[] | null } {
  const root = topology as { model_config?: unknown; class_name?: string; config?: unknown };
  const model = (root.model_config ?? root) as { class_name?: string; config?: unknown };
  if (model.class_name !== 'Sequential') {
    throw new Error(`expected a Sequential model, found ${String(model.class_name)}`);
  }
  const config = model.config as { layers?: KerasLayer[] } | KerasLayer[];
  const layers = Array.isArray(config) ? config : config.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new Error('the model has no layers');
  const first = layers[0]!.config;
  const shape = (first.batch_input_shape ?? first.batchInputShape) as Array<number | null> | undefined;
  return { layers, inputShape: shape ? shape.slice(1).map((d) => Number(d)) : null };
}

function weightOf(weights: NamedTensorMap, layer: string, name: string, required: true): Tensor;
function weightOf(weights: NamedTensorMap, layer: string, name: string, required: false): Tensor | null;
function weightOf(weights: NamedTensorMap, layer: string, name: string, required: boolean): Tensor | null {
  const tensor = weights[`${layer}/${name}`];
  if (!tensor && required) throw new Error(`weight ${layer}/${name} is missing`);
  return tensor ?? null;
}

function buildLayer(spec: KerasLayer, weights: NamedTensorMap, prefix: string): Layer {
  const c = spec.config;
  const name = `${prefix}${c.name as string}`;
  switch (spec.class_name) {
    case 'Conv2D': {
      if ((c.data_format ?? 'channels_last') !== 'channels_last')
        throw new Error('only channels_last convolutions are supported');
      if (pair(c.dilation_rate, 1).some((d) => d !== 1)) throw new Error('dilated convolutions are not supported');
      return {
        kind: 'conv2d',
        kernel: weightOf(weights, name, 'kernel', true) as Tensor4D,
        bias: c.use_bias === false ? null : weightOf(weights, name, 'bias', false),
        strides: pair(c.strides, 1),
        padding: c.padding === 'same' ? 'same' : 'valid',
        activation: activationOf(c),
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const size = pair(c.pool_size, 2);
      return {
        kind: 'pool',
        op: spec.class_name === 'MaxPooling2D' ? 'max' : 'avg',
        size,
        strides: c.strides == null ? size : pair(c.strides, size[0]),
        padding: c.padding === 'same' ? 'same' : 'valid',
      };
    }
    case 'GlobalAveragePooling2D':
      return { kind: 'global-avg-pool' };
    case 'Flatten':
      return { kind: 'flatten' };
    case 'Dense':
      return {
        kind: 'dense',
        kernel: weightOf(weights, name, 'kernel', true) as Tensor2D,
        bias: c.use_bias === false ? null : weightOf(weights, name, 'bias', false),
        activation: activationOf(c),
      };
    case 'BatchNormalization':
      return {
        kind: 'batch-norm',
        gamma: c.scale === false ? null : weightOf(weights, name, 'gamma', false),
        beta: c.center === false ? null : weightOf(weights, name, 'beta', false),
        mean: weightOf(weights, name, 'moving_mean', true),
        variance: weightOf(weights, name, 'moving_variance', true),
        epsilon: Number(c.epsilon ?? 1e-3),
      };
    case 'Activation':
      return { kind: 'activation', activation: activationOf(c) };
    case 'Dropout':
    case 'InputLayer':
      return { kind: 'identity' };
    default:
      throw new Error(`unsupported layer ${spec.class_name} ("${name}")`);
  }
}

function run(layer: Layer, x: Tensor): Tensor {
  switch (layer.kind) {
    case 'conv2d': {
      const fusable = layer.activation === 'relu' || layer.activation === 'linear';
      const out = fused.conv2d({
        x: x as Tensor4D,
        filter: layer.kernel,
        strides: layer.strides,
        pad: layer.padding,
        ...(layer.bias ? { bias: layer.bias } : {}),
        activation: fusable ? (layer.activation as 'relu' | 'linear') : 'linear',
      });
      return fusable ? out : applyActivation(out, layer.activation);
    }
    case 'pool':
      return (layer.op === 'max' ? maxPool : avgPool)(x as Tensor4D, layer.size, layer.strides, layer.padding);
    case 'global-avg-pool': {
      // One average pool over the whole map, not mean() over its axes: on the wasm backend mean()
      // transposes the map first, and that path's first run held up a page's first answer.
      const [n, h, w, c] = x.shape as [number, number, number, number];
      return reshape(avgPool(x as Tensor4D, [h, w], 1, 'valid'), [n, c]);
    }
    case 'flatten':
      return reshape(x, [x.shape[0]!, -1]);
    case 'dense': {
      const fusable = layer.activation === 'relu' || layer.activation === 'linear';
      const out = fused.matMul({
        a: x as Tensor2D,
        b: layer.kernel,
        ...(layer.bias ? { bias: layer.bias } : {}),
        activation: fusable ? (layer.activation as 'relu' | 'linear') : 'linear',
      });
      return fusable ? out : applyActivation(out, layer.activation);
    }
    case 'batch-norm':
      return batchNorm(x, layer.mean, layer.variance, layer.beta ?? undefined, layer.gamma ?? undefined, layer.epsilon);
    case 'activation':
      return applyActivation(x, layer.activation);
    case 'identity':
      return x;
  }
}

/** The layers of a Sequential model, run one after the other. */
export interface SequentialRunner {
  inputShape: [number, number, number] | null;
  /** Width of the last layer's output. */
  classes: number;
  run(batch: Tensor4D): Tensor2D;
}

/**
 * The runner of a Sequential topology whose weights are named `<prefix><layer>/<weight>` in
 * `weights`. Intermediate tensors are disposed as it goes; the output is the caller's.
 */
export function sequentialRunner(topology: unknown, weights: NamedTensorMap, prefix = ''): SequentialRunner {
  const { layers: specs, inputShape } = kerasLayers(topology);
  const layers = specs.map((spec) => buildLayer(spec, weights, prefix));
  const dense = [...specs].reverse().find((spec) => spec.class_name === 'Dense');
  const units = Number(dense?.config.units ?? 10);
  return {
    inputShape: inputShape ? (inputShape as [number, number, number]) : null,
    classes: units,
    run(batch: Tensor4D): Tensor2D {
      let x: Tensor = batch;
      const made: Tensor[] = [];
      for (const layer of layers) {
        const next = run(layer, x);
        if (next !== x) made.push(next);
        x = next;
      }
      made.pop();
      dispose(made);
      return x as Tensor2D;
    },
  };
}

/**
 * Runs `runners` on `count` inputs of `shape` side by side in `pixels`, and reads their outputs
 * side by side, row by row. No tensor outlives the call.
 */
export async function outputsOf(
  runners: SequentialRunner[],
  pixels: Float32Array,
  count: number,
  shape: [number, number, number],
): Promise<Float32Array> {
  const output = tidy(() => {
    const batch = tensor4d(pixels, [count, ...shape]);
    const outputs = runners.map((runner) => runner.run(batch));
    return outputs.length === 1 ? outputs[0]! : concat(outputs, 1);
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
