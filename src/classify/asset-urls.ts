/**
 * The package's own files (the models, the `.wasm` binaries) as URLs a bundler can see.
 *
 * Every URL is written as `new URL('<literal>', import.meta.url)`: the form Vite, webpack 5,
 * Parcel and Rollup (with `@web/rollup-plugin-import-meta-assets`) find, copy into the app's
 * build and rewrite, with no configuration (`onnxruntime-web` ships its `.wasm` the same way).
 * Unbundled, a browser or Node resolves the same URLs against this module's own address.
 *
 * The paths are relative to this file in the sources (`src/classify/`) and in the ESM build,
 * whose rollup config keeps this module in `dist/chunks/`: both are two folders below the
 * package root. The CDN bundle swaps this module for `asset-urls.cdn.ts`.
 */
import { ASSET_PATHS, type PackageAssets } from './asset-types.js';

/**
 * The `.wasm` binaries under a root set with `setAssetPath()`: the whole ones, as tfjs is the
 * app's here and may run any kernel.
 */
export const WASM_DIR: string = ASSET_PATHS.wasmDir;

/** Read on first use, not at import, so a page that only imports types fetches nothing. */
export function packageAssets(): PackageAssets {
  return {
    digitModel: {
      json: new URL('../../models/recognizer/model.json', import.meta.url).href,
      files: { './weights.bin': new URL('../../models/recognizer/weights.bin', import.meta.url).href },
    },
    segmentChecker: {
      json: new URL('../../models/segment-checker/model.json', import.meta.url).href,
      files: { './weights.bin': new URL('../../models/segment-checker/weights.bin', import.meta.url).href },
    },
    wasm: {
      'tfjs-backend-wasm.wasm': new URL('../../dist/tfjs-backend-wasm.wasm', import.meta.url).href,
      'tfjs-backend-wasm-simd.wasm': new URL('../../dist/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
    },
    cpuBackendScript: null,
  };
}
