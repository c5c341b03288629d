/**
 * The segment checker: a second, tiny network (20k parameters, 20 KB) that tells `readNumber()`
 * whether a piece of a line is one whole digit, rather than two touching digits or a fragment
 * of one. The digit model cannot say so: it reads a "17" or half a "0" as some digit, often
 * confidently. Trained by `npm run train:segments`; loaded on the first `readNumber()` only, so
 * `classify()` never downloads it.
 */
import { currentAssets } from '../classify/assets.js';
import { ensureBackend } from '../classify/backend.js';
import { loadNetwork } from '../classify/model-loader.js';
import type { Network } from '../classify/network.js';
import { MODEL_SIZE } from '../preprocess/mnist-normalize.js';

/** What the checker sees of a piece: two 28×28 views. */
export interface PieceViews {
  /** Normalised as for the digit model. */
  digit: Float32Array;
  /** At the line's scale (see `lineView()`). */
  line: Float32Array;
}

/** Scores pieces of a line. */
export interface SegmentChecker {
  /** For each piece, the chance (0–1) that it is exactly one whole digit. */
  wholeDigitChance(pieces: PieceViews[]): Promise<Float32Array>;
}

/** The checker's input: the two views as the channels of one [n, 28, 28, 2] batch. */
export function interleaveViews(pieces: PieceViews[]): Float32Array {
  const size = MODEL_SIZE * MODEL_SIZE;
  const batch = new Float32Array(pieces.length * size * 2);
  pieces.forEach(({ digit, line }, i) => {
    const at = i * size * 2;
    for (let p = 0; p < size; p++) {
      batch[at + 2 * p] = digit[p]!;
      batch[at + 2 * p + 1] = line[p]!;
    }
  });
  return batch;
}

class NetworkChecker implements SegmentChecker {
  constructor(private readonly network: Network) {}

  async wholeDigitChance(pieces: PieceViews[]): Promise<Float32Array> {
    if (pieces.length === 0) return new Float32Array(0);
    const batch = interleaveViews(pieces);
    const scores = await this.network.infer(batch, pieces.length);
    return Float32Array.from(pieces, (_, i) => scores[i * 2 + 1]!);
  }
}

let shared: Promise<SegmentChecker> | null = null;

/** The checker, loaded once from the asset path (see `setAssetPath()`); a failed load is retried. */
export function getSegmentChecker(): Promise<SegmentChecker> {
  if (!shared) {
    const loading = (async () => {
      const assets = currentAssets();
      const backendReady = ensureBackend('wasm', assets.wasm);
      backendReady.catch(() => undefined);
      return new NetworkChecker(await loadNetwork(assets.segmentChecker, { backendReady }));
    })();
    shared = loading;
    loading.catch(() => {
      if (shared === loading) shared = null;
    });
  }
  return shared;
}
