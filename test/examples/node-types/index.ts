// A Node project's use of the package, type-checked with "lib": ["es2022"] and Node's types
// only: no DOM lib. Never run; tsc only.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  classify,
  classifyBatch,
  isDigitRecognizerError,
  preprocess,
  readNumber,
  type Prediction,
} from 'digit-recognizer';

const fromPath: Prediction = await classify('scans/seven.png');
const fromUrl = await classify(pathToFileURL('scans/seven.png'));
const fromBuffer = await readNumber(await readFile('cheque.jpg'));
const fromBlob = await preprocess(new Blob([await readFile('scans/two.webp')]));
const batch = await classifyBatch(['a.png', 'b.jpg'], { signal: AbortSignal.timeout(5000) });
try {
  await classify({ data: new Uint8Array(784), width: 28, height: 28 });
} catch (error) {
  if (isDigitRecognizerError(error, 'EMPTY_IMAGE')) console.log('blank');
}
console.log(fromPath.digit, fromUrl.confidence, fromBuffer.text, fromBlob.box, batch.length);
