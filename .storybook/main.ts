// Storybook for <digit-recognizer> (web components + Vite). `npm run storybook` serves it on
// http://localhost:6006; `npm run build-storybook` writes storybook-static/.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
/** The two binaries the package ships in its dist/ (threads are not used). */
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

/**
 * Serves (dev) and emits (build) the tfjs `.wasm` binaries at `/dist/`, where the element looks
 * for them after `setAssetPath('./')`, without copying all of tfjs-backend-wasm/dist (13 MB) or
 * needing `npm run build` first.
 */
function tfjsWasmBinaries(): Plugin {
  return {
    name: 'digit-recognizer:tfjs-wasm-binaries',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0]?.replace(/^\/dist\//, '');
        if (!name || !WASM_FILES.includes(name)) return next();
        res.setHeader('content-type', 'application/wasm');
        createReadStream(join(wasmDir, name)).pipe(res);
      });
    },
    async generateBundle() {
      for (const name of WASM_FILES) {
        this.emitFile({ type: 'asset', fileName: `dist/${name}`, source: await readFile(join(wasmDir, name)) });
      }
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The shipped model, at /models/mnist-cnn/model.json.
  staticDirs: [{ from: '../models', to: '/models' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [tfjsWasmBinaries()],
      // tfjs' Emscripten glue mentions Node built-ins it only uses under Node; its package.json
      // "browser" field maps them to nothing, which pre-bundling honours.
      optimizeDeps: { include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu'] },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
