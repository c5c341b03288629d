/**
 * Kernels that make training on the tfjs `wasm` backend fast enough for one session.
 *
 * - `Conv2DBackpropFilter`: the wasm backend ships without one.
 * - `Conv2DBackpropInput`: the shipped one is a scalar loop, ~5× slower than a convolution; for
 *   stride 1 the input gradient is a convolution of the padded output gradient with the
 *   flipped filter, so we run it as one.
 * - The `FusedBatchNorm` gradient: tfjs-core's tiles the variance to the full activation shape
 *   before multiplying, and wasm's generic Tile dominated a training step; broadcasting the
 *   multiply gives the same numbers.
 *
 * The filter gradient is itself a convolution: with the batch moved into the channel axis,
 * The filter gradient is itself a convolution: with the batch moved into the channel axis,
 * convolving the (padded) input with the output gradient as a filter gives
 * dW[kh, kw, ci, co] = Σ_b Σ_y Σ_x x[b, y·s + kh, x·s + kw, ci] · dy[b, y, x, co].
 * Built only from kernels the wasm backend already has (PadV2, Transpose, Conv2D, Slice),
 * so it runs at XNNPACK speed instead of the cpu backend's scalar loops.
 */
import {
  add,
  backend_util,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  FusedBatchNorm,
  getKernel,
  mul,
  registerGradient,
  registerKernel,
  reshape,
  rsqrt,
  scalar,
  sub,
  sum,
  unregisterKernel,
  type Conv2DBackpropInputAttrs,
  type Conv2DBackpropInputInputs,
  type FusedBatchNormAttrs,
  type Tensor,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropFilterInputs,
  type KernelBackend,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type KernelArgs = {
  inputs: Conv2DBackpropFilterInputs;
  backend: KernelBackend;
  attrs: Conv2DBackpropFilterAttrs;
};

function wasmKernel(name: string): KernelFunc {
  const config = getKernel(name, 'wasm');
  if (!config) throw new Error(`The wasm backend has no ${name} kernel`);
  return config.kernelFunc;
}

function run(
  name: string,
  backend: KernelBackend,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  return wasmKernel(name)({ inputs, backend, attrs }) as TensorInfo;
}

function conv2DBackpropFilterWasm(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x!;
  const dy = inputs.dy!;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { padInfo, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const temporaries: TensorInfo[] = [];
  const keep = (t: TensorInfo): TensorInfo => (temporaries.push(t), t);

  const padded = keep(
    run(
      'PadV2',
      backend,
      { x },
      {
        paddings: [
          [0, 0],
          [padInfo.top, padInfo.bottom],
          [padInfo.left, padInfo.right],
          [0, 0],
        ],
        constantValue: 0,
      },
    ),
  );
  // [B, Hp, Wp, Ci] -> [Ci, Hp, Wp, B]: the batch becomes the channel axis.
  const xT = keep(run('Transpose', backend, { x: padded }, { perm: [3, 1, 2, 0] }));
  // [B, Ho, Wo, Co] -> [Ho, Wo, B, Co]: the output gradient becomes the filter.
  const dyT = keep(run('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }));
  const conv = keep(
    run('Conv2D', backend, { x: xT, filter: dyT }, {
      strides: [1, 1],
      pad: 'valid',
      dataFormat: 'NHWC',
      dilations: [strideHeight, strideWidth],
      dimRoundingMode: undefined,
    } as unknown as NamedAttrMap),
  );
  // Strided convolutions can leave rows and columns past the filter size: drop them.
  const cropped = keep(
    run(
      'Slice',
      backend,
      { x: conv },
      {
        begin: [0, 0, 0, 0],
        size: [conv.shape[0]!, filterHeight, filterWidth, conv.shape[3]!],
      },
    ),
  );
  const result = run('Transpose', backend, { x: cropped }, { perm: [1, 2, 0, 3] });
  for (const t of temporaries) backend.disposeData(t.dataId);
  return result;
}

type InputGradArgs = {
  inputs: Conv2DBackpropInputInputs;
  backend: KernelBackend;
  attrs: Conv2DBackpropInputAttrs;
};

function conv2DBackpropInputWasm(fallback: KernelFunc) {
  return (args: InputGradArgs): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const dy = inputs.dy!;
    const filter = inputs.filter!;
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    if (dataFormat === 'NCHW' || info.strideHeight !== 1 || info.strideWidth !== 1) {
      return fallback(args as unknown as Parameters<KernelFunc>[0]) as TensorInfo;
    }
    const { padInfo, filterHeight, filterWidth } = info;
    const temporaries: TensorInfo[] = [];
    const keep = (t: TensorInfo): TensorInfo => (temporaries.push(t), t);
    const padded = keep(
      run(
        'PadV2',
        backend,
        { x: dy },
        {
          paddings: [
            [0, 0],
            [filterHeight - 1 - padInfo.top, filterHeight - 1 - padInfo.bottom],
            [filterWidth - 1 - padInfo.left, filterWidth - 1 - padInfo.right],
            [0, 0],
          ],
          constantValue: 0,
        },
      ),
    );
    const flipped = keep(run('Reverse', backend, { x: filter }, { dims: [0, 1] }));
    // [Kh, Kw, Ci, Co] -> [Kh, Kw, Co, Ci]: the gradient flows from output to input channels.
    const swapped = keep(run('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] }));
    const result = run('Conv2D', backend, { x: padded, filter: swapped }, {
      strides: [1, 1],
      pad: 'valid',
      dataFormat: 'NHWC',
      dilations: [1, 1],
      dimRoundingMode: undefined,
    } as unknown as NamedAttrMap);
    for (const t of temporaries) backend.disposeData(t.dataId);
    return result;
  };
}

/** tfjs-core's FusedBatchNorm gradient, with broadcasting in place of its Tile. */
function registerBroadcastingBatchNormGradient(): void {
  registerGradient({
    kernelName: FusedBatchNorm,
    inputsToSave: ['x', 'mean', 'variance', 'scale'],
    gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
      const grad = dy as Tensor;
      const { varianceEpsilon } = attrs as unknown as FusedBatchNormAttrs;
      const [x, mean, variance, scale] = saved as [Tensor, Tensor, Tensor, Tensor | undefined];
      const scaleValue = scale ?? scalar(1);
      const reductionAxes = backend_util.getReductionAxes(mean.shape, x.shape);
      const reduce = (t: Tensor): Tensor => reshape(reductionAxes.length > 0 ? sum(t, reductionAxes) : t, mean.shape);
      const xMinusMean = sub(x, mean);
      const dyTimesScale = mul(grad, scaleValue);
      const oneOverSqrtVariance = rsqrt(add(variance, scalar(varianceEpsilon)));
      const minusHalfRCube = mul(mul(mul(oneOverSqrtVariance, oneOverSqrtVariance), oneOverSqrtVariance), scalar(-0.5));
      return {
        x: () => mul(mul(grad, oneOverSqrtVariance), scaleValue),
        mean: () => reduce(mul(mul(oneOverSqrtVariance, scalar(-1)), dyTimesScale)),
        variance: () => reduce(mul(mul(minusHalfRCube, xMinusMean), dyTimesScale)),
        scale: () => reduce(mul(grad, mul(xMinusMean, oneOverSqrtVariance))),
        offset: () => reduce(grad),
      };
    },
  });
}

let registered = false;

/**
 * Registers the training kernels and gradient above for the wasm backend. Idempotent. Call
 * before the first gradient is computed.
 */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!getKernel(Conv2DBackpropFilter, 'wasm')) {
    registerKernel({
      kernelName: Conv2DBackpropFilter,
      backendName: 'wasm',
      kernelFunc: conv2DBackpropFilterWasm as unknown as KernelFunc,
    });
  }
  const shipped = getKernel(Conv2DBackpropInput, 'wasm');
  if (shipped) {
    unregisterKernel(Conv2DBackpropInput, 'wasm');
    registerKernel({
      ...shipped,
      kernelFunc: conv2DBackpropInputWasm(shipped.kernelFunc) as unknown as KernelFunc,
    });
  }
  registerBroadcastingBatchNormGradient();
}
