/** The shapes of the package's asset locations, shared by the bundler and CDN variants. */

/** A model's `model.json` and, by the path `model.json` names them with, its weight files. */
export interface ModelFiles {
  readonly json: string;
  /** Absolute URLs of the weight files; a path missing here resolves against `json`. */
  readonly files: Readonly<Record<string, string>>;
}

/** The two `.wasm` binaries tfjs may start (threads are never used). */
export type WasmFileName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm';

export interface PackageAssets {
  readonly digitModel: ModelFiles;
  readonly segmentChecker: ModelFiles;
  readonly wasm: Readonly<Record<WasmFileName, string>>;
  /** The CDN bundle's separate CPU fallback; `null` in the ESM build (bundlers split it off). */
  readonly cpuBackendScript: string | null;
}

/** Package-relative paths of the assets, for a root set with `setAssetPath()`. */
export const ASSET_PATHS = {
  digitModel: 'models/recognizer/model.json',
  segmentChecker: 'models/segment-checker/model.json',
  /** tfjs' whole `.wasm` binaries: the npm entries, whose tfjs is the app's, load these. */
  wasmDir: 'dist/',
  /**
   * The same binaries cut down to the kernels the CDN script registers (the SIMD one 84 KB
   * gzipped instead of 134 KB; see scripts/build/slim-wasm.mjs): the CDN script loads these.
   */
  slimWasmDir: 'dist/slim/',
  cpuBackendScript: 'dist/digit-recognizer-cpu.js',
} as const;

/**
 * Every asset under one package root (the CDN bundle's, or one set with `setAssetPath()`), the
 * `.wasm` binaries from `wasmDir` (a folder of `ASSET_PATHS`).
 */
export function assetsUnder(root: string, wasmDir: string): PackageAssets {
  const at = (path: string): string => new URL(path, root).href;
  return {
    // The weights are named in advance, as in asset-urls.ts: fetched alongside model.json.
    digitModel: { json: at(ASSET_PATHS.digitModel), files: { './weights.bin': at('models/recognizer/weights.bin') } },
    segmentChecker: {
      json: at(ASSET_PATHS.segmentChecker),
      files: { './weights.bin': at('models/segment-checker/weights.bin') },
    },
    wasm: {
      'tfjs-backend-wasm.wasm': at(`${wasmDir}tfjs-backend-wasm.wasm`),
      'tfjs-backend-wasm-simd.wasm': at(`${wasmDir}tfjs-backend-wasm-simd.wasm`),
    },
    cpuBackendScript: at(ASSET_PATHS.cpuBackendScript),
  };
}
