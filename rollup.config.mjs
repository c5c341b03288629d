// Builds, from one small function over the outputs:
// - ESM entries for bundlers and Node (dependencies stay external, deduplicated by the app);
// - one self-contained classic script for CDN <script> tags (window.DigitRecognizer);
// - the tfjs WASM binaries next to them (and, in dist/slim/, cut down for the CDN script), and a
//   size report.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { slimTfjs, WASM_KERNELS } from './scripts/build/slim-tfjs.mjs';
import { writeSlimWasm } from './scripts/build/slim-wasm.mjs';
import { virtualModule } from './scripts/build/virtual-module.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const require = createRequire(import.meta.url);
const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist';
// Threads need cross-origin isolation and bring nothing for a model this small.
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];
/** The binaries cut down to `WASM_KERNELS`, for the builds that register only those (slim-wasm.mjs). */
const SLIM_WASM_DIR = 'dist/slim';
let slimWasmWritten = false;

/** Stamps the package version into src/version.ts. */
function stampVersion() {
  return {
    name: 'stamp-version',
    transform(code, id) {
      if (!id.endsWith('src/version.ts')) return null;
      return { code: code.replace(/'[^']*';/, `'${pkg.version}';`), map: null };
    },
  };
}

/** The modules that name package files as `new URL('../../…', import.meta.url)`. */
const URL_MODULES = {
  [new URL('src/classify/asset-urls.ts', import.meta.url).pathname]: 'asset-urls',
  [new URL('src/classify/worker-url.ts', import.meta.url).pathname]: 'worker-url',
};

/**
 * The ESM build keeps each of them in a chunk of its own in dist/chunks/: two folders below the
 * package root, as in the sources, so their `new URL('../../…', import.meta.url)` paths hold in
 * both and a bundler that reads them finds the files (and the worker).
 */
const assetUrlsChunk = (id) => URL_MODULES[id];

/**
 * The classic script finds its assets from its own address instead (asset-urls.cdn.ts), and is
 * its own worker (worker-url.cdn.ts).
 */
function cdnAssetUrls() {
  return {
    name: 'cdn-asset-urls',
    async resolveId(source, importer, options) {
      if (!/\/(asset-urls|worker-url)\.js$/.test(source)) return null;
      const resolved = await this.resolve(source.replace(/\.js$/, '.cdn.js'), importer, { ...options, skipSelf: true });
      return resolved;
    },
  };
}

/**
 * The reading worker takes every asset URL from the page that starts it (`useAssets()`), so it
 * names no package file itself: a bundler that reads it finds no `new URL()` to resolve.
 */
function workerAssetUrls() {
  return virtualModule(
    'worker-asset-urls',
    (source) => /\/asset-urls\.js$/.test(source),
    `export function packageAssets() { throw new Error('The reading worker loads what the page sends.'); }
     export const WASM_DIR = 'dist/slim/';`,
  );
}

/**
 * Run as a worker (see worker-url.cdn.ts), the classic script meets a global scope with no DOM,
 * where Lit's classes and the element's registration, evaluated as the script loads, would
 * throw. The banner lends them the few names they touch while the script loads; the footer
 * takes them back, so the reading code sees a plain worker.
 */
const WORKER_SHIM_BANNER = `"undefined" != typeof WorkerGlobalScope && "undefined" == typeof document &&
  (self.__digitRecognizerUnshim = (function (g) {
    var lent = {
      HTMLElement: function HTMLElement() {},
      CSSStyleSheet: function CSSStyleSheet() {},
      customElements: { define: function () {}, get: function () { return undefined; } },
      // A blob: worker's own URL is no base for relative URLs; the origin is (and unused).
      document: { currentScript: null, baseURI: g.location.origin + '/', createTreeWalker: function () { return {}; } },
    };
    Object.keys(lent).forEach(function (k) { g[k] = lent[k]; });
    return function () { Object.keys(lent).forEach(function (k) { delete g[k]; }); };
  })(self));`;
// In a page the banner lends nothing and leaves no global; in a worker it takes all back.
const WORKER_SHIM_FOOTER =
  'if ("undefined" != typeof self && self.__digitRecognizerUnshim) { self.__digitRecognizerUnshim(); delete self.__digitRecognizerUnshim; }';

/**
 * Node built-ins that tfjs' Emscripten glue requires only when it runs under Node: empty in
 * browser bundles, or the classic script would look for globals named `fs` and `path`.
 */
function emptyNodeBuiltins() {
  const names = new Set(['fs', 'path', 'os', 'perf_hooks', 'worker_threads', 'crypto', 'util']);
  return {
    name: 'empty-node-builtins',
    resolveId: (id) => (names.has(id) ? `\0empty:${id}` : null),
    load: (id) => (id.startsWith('\0empty:') ? 'export default {};' : null),
  };
}

/**
 * In the CDN script, the CPU fallback (30 KB gzipped) is not inlined: it is a separate file,
 * dist/digit-recognizer-cpu.js, fetched from next to the script only when WASM cannot start.
 * It shares the page's tfjs engine and kernel registry, which tfjs keeps on the global object.
 */
function cpuBackendOnDemand() {
  return virtualModule(
    'cpu-backend-on-demand',
    (source) => source === '@tensorflow/tfjs-backend-cpu',
    `import { currentAssets } from ${JSON.stringify(new URL('src/classify/assets.ts', import.meta.url).pathname)};
     export function loadCpuBackend() { return import(currentAssets().cpuBackendScript); }`,
  );
}

/** Copies the WASM binaries into dist/ and writes dist/size-report.json. */
function assetsAndSizes() {
  return {
    name: 'assets-and-sizes',
    writeBundle(options, bundle) {
      mkdirSync('dist', { recursive: true });
      for (const file of WASM_FILES) copyFileSync(join(wasmDir, file), join('dist', file));
      if (!slimWasmWritten) {
        writeSlimWasm(wasmDir, SLIM_WASM_DIR, WASM_FILES, Object.keys(WASM_KERNELS));
        slimWasmWritten = true;
      }
      const reportPath = 'dist/size-report.json';
      let report;
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8'));
      } catch {
        report = {};
      }
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const bytes = Buffer.from(chunk.code);
        report[join(options.dir ?? dirname(options.file), name)] = {
          bytes: bytes.length,
          gzip: gzipSync(bytes).length,
        };
      }
      const models = ['recognizer', 'segment-checker'].flatMap((m) => [
        `../models/${m}/weights.bin`,
        `../models/${m}/model.json`,
      ]);
      const slim = WASM_FILES.map((file) => join('slim', file));
      for (const file of [...WASM_FILES, ...slim, ...models]) {
        const bytes = readFileSync(join('dist', file));
        report[join('dist', file)] = { bytes: bytes.length, gzip: gzipSync(bytes).length };
      }
      writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
      if (!process.env.ROLLUP_QUIET) {
        for (const [file, { bytes, gzip }] of Object.entries(report)) {
          console.log(
            `${file.padEnd(44)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${(gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
          );
        }
      }
    },
  };
}

/**
 * tfjs' Emscripten glue asks `typeof __filename` before it reads it. webpack answers that test
 * itself ('string') in a module it bundles, leaving the read to fail in the browser, so the
 * worker, which webpack bundles again, must not ask: in a browser the answer is 'undefined'.
 */
function noNodeFilename() {
  return {
    name: 'no-node-filename',
    transform(code, id) {
      if (!id.includes('@tensorflow') || !code.includes('__filename')) return null;
      return {
        code: code
          .replace(/typeof __(filename|dirname)/g, '"undefined"')
          .replace(/\b__(filename|dirname)\b/g, 'undefined'),
        map: null,
      };
    },
  };
}

/**
 * The CDN bundle leaves out seedrandom: TensorFlow.js uses it only for random tensors (weight
 * initialisers, dropout), which reading with a trained model never makes. A call says so plainly
 * instead of failing somewhere inside. The npm entries keep it.
 */
function noSeedrandom() {
  return virtualModule(
    'no-seedrandom',
    (source) => source === 'seedrandom',
    "export function alea() { throw new Error('digit-recognizer: random tensors are not part of the CDN bundle'); }",
  );
}

function plugins({ browser, minify, cdn = false, worker = false }) {
  return [
    worker && workerAssetUrls(),
    worker && noNodeFilename(),
    cdn && cpuBackendOnDemand(),
    cdn && cdnAssetUrls(),
    cdn && noSeedrandom(),
    ...(cdn || worker ? slimTfjs() : []),
    stampVersion(),
    browser && emptyNodeBuiltins(),
    nodeResolve({ browser, preferBuiltins: !browser, exportConditions: browser ? ['browser'] : ['node'] }),
    commonjs(),
    esbuild({ target: 'es2020', tsconfig: 'tsconfig.json', minify: false }),
    minify && terser({ format: { comments: /^!/ }, compress: { passes: 2 } }),
    assetsAndSizes(),
  ].filter(Boolean);
}

const external = (id) => /^(@tensorflow\/|lit($|\/)|@lit\/|node:|sharp$)/.test(id);

/** One build per output kind. */
const build = ({
  input,
  output,
  browser = true,
  bundleDependencies = false,
  minify = false,
  cdn = false,
  worker = false,
  shebang,
}) => ({
  input,
  output: shebang
    ? { ...output, banner: (chunk) => (chunk.fileName === shebang ? '#!/usr/bin/env node' : '') }
    : output,
  external: bundleDependencies ? (id) => id.startsWith('node:') : external,
  plugins: plugins({ browser, minify, cdn, worker }),
  onwarn(warning, warn) {
    // tfjs ships `this` at module top level in a few CommonJS helpers; harmless.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
});

export default [
  build({
    input: { index: 'src/index.ts', element: 'src/element.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: assetUrlsChunk,
    },
  }),
  build({
    input: { node: 'src/node.ts', cli: 'src/cli.ts', 'cli-worker': 'src/cli-worker.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/node-[name]-[hash].js',
      manualChunks: assetUrlsChunk,
    },
    browser: false,
    shebang: 'cli.js',
  }),
  build({
    input: 'src/cdn.ts',
    output: {
      file: 'dist/digit-recognizer.min.js',
      format: 'iife',
      name: 'DigitRecognizer',
      sourcemap: true,
      inlineDynamicImports: true,
      banner: `/*! digit-recognizer ${pkg.version} | MIT | bundles TensorFlow.js (Apache-2.0) and Lit (BSD-3-Clause) */\n${WORKER_SHIM_BANNER}`,
      footer: WORKER_SHIM_FOOTER,
    },
    bundleDependencies: true,
    minify: true,
    cdn: true,
  }),
  // The reading worker: one self-contained module with its dependencies, so it starts as it is
  // wherever the page's bundler put it, or served raw (Vite's dev server, an import map).
  build({
    input: { worker: 'src/worker.ts' },
    output: { dir: 'dist', format: 'es', sourcemap: true, inlineDynamicImports: true },
    bundleDependencies: true,
    minify: true,
    worker: true,
  }),
  build({
    input: { 'digit-recognizer-cpu': '@tensorflow/tfjs-backend-cpu' },
    output: { dir: 'dist', format: 'es', sourcemap: false },
    bundleDependencies: true,
    minify: true,
  }),
];
