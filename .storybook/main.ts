// Storybook for <digit-recognizer> (web components + Vite). `npm run storybook` serves it on
// http://localhost:6006; `npm run build-storybook` writes storybook-static/.
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
/**
 * Where the package's assets are served, as if the package were installed there: the model at
 * /package/models/ and the .wasm files at /package/dist/. Not at /models/: in `storybook dev`
 * that would shadow the docs pages' own imports of ../models/recognizer/ files.
 */
const ASSET_BASE = '/package/';
/** The two binaries the package ships in its dist/ (threads are not used). */
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];
/**
 * The element's reading worker, from the package's own build (`npm run build`, which `npm test`
 * runs first). Without a build the element reads on the main thread and says so once.
 */
const WORKER_FILE = join(dirname(new URL(import.meta.url).pathname), '../dist/worker.js');

/**
 * Serves (dev) and emits (build) the tfjs `.wasm` binaries (and the reading worker) in ASSET_BASE's dist/, where the
 * element looks for them after `setAssetPath('./package/')`, without copying all of
 * tfjs-backend-wasm/dist (13 MB) or needing `npm run build` first.
 */
function tfjsWasmBinaries(): Plugin {
  return {
    name: 'digit-recognizer:tfjs-wasm-binaries',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const name = path.slice(`${ASSET_BASE}dist/`.length);
        if (path === `${ASSET_BASE}dist/worker.js` && existsSync(WORKER_FILE)) {
          res.setHeader('content-type', 'text/javascript');
          createReadStream(WORKER_FILE).pipe(res);
          return;
        }
        if (!path.startsWith(`${ASSET_BASE}dist/`) || !WASM_FILES.includes(name)) return next();
        res.setHeader('content-type', 'application/wasm');
        createReadStream(join(wasmDir, name)).pipe(res);
      });
    },
    async generateBundle() {
      if (existsSync(WORKER_FILE)) {
        this.emitFile({
          type: 'asset',
          fileName: `${ASSET_BASE.slice(1)}dist/worker.js`,
          source: await readFile(WORKER_FILE),
        });
      }
      for (const name of WASM_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${ASSET_BASE.slice(1)}dist/${name}`,
          source: await readFile(join(wasmDir, name)),
        });
      }
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The shipped model, at /package/models/recognizer/model.json.
  staticDirs: [{ from: '../models', to: `${ASSET_BASE}models` }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [tfjsWasmBinaries()],
      optimizeDeps: {
        include: [
          // tfjs' Emscripten glue mentions Node built-ins it only uses under Node; its package.json
          // "browser" field maps them to nothing, which pre-bundling honours.
          '@tensorflow/tfjs-core',
          '@tensorflow/tfjs-backend-wasm',
          '@tensorflow/tfjs-backend-cpu',
          // One copy of Lit in `storybook dev`: the renderer imports lit/directive-helpers.js,
          // which would otherwise load a second, unbundled lit-html next to the pre-bundled one.
          'lit',
          'lit/decorators.js',
          'lit/directive-helpers.js',
          'lit/directives/class-map.js',
          'lit/directives/if-defined.js',
          'lit/directives/repeat.js',
          'lit/directives/style-map.js',
        ],
      },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
