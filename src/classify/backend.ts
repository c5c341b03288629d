/**
 * The one place that starts TensorFlow.js: WASM (with SIMD when the browser has it) by default,
 * the pure-JS CPU backend when WebAssembly cannot start, for example under a
 * Content-Security-Policy without `'wasm-unsafe-eval'`.
 */
import { env, getBackend, setBackend } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { WasmFileName } from './asset-types.js';
import { DigitRecognizerError } from './errors.js';
import type { BackendName } from './types.js';

/** Where each `.wasm` binary is served. */
export type WasmUrls = Readonly<Record<WasmFileName, string>>;

let starting: Promise<BackendName> | null = null;
let startedWith: { preferred: BackendName; wasm: WasmUrls } | null = null;
let warned = false;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function startCpu(): Promise<boolean> {
  // Loaded only when needed: bundlers split it off so WASM users never download it. The CDN
  // build swaps this module for one whose `loadCpuBackend()` fetches dist/digit-recognizer-cpu.js.
  const cpu: object = await import('@tensorflow/tfjs-backend-cpu');
  if ('loadCpuBackend' in cpu && typeof cpu.loadCpuBackend === 'function') await cpu.loadCpuBackend();
  return setBackend('cpu');
}

/** The `.wasm` files for a folder that holds them (`loadClassifier({ wasmPath })`). */
export function wasmUrlsIn(folder: string): WasmUrls {
  const dir = folder.endsWith('/') ? folder : `${folder}/`;
  return {
    'tfjs-backend-wasm.wasm': new URL('tfjs-backend-wasm.wasm', dir).href,
    'tfjs-backend-wasm-simd.wasm': new URL('tfjs-backend-wasm-simd.wasm', dir).href,
  };
}

/** Collects the page's CSP violations while WebAssembly starts: only they may blame the CSP. */
function watchCsp(): { blocked(): boolean; stop(): void } {
  let seen = false;
  const onViolation = (): void => {
    seen = true;
  };
  if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', onViolation);
  return {
    blocked: () => seen,
    stop: () => {
      if (typeof document !== 'undefined') document.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}

/** Why WebAssembly did not start, in words a developer can act on. */
async function wasmFailure(url: string, error: unknown, cspBlocked: boolean): Promise<string> {
  const message = error instanceof Error ? error.message : '';
  if (cspBlocked || /Content Security Policy|unsafe-eval/i.test(message)) {
    return "the page's Content-Security-Policy blocks it: allow 'wasm-unsafe-eval' in script-src";
  }
  try {
    const response = await fetch(url, { method: 'HEAD' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      return (
        `${url} answered HTTP ${response.status}: serve the package's dist/*.wasm files there ` +
        '(a bundler such as Vite or webpack copies them on its own), or call setAssetPath() with the folder that holds dist/'
      );
    }
    if (type.includes('text/html')) {
      return `${url} is an HTML page, not WebAssembly: serve the package's dist/*.wasm files there, or call setAssetPath()`;
    }
  } catch {
    return `${url} could not be fetched: serve the package's dist/*.wasm files there, or call setAssetPath()`;
  }
  return message || 'the browser refused it';
}

async function start(preferred: BackendName, wasm: WasmUrls): Promise<BackendName> {
  let wasmError: unknown = null;
  let cspBlocked = false;
  if (preferred === 'wasm') {
    const csp = watchCsp();
    try {
      // Threads need cross-origin isolation and gave nothing on small models; one binary fewer.
      env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (!isNode)
        setWasmPaths({ ...wasm, 'tfjs-backend-wasm-threaded-simd.wasm': wasm['tfjs-backend-wasm-simd.wasm'] });
      if (await setBackend('wasm')) return 'wasm';
    } catch (error) {
      wasmError = error;
    } finally {
      cspBlocked = csp.blocked();
      csp.stop();
    }
  }
  try {
    if (await startCpu()) {
      if (preferred === 'wasm' && !warned) {
        warned = true;
        const why = await wasmFailure(wasm['tfjs-backend-wasm-simd.wasm'], wasmError, cspBlocked);
        console.warn(
          `digit-recognizer: WebAssembly could not start (${why}), so digits are read with the slower CPU backend.`,
        );
      }
      return 'cpu';
    }
  } catch (error) {
    throw new DigitRecognizerError(
      'BACKEND_UNAVAILABLE',
      `Neither the WASM nor the CPU backend of TensorFlow.js could start: ${(error as Error).message}`,
      { cause: error },
    );
  }
  throw new DigitRecognizerError(
    'BACKEND_UNAVAILABLE',
    'Neither the WASM nor the CPU backend of TensorFlow.js could start.',
  );
}

/**
 * Starts the backend once and returns its name. Later calls share the first start, except that
 * asking for `'cpu'` after `'wasm'` switches to the CPU backend (tfjs has one active backend).
 */
export function ensureBackend(preferred: BackendName, wasm: WasmUrls): Promise<BackendName> {
  if (starting && startedWith && (startedWith.preferred === preferred || preferred === 'wasm')) {
    return starting;
  }
  startedWith = { preferred, wasm };
  const attempt = start(preferred, wasm);
  starting = attempt;
  // A failed start may succeed later (e.g. a network hiccup on the .wasm): do not cache failure.
  attempt.catch(() => {
    if (starting === attempt) starting = null;
  });
  return attempt;
}

/** The backend tfjs is using now. */
export function currentBackend(): BackendName {
  return getBackend() === 'cpu' ? 'cpu' : 'wasm';
}
