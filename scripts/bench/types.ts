/**
 * Shapes of the benchmark's results: what the Node and browser parts return, what
 * scripts/bench/results.json holds and what report.ts turns into BENCHMARKS.md.
 */
import type { RealNumbersResult } from './types-real-numbers.js';

import type { Diagnosis } from './stats.js';

/** How one true label was read instead, and how often. */
export interface Confusion {
  label: number;
  predicted: number;
  count: number;
}

/** Accuracy on a set of images. */
export interface AccuracyFigure {
  count: number;
  correct: number;
  accuracy: number;
  /** Predictions flagged `uncertain` (right or wrong). */
  uncertain: number;
  /** Digits read right but flagged "not a digit" (absent in results from before the verdict). */
  rightFlagged?: number;
  /** Inputs `classify()` rejected (counted as wrong). */
  errors: number;
}

/** Accuracy of one kind of image, with a breakdown by the variant each image used. */
export interface KindResult extends AccuracyFigure {
  kind: string;
  description: string;
  /** When the kind was rerun alone (`run.ts --update=kinds`), after the whole run. */
  rerun?: string;
  groups: Record<string, AccuracyFigure>;
  confusions: Confusion[];
  /** Wrong answers by cause: wrong ink polarity, crop off the digit, crop on it (the model's error). */
  diagnosis: Diagnosis;
  /** A few wrong answers, to look at (`index`: the MNIST test index, or the case number for fonts). */
  failures: Array<{
    index: number;
    label: number;
    predicted: number;
    confidence: number;
    group: string;
    polarity?: string;
    boxShare?: number;
    cropOnDigit?: boolean;
  }>;
  /** Milliseconds spent generating and classifying the whole kind. */
  elapsedMs: number;
  /** Error messages of rejected inputs, deduplicated. */
  errorMessages: string[];
}

/** One image of a number kind, as page/harness.js `runNumberKind()` returns it. */
export interface NumberOutcome {
  index: number;
  /** The number written, e.g. "0342". */
  expected: string;
  /** What `readNumber()` read ("" when it rejected the input). */
  read: string;
  uncertain: boolean;
  confidence: number;
  group: string;
  /** Milliseconds of the `readNumber()` call. */
  ms?: number;
  error?: string;
}

/** `readNumber()` on a number kind of photo-like image (e.g. number-on-desk): exact reads. */
export interface NumberKindResult extends AccuracyFigure {
  kind: string;
  description: string;
  /** When the kind was rerun alone (`run.ts --update=kinds`), after the whole run. */
  rerun?: string;
  /** Exact reads by the variant each image used (desk, length, …). */
  groups: Record<string, AccuracyFigure>;
  /** Digits read right (1 − edit distance / digits), over all numbers. */
  digits: AccuracyFigure;
  misreads: Array<{ index: number; expected: string; read: string; confidence: number; group: string; error?: string }>;
  /** Mean milliseconds of one `readNumber()` call (the image made beforehand). */
  meanMs: number;
  elapsedMs: number;
  errorMessages: string[];
}

export interface NodeAccuracy {
  /** Every test digit through `classify()` with raw pixels (preprocessing included). */
  classify: AccuracyFigure;
  /** The same digits given straight to the model (`classifyPreprocessed`), as a reference. */
  modelOnly: AccuracyFigure;
  /** Full 10×10 confusion matrix of `classify()`: rows are labels, columns predictions. */
  matrix: number[][];
  confusions: Confusion[];
  /** Accuracy of `classify()` on the 500 digits the browser kinds are made from. */
  browserSubset: AccuracyFigure;
  imagesPerSecond: number;
  elapsedMs: number;
  entry: string;
  backend: string;
}

/** Timings in milliseconds. */
export interface TimingStats {
  runs: number;
  median: number;
  mean: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

export interface SpeedResult {
  canvas28: TimingStats;
  /** Wall time of N back-to-back calls divided by N: not limited by the timer's resolution. */
  canvas28LoopMean: number;
  photo1200x900: TimingStats;
  photo1200x900LoopMean: number;
  /** A digit on a note on a desk (issue 11), 1200×900 and 12 MP canvases. */
  desk1200x900?: TimingStats;
  desk12mp?: TimingStats;
  batch100: TimingStats;
  batchImagesPerSecond: number;
  /** `preprocess()` alone on the same inputs: the share of the time spent before the model. */
  canvas28Preprocess: TimingStats;
  photo1200x900Preprocess: TimingStats;
  /** Resolution of `performance.now()` seen on the page, in ms. */
  timerResolution: number;
  backend: string;
}

/** One file fetched before the first answer. */
export interface Download {
  url: string;
  kind: 'html' | 'js' | 'wasm' | 'model json' | 'weights' | 'other';
  /** HTTP status (0 when the network events did not report one). */
  status: number;
  /** Uncompressed size. */
  bytes: number;
  /** gzip (zlib level 9) computed by the benchmark from the bytes served. */
  gzip: number;
  /** Brotli (quality 11), for reference. */
  brotli: number;
  /** Body bytes on the wire as the browser reported them (the server sends gzip). */
  encodedBodySize: number;
  /** Milliseconds after navigation start when the response ended. */
  responseEnd: number;
}

export interface ColdStart {
  /** Navigation start → first `classify()` result, one number per cold load. */
  runs: number[];
  median: number;
  /** Phases of the median run, ms after navigation start. */
  phases: Record<string, number>;
  answerCorrect: boolean;
  /** The digit the median visit read (a 7 was drawn). */
  answerDigit?: number;
  downloads: Download[];
  /** Library downloads (the test page itself excluded), gzip bytes by kind. */
  byKind: Record<string, { bytes: number; gzip: number; brotli: number; encodedBodySize: number }>;
  totalGzip: number;
  totalBytes: number;
  cdnBundleGzip: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  command: string;
  date: string;
  packageVersion: string;
  modelSha256: string;
  quick: boolean;
  concurrentLoad: string;
}

/** Accuracy of one stack on the comparison's images. */
export interface ComparisonAccuracy {
  /** MNIST test digits drawn dark on a white 28×28 canvas. */
  mnist: AccuracyFigure;
  /** Photo-like kinds (kinds.js), by name. */
  kinds: Record<string, AccuracyFigure>;
}

/** Issue 6: our CDN bundle against full tfjs + the Keras-style CNN, in the same Chromium. */
export interface Comparison {
  mnistCount: number;
  perKind: number;
  /** Ours on the same images (speed, cold start and weight are in `speed` / `coldStart`). */
  ours: ComparisonAccuracy;
  naive: ComparisonAccuracy & {
    /** Backend tfjs picked for the trained model (accuracy, cold start). */
    backend: string;
    /** Backend of the warm timings (random weights). */
    speedBackend: string;
    /** The trained model on MNIST's own values (no preprocessing). */
    modelOnly: AccuracyFigure;
    coldStart: ColdStart;
    canvas28: TimingStats;
    photo1200x900: TimingStats;
    batch100: TimingStats;
    batchImagesPerSecond: number;
  };
  /** How the naive model was trained (scripts/bench/naive-model.ts). */
  training: {
    parameters: number;
    samples: number;
    epochs: number;
    seconds: number;
    samplesPerSecond: number;
    batchSize: number;
    optimizer: string;
    backend: string;
    weightBytes: number;
  } | null;
}

/** The training of the shipped model's digit member, from models/mnist-cnn/metrics.json. */
export interface ShippedTraining {
  parameters: number;
  epochs: number;
  trainingSeconds: number;
  samplesPerSecond: number;
}

/** Issue 7: `readNumber()` on composed numbers. */
export interface ReadNumberAccuracy {
  numbers: AccuracyFigure;
  byLength: Record<string, AccuracyFigure>;
  /** The main set split by whether some pair of digits touches. */
  withTouchingPair: AccuracyFigure;
  withoutTouchingPair: AccuracyFigure;
  /** The same numbers composed with no touching pairs, and with every pair touching. */
  noneTouching: AccuracyFigure;
  allTouching: AccuracyFigure;
  /** Digits read right (1 − edit distance / digits), over all numbers of the main set. */
  digits: AccuracyFigure;
  /** A few misreads of the main set. */
  misreads: Array<{ text: string; read: string; touching: boolean; underline: boolean; specks: number }>;
  settings: string;
  entry: string;
  elapsedMs: number;
  /** The shipped segment checker, from models/segment-checker/metrics.json. */
  checker?: SegmentCheckerFacts | null;
}

export interface SegmentCheckerFacts {
  parameters: number;
  weightBytes: number;
  /** Its weights.bin, gzipped: what readNumber() downloads on top of classify(). */
  gzipBytes: number;
  /** Pieces labelled right (one digit or not) on lines of held-out training digits. */
  validationAccuracy: number;
  validationPieces: number;
  command: string;
}

export interface ReadNumberSpeed {
  width: number;
  height: number;
  text: string;
  read: string;
  timing: TimingStats;
}

export interface BenchResults {
  machine: Machine;
  node: NodeAccuracy | null;
  kinds: KindResult[];
  /** Photo-like kinds read with `readNumber()` (absent in results older than number-on-desk). */
  numberKinds?: NumberKindResult[];
  missingFonts: string[];
  speed: SpeedResult | null;
  coldStart: ColdStart | null;
  /** When the warm timings and first visits were rerun alone (`run.ts --update=speed`), after the whole run. */
  speedRerun?: string;
  comparison?: Comparison | null;
  shippedTraining?: ShippedTraining | null;
  readNumber?: ReadNumberAccuracy | null;
  /** When the composed numbers were read again alone (`run.ts --update=numbers`), after the whole run. */
  numbersRerun?: string;
  readNumberSpeed?: ReadNumberSpeed | null;
  /** Node with files and the CLI (absent in results older than the CLI). */
  nodeFiles?: NodeFilesResult | null;
  /** The live camera with a fake camera (absent in results older than the camera). */
  camera?: CameraResult[] | null;
  /** The main thread while the element reads twenty 12 MP photos (absent in older results). */
  mainThread?: MainThreadResult | null;
  /** Issue 13: cheque amounts, boxed forms, numbers on a page (absent in older results). */
  realNumbers?: RealNumbersResult | null;
  elapsedSeconds: number;
}

/** One run of the live camera on a fake camera video, as the bench page reports it. */
export interface CameraRun {
  /** From `startCamera()` until the preview plays. */
  startMs: number;
  /** From `startCamera()` until the first right reading; null when none came within 10 s. */
  rightMs: number | null;
  /** Every steady reading that fired, in order. */
  readings: string[];
  framesPerSecond: number;
  msPerFrame: number;
  longTasks: number;
  longestTaskMs: number;
  tracksBefore: number;
  liveTracksAfter: number;
}

/** The live camera on one fake video, over several runs. */
export interface CameraResult {
  mode: 'digit' | 'number';
  /** The photo the fake camera films (test/fixtures/scenes/). */
  scene: string;
  label: string;
  width: number;
  height: number;
  runs: number;
  /** Runs that read `label` within 10 s. */
  rightRuns: number;
  medianRightMs: number | null;
  /** The slowest run's time to the right reading; null when a run never read it. */
  worstRightMs: number | null;
  medianStartMs: number;
  medianFramesPerSecond: number;
  medianMsPerFrame: number;
  /** Main-thread long tasks (> 50 ms) while reading, over all runs. */
  longTasks: number;
  longestTaskMs: number;
  /** Live camera tracks after the element was removed, over all runs (must be 0). */
  liveTracksAfter: number;
  /** Every distinct steady reading seen. */
  readings: string[];
}

/** Node with files: the CLI over a folder of photos, and `classify(path)` of a 12 MP JPEG. */
export interface NodeFilesResult {
  photos: { count: number; width: number; height: number };
  /** The 1-minute load average when the CLI runs started (other processes compete for cores). */
  loadAverage?: number;
  cli: Array<{ jobs: number; seconds: number; imagesPerSecond: number; accuracy: number; count: number }>;
  twelveMegapixel: { medianMs: number; runs: number; minMs: number; maxMs: number };
}

/** The main thread while `<digit-recognizer>` reads big photos, all added at once. */
export interface MainThreadResult {
  photos: number;
  /** From adding the files until every card has its answer. */
  seconds: number;
  right: number;
  /** Main-thread tasks over 50 ms meanwhile (a `longtask` PerformanceObserver). */
  longTasks: number;
  longestTaskMs: number;
  /** Their total duration. */
  longTaskMs: number;
}
