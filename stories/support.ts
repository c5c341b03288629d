/**
 * Helpers shared by the stories: the image fixtures as `File`s, a model URL that never answers,
 * and a pen that draws on the element's pad.
 */
import type { DigitRecognizerElement } from '../src/element.js';

/** Images in stories/assets/ (made by scripts/make-example-fixtures.ts). */
const FIXTURES = {
  'seven.png': new URL('./assets/seven.png', import.meta.url).href,
  'two.png': new URL('./assets/two.png', import.meta.url).href,
  'three.png': new URL('./assets/three.png', import.meta.url).href,
  'smudge.png': new URL('./assets/smudge.png', import.meta.url).href,
  'scan.png': new URL('./assets/scan.png', import.meta.url).href,
  'number.png': new URL('./assets/number.png', import.meta.url).href,
};

export type FixtureName = keyof typeof FIXTURES;

/** A fixture as the `File` a user would choose. `scan.png` is a PDF, typed as a PNG by its name. */
export async function fixture(name: FixtureName): Promise<File> {
  const response = await fetch(FIXTURES[name]);
  if (!response.ok) throw new Error(`Cannot load the fixture ${name}: HTTP ${response.status}`);
  return new File([await response.blob()], name, { type: 'image/png' });
}

/** The `<digit-recognizer>` a story rendered, once it has rendered itself. */
export async function recognizerIn(root: HTMLElement): Promise<DigitRecognizerElement> {
  const element = root.querySelector('digit-recognizer');
  if (!element) throw new Error('The story rendered no <digit-recognizer>');
  await element.updateComplete;
  return element;
}

/** Resolves once the element has settled on one of `states`, or rejects after `timeout` ms. */
export function waitForState(
  element: DigitRecognizerElement,
  states: ReadonlyArray<DigitRecognizerElement['state']>,
  timeout = 20_000,
): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (states.includes(element.state)) resolve();
      else if (Date.now() - start > timeout) reject(new Error(`Still "${element.state}" after ${timeout} ms`));
      else setTimeout(check, 50);
    };
    check();
  });
}

const HANGING = new URL('./__storybook-hanging-model__/', document.baseURI).href;
const OFFLINE = new URL('./__storybook-offline-model__/', document.baseURI).href;

/**
 * A model URL whose download never finishes, to show the loading state for as long as one looks:
 * `fetch` stays pending until the element aborts it.
 */
export const HANGING_MODEL_URL = `${HANGING}model.json`;

/** A model URL that fails as it would offline: `fetch` rejects with a network error. */
export const OFFLINE_MODEL_URL = `${OFFLINE}model.json`;

// Stories only: answers the two fake URLs above, and passes every other request through.
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.startsWith(OFFLINE)) return Promise.reject(new TypeError('Failed to fetch'));
  if (!url.startsWith(HANGING)) return realFetch(input, init);
  return new Promise((_resolve, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
};

// The element loads its model in a Web Worker, whose own fetch() the patch above cannot answer
// (it would ask the server, and show "files are missing"). So a load of the hanging model is held
// back on its way to the worker, and a load of the offline one is sent to a revoked blob: URL,
// which the worker's fetch() rejects as a network error, without asking any server.
const GONE = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
URL.revokeObjectURL(GONE);
const realPostMessage = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
  const request = message as { op?: unknown; assets?: { digitModel?: { json?: unknown; files?: object } } } | null;
  const model = request?.op === 'load' ? String(request.assets?.digitModel?.json ?? '') : '';
  if (model.startsWith(HANGING)) return;
  if (model.startsWith(OFFLINE) && request?.assets) {
    const offline = { ...request, assets: { ...request.assets, digitModel: { json: GONE, files: {} } } };
    return realPostMessage.call(this, offline, ...rest);
  }
  return realPostMessage.call(this, message, ...rest);
} as Worker['postMessage'];

/** Draws a polyline on the element's pad, in pad pixels (0–280), as a mouse would. */
export function drawOnPad(element: DigitRecognizerElement, points: ReadonlyArray<readonly [number, number]>): void {
  const pad = element.shadowRoot?.querySelector<HTMLCanvasElement>('canvas[part="pad"]');
  if (!pad) throw new Error('The element has no drawing pad (mode="upload"?)');
  const rect = pad.getBoundingClientRect();
  const at = (x: number, y: number): PointerEventInit => ({
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    buttons: 1,
    isPrimary: true,
    bubbles: true,
    composed: true,
    clientX: rect.left + (x / pad.width) * rect.width,
    clientY: rect.top + (y / pad.height) * rect.height,
  });
  const [first, ...rest] = points;
  if (!first) return;
  pad.dispatchEvent(new PointerEvent('pointerdown', at(...first)));
  for (const point of rest) pad.dispatchEvent(new PointerEvent('pointermove', at(...point)));
  const last = rest.at(-1) ?? first;
  pad.dispatchEvent(new PointerEvent('pointerup', { ...at(...last), buttons: 0 }));
}
