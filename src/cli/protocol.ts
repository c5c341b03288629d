/** What the CLI's main thread and its workers say to each other, and what one file gives. */

/** A job for a worker: read one file. */
export interface Job {
  index: number;
  file: string;
  number: boolean;
  /** Every line of digits (`readNumber(…, { lines: true })`). */
  lines: boolean;
}

/** One file's result: a digit, a number, or an error with its code. */
export interface FileResult {
  index: number;
  file: string;
  digit?: number;
  text?: string;
  confidence?: number;
  uncertain?: boolean;
  /** With `--lines`: each line of digits read, top to bottom. */
  lines?: Array<{ text: string; confidence: number; uncertain: boolean }>;
  error?: { code: string; message: string };
}
