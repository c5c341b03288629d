// Browser tests: real headless Chromium from Debian (never a downloaded browser), TypeScript via
// esbuild, and tfjs' CommonJS dependencies (long, seedrandom) turned into ESM by rollup's plugin.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { cameraVideo } from './test/browser/camera/fake-video.mjs';

const commonjs = fromRollup(rollupCommonjs);

const NODE_BUILTINS = ['crypto', 'fs', 'path', 'os', 'perf_hooks', 'worker_threads'];

/**
 * Node built-ins that tfjs and seedrandom require only under Node become an empty module, and
 * the WASM backend comes from its flat ESM build (its per-file build imports CommonJS glue).
 */
const browserShims = {
  name: 'browser-shims',
  resolveImport: ({ source }) => {
    if (NODE_BUILTINS.includes(source)) return '/__empty-module.js';
    if (source === '@tensorflow/tfjs-backend-wasm')
      return '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js';
    return undefined;
  },
  serve: (context) => (context.path === '/__empty-module.js' ? { body: 'export default {};', type: 'js' } : undefined),
};

let flakyOffline = false;

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Chromium with a fake camera that films `video` (a .y4m file) and a permission prompt that says yes. */
function chromiumWithCamera(video) {
  return chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    },
  });
}

export default {
  // The camera tests run in their own browsers, each filming its own fake camera video.
  files: ['test/browser/**/*.test.ts', '!test/browser/camera/**'],
  groups: [
    {
      name: 'camera-digit',
      files: ['test/browser/camera/digit.test.ts', 'test/browser/camera/denied.test.ts'],
      browsers: [chromiumWithCamera(await cameraVideo('digit'))],
    },
    {
      name: 'camera-number',
      files: ['test/browser/camera/number.test.ts'],
      browsers: [chromiumWithCamera(await cameraVideo('number'))],
    },
  ],
  nodeResolve: { exportConditions: ['browser', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 60000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  middleware: [
    // The CSP test page gets the policy its query names, as a real server would send it.
    async function contentSecurityPolicy(context, next) {
      await next();
      if (!context.path.startsWith('/test/browser/csp/')) return;
      const policies = {
        strict: "script-src 'self' 'wasm-unsafe-eval'",
        'no-worker': "script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'",
      };
      const policy = policies[context.query.csp] ?? "script-src 'self'";
      context.set('Content-Security-Policy', `default-src 'self'; ${policy}; style-src 'self' 'unsafe-inline'`);
    },
    // A flaky network for URLs with `fresh=flaky`: while `/__network?flaky=offline` is in force,
    // the connection drops as an offline one does, for the page and its workers alike.
    function flakyNetwork(context, next) {
      if (context.path === '/__network') {
        flakyOffline = context.query.flaky === 'offline';
        context.body = flakyOffline ? 'offline' : 'online';
        return undefined;
      }
      if (flakyOffline && context.querystring.includes('fresh=flaky')) {
        context.req.socket.destroy();
        return undefined;
      }
      return next();
    },
    // A copy of the package at another path, laid out as jsDelivr serves it, for the CDN test.
    // It answers any origin, as jsDelivr and unpkg do (Access-Control-Allow-Origin: *).
    function cdnMirror(context, next) {
      const prefix = '/cdn-mirror/digit-recognizer@x/';
      if (!context.url.startsWith(prefix)) return next();
      context.url = `/${context.url.slice(prefix.length)}`;
      context.set('Access-Control-Allow-Origin', '*');
      return next();
    },
  ],
  mimeTypes: { '**/*.ts': 'js', '**/*.wasm': 'application/wasm' },
  plugins: [
    browserShims,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    commonjs({ include: ['**/node_modules/long/**', '**/node_modules/seedrandom/**'], strictRequires: false }),
  ],
};
