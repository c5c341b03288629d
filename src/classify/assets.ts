/**
 * Where the package's own files (the model, the `.wasm` binaries) are served from. By default
 * they are found relative to the script itself, so npm and CDN installs need no configuration;
 * `setAssetPath()` overrides that for self-hosting, as Shoelace's `setBasePath()` does.
 */

// Read at load time: in the CDN bundle this becomes `document.currentScript.src`, which is
// only set while the script first runs.
const MODULE_URL: string = import.meta.url;

// This file is two folders below the package root; the bundles in dist/ are one. The build
// (rollup.config.mjs) rewrites this constant, so sources and bundles both find the root.
const PACKAGE_ROOT_FROM_HERE = '../../';

let assetRoot: URL | null = null;

/** Package-relative paths of the shipped assets. */
export const DEFAULT_MODEL_PATH = 'models/mnist-cnn/model.json';
export const WASM_DIR = 'dist/';

/**
 * The package folder. A CDN's bare package URL (`…/npm/digit-recognizer@0.1.0`) serves the
 * bundle without naming a file, and `document.currentScript.src` keeps that URL: then it is the
 * package root itself.
 */
function packageRoot(): URL {
  const url = new URL(MODULE_URL);
  if (!/\.[cm]?[jt]s$/.test(url.pathname)) return new URL(`${url.origin}${url.pathname.replace(/\/?$/, '/')}`);
  return new URL(PACKAGE_ROOT_FROM_HERE, url);
}

/**
 * Sets the folder the package is served from: the one that holds `dist/` and `models/`.
 * Relative paths resolve against the page. Call it before the first `classify()`.
 *
 * @example
 * ```ts
 * // node_modules/digit-recognizer copied to /vendor/digit-recognizer/
 * setAssetPath('/vendor/digit-recognizer/');
 * ```
 */
export function setAssetPath(root: string | URL): void {
  const text = String(root);
  const base = typeof document !== 'undefined' ? document.baseURI : MODULE_URL;
  assetRoot = new URL(text.endsWith('/') ? text : `${text}/`, base);
}

/**
 * The folder assets are loaded from: the one set with {@link setAssetPath}, or else the package
 * folder next to this script (the bundles live in its `dist/`).
 */
export function getAssetPath(): string {
  return (assetRoot ?? packageRoot()).href;
}

/** Absolute URL of a package-relative asset path. */
export function assetUrl(path: string): string {
  return new URL(path, getAssetPath()).href;
}
