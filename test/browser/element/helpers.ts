/** Shared helpers of the `<digit-recognizer>` browser tests. */
import { expect } from '@open-wc/testing';
import { setAssetPath } from '../../../src/index.js';
import '../../../src/element.js';
import type { DigitRecognizerElement } from '../../../src/element.js';

// The test server serves the repository root: /models/… and /dist/*.wasm.
setAssetPath('/');

/** A canvas with `text` written in bold black on white, like a digit on paper (a "1" is a plain stroke). */
export function digitCanvas(text: string, size = 280): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  if (text === '1') {
    // A typeface's "1" has a flag and a foot that handwritten MNIST ones lack: draw a stroke.
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = size / 10;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(size * 0.52, size * 0.15);
    ctx.lineTo(size * 0.48, size * 0.85);
    ctx.stroke();
    return canvas;
  }
  ctx.fillStyle = '#000000';
  ctx.font = `bold ${Math.round(size * 0.7)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, size / 2, size / 2);
  return canvas;
}

/** A PNG file of `text` drawn by {@link digitCanvas}. */
export async function digitFile(text: string, name = `${text}.png`): Promise<File> {
  const canvas = digitCanvas(text);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}

/** A PNG file that is all white: no digit on it. */
export async function blankFile(name = 'blank.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 100;
  canvas.height = 100;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 100, 100);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** The element's shadow root, asserting it exists (it is open). */
export function shadow(el: DigitRecognizerElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no open shadow root');
  return el.shadowRoot;
}

/** One element inside the shadow root, or a failing test. */
export function part<T extends Element = HTMLElement>(el: DigitRecognizerElement, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Sets files on the hidden file input and fires `change`, as a user choosing files would. */
export function chooseFiles(el: DigitRecognizerElement, files: File[]): void {
  const input = part<HTMLInputElement>(el, 'input[type="file"]');
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits until `predicate` holds, polling each frame; fails after `timeout` ms. */
export async function until(predicate: () => boolean, message = 'condition', timeout = 30000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Dispatches a pointer stroke through `points` (fractions 0–1 of the pad) on the pad canvas. */
export function drawStroke(pad: HTMLCanvasElement, points: Array<[number, number]>, pointerId = 1): void {
  const rect = pad.getBoundingClientRect();
  const at = ([fx, fy]: [number, number]) => ({
    clientX: rect.left + fx * rect.width,
    clientY: rect.top + fy * rect.height,
  });
  const common = { pointerId, pointerType: 'pen', isPrimary: true, bubbles: true, composed: true, cancelable: true };
  const [first, ...rest] = points;
  if (!first) return;
  pad.dispatchEvent(new PointerEvent('pointerdown', { ...common, ...at(first), button: 0, buttons: 1 }));
  // Interpolate so the stroke is continuous whatever the path's resolution.
  let previous = first;
  for (const point of rest) {
    for (let step = 1; step <= 8; step++) {
      const t = step / 8;
      const p: [number, number] = [
        previous[0] + (point[0] - previous[0]) * t,
        previous[1] + (point[1] - previous[1]) * t,
      ];
      pad.dispatchEvent(new PointerEvent('pointermove', { ...common, ...at(p), buttons: 1 }));
    }
    previous = point;
  }
  pad.dispatchEvent(new PointerEvent('pointerup', { ...common, ...at(previous), button: 0, buttons: 0 }));
}

/** Records `console.error` calls while installed; `restore()` puts the original back. */
function spyOnConsoleError(): { calls: unknown[][]; restore(): void } {
  const original = console.error;
  const calls: unknown[][] = [];
  console.error = (...args: unknown[]) => {
    calls.push(args);
    original.apply(console, args);
  };
  return {
    calls,
    restore: () => {
      console.error = original;
    },
  };
}

/**
 * In the calling `describe`: spies on `console.error` from the first test on, and fails the
 * suite at the end if anything called it.
 */
export function failOnConsoleErrors(): void {
  let spy: ReturnType<typeof spyOnConsoleError>;
  before(() => {
    spy = spyOnConsoleError();
  });
  after(() => {
    spy.restore();
    expect(spy.calls, 'console.error calls').to.deep.equal([]);
  });
}

/** Collects every event of `type` fired on `target` until `stop()`. */
export function collect<T extends Event>(target: EventTarget, type: string): { events: T[]; stop(): void } {
  const events: T[] = [];
  const listener = (event: Event) => events.push(event as T);
  target.addEventListener(type, listener);
  return { events, stop: () => target.removeEventListener(type, listener) };
}

/** Waits for the element's model to be ready (state no longer `loading`). */
export async function modelReady(el: DigitRecognizerElement): Promise<void> {
  await until(() => el.state !== 'loading', 'the model to load');
  await el.updateComplete;
}
