// Runs in an iframe whose permissions policy refuses the camera (allow="camera 'none'"), so
// getUserMedia really fails with NotAllowedError: starts the camera, then reads a file through
// the drop zone's path, and reports what a user would see to the parent test.
import { setAssetPath } from '../../../src/index.js';
import '../../../src/element.js';
import type { DigitRecognizerElement } from '../../../src/element.js';
import { digitFile } from '../element/helpers.js';

setAssetPath('/');

async function run(): Promise<Record<string, unknown>> {
  const el = document.createElement('digit-recognizer') as DigitRecognizerElement;
  el.camera = true;
  document.body.append(el);
  const errors: string[] = [];
  el.addEventListener('digit-error', (event) => errors.push(`${event.detail.source}:${event.detail.error.code}`));
  let rejected = '';
  await el.startCamera().catch((error: { code?: string }) => {
    rejected = String(error.code);
  });
  await el.updateComplete;
  const root = el.shadowRoot!;
  const message = root.querySelector('.camera-error')?.textContent?.trim() ?? '';
  const video = root.querySelector('video');
  // The other intakes still work.
  el.addFiles([await digitFile('7')]);
  const start = performance.now();
  while (el.results.length === 0 && performance.now() - start < 30000) await new Promise((r) => setTimeout(r, 50));
  return { rejected, errors, message, video: video !== null, digit: el.results[0]?.digit ?? null };
}

run().then(
  (result) => parent.postMessage(result, '*'),
  (error: unknown) => parent.postMessage({ failed: String(error) }, '*'),
);
