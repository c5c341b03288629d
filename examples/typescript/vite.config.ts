// Serves (dev) and copies (build) the package's model and .wasm files to digit-recognizer/ in
// the site, next to nothing else: main.ts points setAssetPath() there.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const packageDir = dirname(createRequire(import.meta.url).resolve('digit-recognizer/package.json'));
const PREFIX = 'digit-recognizer/';
const MODEL = 'models/mnist-cnn/';
const model = JSON.parse(readFileSync(join(packageDir, MODEL, 'model.json'), 'utf8')) as {
  weightsManifest: Array<{ paths: string[] }>;
};
/** Package-relative paths of the files the library fetches at run time. */
const ASSETS = [
  ...readdirSync(join(packageDir, 'dist'))
    .filter((name) => name.endsWith('.wasm'))
    .map((name) => `dist/${name}`),
  `${MODEL}model.json`,
  ...model.weightsManifest.flatMap((group) => group.paths.map((path) => MODEL + path)),
];

function digitRecognizerAssets(): Plugin {
  return {
    name: 'digit-recognizer-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0]?.replace(`/${PREFIX}`, '') ?? '';
        if (!req.url?.startsWith(`/${PREFIX}`) || !ASSETS.includes(path)) return next();
        const type = path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.json') ? 'application/json' : '';
        res.setHeader('content-type', type || 'application/octet-stream');
        res.end(readFileSync(join(packageDir, path)));
      });
    },
    generateBundle() {
      for (const path of ASSETS) {
        this.emitFile({ type: 'asset', fileName: PREFIX + path, source: readFileSync(join(packageDir, path)) });
      }
    },
  };
}

export default defineConfig({ plugins: [digitRecognizerAssets()] });
