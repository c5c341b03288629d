/**
 * Public types of the `classify()` API.
 */
import type { Box } from '../preprocess/mnist-normalize.js';

export type { Box };

/**
 * Raw pixels, row-major. `data.length` is `width × height` (grayscale) or `width × height × 4`
 * (RGBA). 0 is black; integers run 0–255, floats (`Float32Array`) 0–1.
 */
export interface RawPixels {
  /** The pixel values, row by row: `width × height` of them, or four times that for RGBA. */
  data: Uint8Array | Uint8ClampedArray | Float32Array;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

/**
 * A global type of the DOM (or of Node, for `Blob`), or `never` where the project's `lib` does
 * not declare it: a Node project without the DOM lib can use these types as they are.
 */
type Global<Name extends string> = typeof globalThis extends Record<Name, { prototype: infer T }> ? T : never;

/** The browser's image sources: `<img>`, `<canvas>`, `OffscreenCanvas`, `ImageBitmap`, `ImageData`. */
export type ImageSource =
  | Global<'HTMLImageElement'>
  | Global<'HTMLCanvasElement'>
  | Global<'OffscreenCanvas'>
  | Global<'ImageBitmap'>
  | Global<'ImageData'>;

/**
 * Anything `classify()` reads a digit from:
 * - an image source of the page (`<img>`, `<canvas>`, `OffscreenCanvas`, `ImageBitmap`, `ImageData`);
 * - an image file's bytes: a `Blob` or `File`, a `Uint8Array` (a Node `Buffer`) or an `ArrayBuffer`
 *   of a PNG, JPEG, WebP (and in browsers GIF, AVIF, BMP);
 * - a URL (`https:`, relative, `data:`, `blob:`) as a string or `URL`, fetched with `fetch()`;
 *   in Node also a file path or a `file:` URL;
 * - raw pixels `{ data, width, height }`.
 *
 * Node decodes files with the optional dependency `sharp`.
 */
export type DigitInput = ImageSource | Global<'Blob'> | Uint8Array | ArrayBuffer | Global<'URL'> | string | RawPixels;

/**
 * Why a prediction is `uncertain`:
 * - `'not-a-digit'`: the image does not look like one handwritten digit (a letter, a symbol, a
 *   doodle, two digits side by side, a photo or texture): `notDigitScore` is at or above
 *   `notDigitAbove`, or the ink is a solid blot.
 * - `'ambiguous'`: it looks like a digit, but like two of them: the two likeliest digits hold
 *   nearly all the probability and neither reaches `uncertainBelow` (a 4 that may be a 9).
 * - `'low-confidence'`: it looks like a digit, but no reading reaches `uncertainBelow`.
 */
export type UncertainReason = 'not-a-digit' | 'ambiguous' | 'low-confidence';

/** What the model read. */
export interface Prediction {
  /** The most likely digit, 0–9 (read even when the image is not a digit: check `uncertain`). */
  digit: number;
  /**
   * The calibrated chance, 0–1, that `digit` is the right reading: it includes the chance that
   * the image is not a digit at all, so a letter read as a "4" has a low confidence. Equal to
   * `probabilities[digit] × (1 − notDigitScore)`.
   */
  confidence: number;
  /**
   * Ten probabilities, one per digit, that sum to 1: how likely each digit is, if the image is
   * a digit.
   */
  probabilities: number[];
  /**
   * The calibrated chance, 0–1, that the image is not one handwritten digit (a letter, a symbol,
   * a doodle, two digits, a photo). Threshold it yourself, or let `notDigitAbove` do it. Always
   * 0 with a custom model that has no "not a digit" output.
   */
  notDigitScore: number;
  /**
   * True when the answer should not be taken as read: the image is not a digit, or the model
   * is unsure which digit it is. Show "not sure" (or "this doesn't look like a digit") instead
   * of the digit; `reason` says which.
   */
  uncertain: boolean;
  /** Why the prediction is uncertain; absent when `uncertain` is false. */
  reason?: UncertainReason;
}

/** A point in an image, in its pixels. */
export interface Point {
  x: number;
  y: number;
}

/**
 * A writing surface found in a scene: a note, card or page lying on a desk, or a screen. Ink is
 * read only inside it, so its edge, its shadow and the desk are never taken for a digit.
 */
export interface WritingSurface {
  /** The outline's corners in the input's pixels, in order around it (four for a note in view). */
  corners: Point[];
  /** `'light'` for paper on a darker background, `'dark'` for a screen or dark card on a lighter one. */
  tone: 'light' | 'dark';
}

/** Which way the ink was found to go. */
export type Polarity = 'dark-on-light' | 'light-on-dark';

/** The image exactly as the model sees it, and how it was made. */
export interface Preprocessed {
  /** 28×28 values, row-major, 0 (background) to 1 (ink): MNIST's white-on-black convention. */
  pixels: Float32Array;
  /** Always 28. */
  width: 28;
  /** Always 28. */
  height: 28;
  /** The digit's box in the input's pixels (after EXIF orientation). */
  box: Box;
  /** Ink polarity that was detected. */
  polarity: Polarity;
  /** Width of the decoded input, in pixels. */
  sourceWidth: number;
  /** Height of the decoded input, in pixels. */
  sourceHeight: number;
  /** Share of the cropped area that is ink (0–1); very high or very low values suggest no digit. */
  inkCoverage: number;
  /**
   * The writing surface the digit was found on, when the image is a scene (a note on a desk);
   * absent when the image is the page itself (a scan, a crop, a drawing).
   */
  surface?: WritingSurface;
}

/** Per-call options. */
export interface ClassifyOptions {
  /** Confidence below which `uncertain` is true (reason `'ambiguous'` or `'low-confidence'`). Default `0.7`. */
  uncertainBelow?: number;
  /**
   * `notDigitScore` at or above which a prediction is `uncertain` with reason `'not-a-digit'`.
   * Default `0.5`; lower flags more non-digits and more odd real digits, higher the reverse.
   */
  notDigitAbove?: number;
  /** Abort the call; rejects with the signal's reason. */
  signal?: Global<'AbortSignal'>;
}

/** The TensorFlow.js backend to run on. */
export type BackendName = 'wasm' | 'cpu';

/** Options of {@link loadClassifier}. */
export interface LoadOptions {
  /**
   * URL of the model's `model.json`. Default: `models/recognizer/model.json` next to the package
   * (the digits and the not-a-digit verdict), found from the script's own URL (see `setAssetPath()`).
   */
  modelUrl?: string | URL;
  /**
   * Folder that holds the `tfjs-backend-wasm*.wasm` files. Default: the folder of the script itself.
   */
  wasmPath?: string | URL;
  /** `'wasm'` (default; falls back to `'cpu'` when WebAssembly cannot start) or `'cpu'`. */
  backend?: BackendName;
  /** Called with 0–1 while the model downloads. */
  onProgress?: (fraction: number) => void;
  /** Abort the download. */
  signal?: Global<'AbortSignal'>;
  /**
   * Read in a Web Worker, off the page's main thread: decoding a photo, finding the digit and
   * the model all run there, and images are transferred, not copied. `readNumber()` with this
   * classifier reads in the worker too. Where a worker cannot run (no `Worker` or
   * `OffscreenCanvas`, a Content-Security-Policy without `worker-src 'self' blob:`), the
   * classifier reads on the main thread and one console warning says why. Default `false`;
   * `<digit-recognizer>` always reads in a worker.
   */
  worker?: boolean;
}

/** A loaded model. Get one from {@link loadClassifier}; free it with `dispose()`. */
export interface Classifier {
  /** Reads one digit. */
  classify(input: DigitInput, options?: ClassifyOptions): Promise<Prediction>;
  /** Reads several digits in one model call; the order of results follows the inputs. */
  classifyBatch(inputs: DigitInput[], options?: ClassifyOptions): Promise<Prediction[]>;
  /** Classifies an already preprocessed 28×28 image. */
  classifyPreprocessed(input: Preprocessed | Float32Array, options?: ClassifyOptions): Promise<Prediction>;
  /** Classifies several preprocessed 28×28 images in one model call. */
  classifyPreprocessedBatch(
    inputs: Array<Preprocessed | Float32Array>,
    options?: ClassifyOptions,
  ): Promise<Prediction[]>;
  /** The backend in use: `'wasm'` or `'cpu'` after a fallback. */
  readonly backend: BackendName;
  /**
   * True when the model runs in a Web Worker (`loadClassifier({ worker: true })` where a worker
   * could start); false on the main thread.
   */
  readonly worker: boolean;
  /** The URL the model was loaded from. */
  readonly modelUrl: string;
  /** Frees the model's tensors. Later calls reject with `DISPOSED`. */
  dispose(): void;
}
