/**
 * The CDN bundle's variant of `asset-urls.ts`: every asset lies under the package folder the
 * classic script was loaded from (`dist/digit-recognizer.min.js` is one folder below it).
 */
import { ASSET_PATHS, assetsUnder, type PackageAssets } from './asset-types.js';

// Read at load time: in the classic script this becomes `document.currentScript.src`, which is
// only set while the script first runs.
const SCRIPT_URL: string = import.meta.url;

/**
 * The package folder. A CDN's bare package URL (`…/npm/digit-recognizer@0.1.0`) serves the
 * bundle without naming a file, and `document.currentScript.src` keeps that URL: then it is the
 * package root itself.
 */
function packageRoot(): string {
  const url = new URL(SCRIPT_URL);
  if (!/\.[cm]?js$/.test(url.pathname)) return `${url.origin}${url.pathname.replace(/\/?$/, '/')}`;
  return new URL('../', url).href;
}

/**
 * The `.wasm` binaries this build loads: cut down to the kernels it registers, whatever the
 * package root (its own folder, or one set with `setAssetPath()`).
 */
export const WASM_DIR: string = ASSET_PATHS.slimWasmDir;

export function packageAssets(): PackageAssets {
  return assetsUnder(packageRoot(), WASM_DIR);
}
