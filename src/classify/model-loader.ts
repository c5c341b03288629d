/**
 * Downloads `model.json` and its weight files, reporting progress, and turns every failure into
 * `MODEL_LOAD_FAILED` with the URL in the message.
 */
import type { io } from '@tensorflow/tfjs-core';
import type { ModelFiles } from './asset-types.js';
import { DigitRecognizerError } from './errors.js';
import { createNetwork, type Network } from './network.js';
import { weightBytesOf } from './weights.js';
import { fetchBytes, HttpStatusError } from './resource.js';

export interface ModelLoadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
  /** Awaited after the download and before the weights become tensors (the backend's start). */
  backendReady?: Promise<unknown> | undefined;
}

/** What to do about a model that did not load, said once at the end of every message. */
const FIX =
  "Serve the package's models/ folder with your site (a bundler such as Vite or webpack copies it on its own; " +
  'otherwise copy node_modules/digit-recognizer/models and dist, and call setAssetPath() with their folder), ' +
  'or pass modelUrl.';

/** Failures where the server answered with something else than the model: not the network's fault. */
const misplaced = new WeakSet<DigitRecognizerError>();

/**
 * True when the model's server answered, but not with the model (a 404, an HTML page, weights of
 * the wrong size): the files are missing or misplaced, and retrying will not help.
 */
export function isMisplacedModel(error: DigitRecognizerError): boolean {
  return misplaced.has(error);
}

/** Marks `error` as a misplaced model (rebuilt on the page from the reading worker's report). */
export function markMisplaced(error: DigitRecognizerError): void {
  misplaced.add(error);
}

function failure(
  url: string,
  what: string,
  cause?: unknown,
  answered = cause instanceof HttpStatusError,
): DigitRecognizerError {
  const error = new DigitRecognizerError('MODEL_LOAD_FAILED', `Could not load the model from ${url}: ${what}. ${FIX}`, {
    cause,
  });
  if (answered) misplaced.add(error);
  return error;
}

/** A server's HTML page (a dev server's fallback, a 404 page) where JSON or weights belong. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function loadNetwork(model: ModelFiles, options: ModelLoadOptions = {}): Promise<Network> {
  const { signal, onProgress } = options;
  const modelUrl = model.json;
  let received = 0;
  let total = 0;
  const fetchWeights = (url: string): Promise<Uint8Array> =>
    fetchBytes(url, {
      signal,
      onChunk: (n) => {
        received += n;
        if (total > 0) onProgress?.(0.05 + 0.9 * Math.min(1, received / total));
      },
    });
  // The weight files the package names in advance are fetched alongside model.json, not one
  // network round trip after it (and not after the page, busy with other work, got round to
  // parsing model.json).
  const early = new Map<string, Promise<Uint8Array>>();
  for (const [path, url] of Object.entries(model.files)) {
    const bytes = fetchWeights(url);
    bytes.catch(() => undefined);
    early.set(path, bytes);
  }
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await fetchBytes(modelUrl, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw failure(modelUrl, reason(error), error);
  }
  if (looksLikeHtml(manifestBytes)) {
    throw failure(modelUrl, 'the server answered with an HTML page, not model.json', undefined, true);
  }
  let modelJson: io.ModelJSON;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(manifestBytes)) as io.ModelJSON;
  } catch (error) {
    throw failure(modelUrl, 'model.json is not valid JSON', error, true);
  }
  const groups = Array.isArray(modelJson?.weightsManifest) ? modelJson.weightsManifest : null;
  if (!groups) throw failure(modelUrl, 'model.json has no weightsManifest', undefined, true);

  const paths = groups.flatMap((group) => group.paths);
  const expected = weightBytesOf(groups.flatMap((g) => g.weights));
  total = Math.max(1, expected);
  onProgress?.(0.05 + 0.9 * Math.min(1, received / total));
  const parts: Uint8Array[] = [];
  for (const path of paths) {
    const url = model.files[path] ?? new URL(path, modelUrl).href;
    try {
      parts.push(await (early.get(path) ?? fetchWeights(url)));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw failure(modelUrl, `weights file ${url}: ${reason(error)}`, error);
    }
  }
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  if (joined.byteLength !== expected) {
    const what = parts.some(looksLikeHtml) ? 'an HTML page' : `${joined.byteLength} bytes`;
    throw failure(modelUrl, `the weights are ${expected} bytes but ${paths.join(', ')} gave ${what}`, undefined, true);
  }
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  await options.backendReady;
  try {
    const network = createNetwork(modelJson, joined.buffer);
    onProgress?.(1);
    return network;
  } catch (error) {
    throw failure(modelUrl, reason(error), error);
  }
}
