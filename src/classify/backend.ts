/**
 * The one place that starts TensorFlow.js: WASM (with SIMD when the browser has it) by default,
 * the pure-JS CPU backend when WebAssembly cannot start, for example under a
 * Content-Security-Policy without `'wasm-unsafe-eval'`.
 */
import { env, getBackend, setBackend } from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DigitRecognizerError } from './errors.js';
import type { BackendName } from './types.js';

let starting: Promise<BackendName> | null = null;
let startedWith: { preferred: BackendName; wasmPath: string } | null = null;
let warned = false;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function startCpu(): Promise<boolean> {
  // Loaded only when needed: bundlers split it off so WASM users never download it. The CDN
  // build swaps this module for one whose `loadCpuBackend()` fetches dist/digit-recognizer-cpu.js.
  const cpu: object = await import('@tensorflow/tfjs-backend-cpu');
  if ('loadCpuBackend' in cpu && typeof cpu.loadCpuBackend === 'function') await cpu.loadCpuBackend();
  return setBackend('cpu');
}

async function start(preferred: BackendName, wasmPath: string): Promise<BackendName> {
  let wasmError: unknown = null;
  if (preferred === 'wasm') {
    try {
      // Threads need cross-origin isolation and gave nothing on small models; one binary fewer.
      env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (!isNode) setWasmPaths(wasmPath);
      if (await setBackend('wasm')) return 'wasm';
    } catch (error) {
      wasmError = error;
    }
  }
  try {
    if (await startCpu()) {
      if (preferred === 'wasm' && !warned) {
        warned = true;
        console.warn(
          'digit-recognizer: WebAssembly could not start' +
            (wasmError instanceof Error ? ` (${wasmError.message})` : '') +
            `, so digits are read with the slower CPU backend. Serve the .wasm files from ${wasmPath} ` +
            "and allow 'wasm-unsafe-eval' in script-src if the page has a Content-Security-Policy.",
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
export function ensureBackend(preferred: BackendName, wasmPath: string): Promise<BackendName> {
  if (starting && startedWith && (startedWith.preferred === preferred || preferred === 'wasm')) {
    return starting;
  }
  startedWith = { preferred, wasmPath };
  const attempt = start(preferred, wasmPath);
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
