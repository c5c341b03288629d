/**
 * Where the package's own files (the models, the `.wasm` binaries) are loaded from. By default
 * a bundler finds them (see `asset-urls.ts`), or, unbundled and from a CDN, they are found next
 * to the script: no configuration. `setAssetPath()` overrides that for self-hosting, as
 * Shoelace's `setBasePath()` does.
 */
import { assetsUnder, type PackageAssets } from './asset-types.js';
import { packageAssets, WASM_DIR } from './asset-urls.js';

let assetRoot: string | null = null;
/** Every asset's URL, as the page that started the reading worker sent them (in the worker only). */
let given: PackageAssets | null = null;

/**
 * Sets the folder the package is served from: the one that holds `dist/` and `models/`.
 * Relative paths resolve against the page. Call it before the first `classify()`. Only needed
 * when you serve the files yourself; bundlers (Vite, webpack, Parcel) and CDNs find them.
 *
 * @example
 * ```ts
 * // node_modules/digit-recognizer copied to /vendor/digit-recognizer/
 * setAssetPath('/vendor/digit-recognizer/');
 * ```
 */
export function setAssetPath(root: string | URL): void {
  const text = String(root);
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  assetRoot = new URL(text.endsWith('/') ? text : `${text}/`, base).href;
}

/**
 * The folder set with {@link setAssetPath}, or `''` when the package finds its own files (the
 * bundler's copies, or the package folder next to the script).
 */
export function getAssetPath(): string {
  return assetRoot ?? '';
}

/**
 * The URLs made last and the root they were made under: every `classify()` asks for them (to find
 * the shared classifier), and making a dozen URLs cost more than the rest of a 28×28 reading's
 * bookkeeping.
 */
let made: { root: string | null; assets: PackageAssets } | null = null;

/** The URLs every asset is loaded from now. */
export function currentAssets(): PackageAssets {
  if (given) return given;
  if (!made || made.root !== assetRoot) {
    made = { root: assetRoot, assets: assetRoot === null ? packageAssets() : assetsUnder(assetRoot, WASM_DIR) };
  }
  return made.assets;
}

/**
 * In the reading worker: load every asset from the URLs the page found (a bundler's hashed
 * copies, a CDN, `setAssetPath()`), whatever the worker's own script URL is.
 */
export function useAssets(assets: PackageAssets): void {
  given = assets;
}
