/**
 * One of the CLI's worker threads: reads the files the main thread sends, one at a time, with
 * the Node entry (its own model and WebAssembly instance), and sends each result back.
 */
import { parentPort } from 'node:worker_threads';
import type { FileResult, Job } from './cli/protocol.js';
import { classify, isDigitRecognizerError, readNumber } from './node.js';

async function read({ index, file, number, lines }: Job): Promise<FileResult> {
  try {
    if (lines) {
      const reading = await readNumber(file, { lines: true });
      const read = (reading.lines ?? [reading]).map(({ text, confidence, uncertain }) => ({
        text,
        confidence,
        uncertain,
      }));
      return { index, file, lines: read };
    }
    if (number) {
      const { text, confidence, uncertain } = await readNumber(file);
      return { index, file, text, confidence, uncertain };
    }
    const { digit, confidence, uncertain } = await classify(file);
    return { index, file, digit, confidence, uncertain };
  } catch (error) {
    const code = isDigitRecognizerError(error) ? error.code : 'UNEXPECTED';
    return { index, file, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}

parentPort?.on('message', (job: Job) => {
  void read(job).then((result) => parentPort?.postMessage(result));
});
