// Rollup plugins that leave out the parts of TensorFlow.js a reader of digits never runs, for the
// builds that bundle tfjs themselves (the CDN script and the reading worker). The npm ESM entries
// keep tfjs external: an app's bundler resolves the packages as published.
//
// This is the "custom bundle" TensorFlow.js documents for production (register only the kernels
// the models run, and take tfjs-core without its optimizers), done at build time so the sources
// stay plain imports that Node can load.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { virtualModule } from './virtual-module.mjs';

const require = createRequire(import.meta.url);
const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const coreDist = join(dirname(require.resolve('@tensorflow/tfjs-core/package.json')), 'dist');

/**
 * The WASM kernels our models run, and every kernel a layer of `src/classify/sequential.ts` can
 * call (so a custom model of the kinds `loadClassifier()` accepts runs too), plus `Identity`
 * (tfjs' `concat` of one tensor is a copy), and the kernels these call inside the backend, whose
 * WASM functions are bound only when they are registered: `Transpose` (a `Mean` over the image's
 * rows and columns transposes first) and `Cast`. Profiled with `runKernel` over classify, batch
 * and readNumber: AvgPool (the global pooling, once a Mean) Concat FusedConv2D
 * MaxPool Reshape Softmax _FusedMatMul. A kernel missing
 * from the registry fails plainly ("Kernel 'X' not registered for backend 'wasm'"); one missing
 * inside another does not (a `Mean` without `Transpose`: "(void 0) is not a function"), so
 * test/browser/cdn runs the shipped models, and a model with every layer, through the CDN script.
 */
export const WASM_KERNELS = {
  AvgPool: 'avgPoolConfig',
  Cast: 'castConfig',
  Concat: 'concatConfig',
  FusedBatchNorm: 'fusedBatchNormConfig',
  FusedConv2D: 'fusedConv2DConfig',
  Identity: 'identityConfig',
  MaxPool: 'maxPoolConfig',
  Mean: 'meanConfig',
  Relu: 'reluConfig',
  Reshape: 'reshapeConfig',
  Sigmoid: 'sigmoidConfig',
  Softmax: 'softmaxConfig',
  Tanh: 'tanhConfig',
  Transpose: 'transposeConfig',
  _FusedMatMul: '_fusedMatMulConfig',
};

/** The WASM backend with only `WASM_KERNELS` registered (instead of all 150-odd). */
function onlyUsedWasmKernels() {
  const entries = Object.entries(WASM_KERNELS);
  return virtualModule(
    'wasm-used-kernels',
    (source, importer) => source === './register_all_kernels' && Boolean(importer?.startsWith(wasmDist)),
    () =>
      [
        `import { registerKernel } from '@tensorflow/tfjs-core';`,
        ...entries.map(
          ([file, name]) => `import { ${name} } from ${JSON.stringify(join(wasmDist, 'kernels', `${file}.js`))};`,
        ),
        `for (const config of [${entries.map(([, name]) => name).join(', ')}]) registerKernel(config);`,
      ].join('\n'),
  );
}

/**
 * tfjs-core without `registerOptimizers()`: its index registers every training optimizer for
 * serialisation as it loads, which keeps them all in a bundle. The base entry and its side effects
 * (engine, flags, platform) are the rest of it.
 */
function coreWithoutOptimizers() {
  return virtualModule(
    'tfjs-core-base',
    (source) => source === '@tensorflow/tfjs-core',
    `import ${JSON.stringify(join(coreDist, 'base_side_effects.js'))};
     export * from ${JSON.stringify(join(coreDist, 'base.js'))};`,
  );
}

/**
 * The multi-threaded WASM glue (30 KB): `src/classify/backend.ts` turns threads off (they need a
 * cross-origin isolated page and bring nothing for a model this small), and the package does not
 * ship the threaded binary, so the glue is never called.
 */
function noThreadedWasm() {
  const fromWasm = (importer) => Boolean(importer?.startsWith(wasmDist));
  return [
    virtualModule(
      'wasm-threaded-stub',
      (source, importer) => fromWasm(importer) && /tfjs-backend-wasm-threaded-simd\.js$/.test(source),
      `export default function () { throw new Error('digit-recognizer runs WASM without threads'); }`,
    ),
    virtualModule(
      'wasm-threaded-worker-stub',
      (source, importer) => fromWasm(importer) && /tfjs-backend-wasm-threaded-simd\.worker\.js$/.test(source),
      `export const wasmWorkerContents = '';`,
    ),
  ];
}

/**
 * tfjs-core's Node platform (`require('util')` behind an `IS_NODE` test): these builds run only in
 * browsers, and a bundler that meets the `require` warns about it (Vite: "Module "util" has been
 * externalized for browser compatibility").
 */
function noNodePlatform() {
  return virtualModule(
    'tfjs-core-no-node-platform',
    (source, importer) => Boolean(importer?.startsWith(coreDist)) && /\/platform_node(\.js)?$/.test(source),
    'export {};',
  );
}

/** All of them, for a build that bundles tfjs and runs only in browsers. */
export function slimTfjs() {
  return [coreWithoutOptimizers(), onlyUsedWasmKernels(), ...noThreadedWasm(), noNodePlatform()];
}
