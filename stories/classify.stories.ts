/**
 * A live demo of the functional API, for the classify() docs page: choose or drop an image, see
 * the 28×28 picture `preprocess()` makes of it and the ten probabilities `classify()` returns.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { classify, isDigitRecognizerError, preprocess } from '../src/index.js';
import type { Prediction, Preprocessed } from '../src/index.js';
import { fixture } from './support.js';

/** Paints the model's 28×28 input (0 = background, 1 = ink) on a canvas, white ink on black. */
function paint(canvas: HTMLCanvasElement, pixels: Float32Array): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(28, 28);
  pixels.forEach((value, i) => {
    const level = Math.round(Math.min(1, Math.max(0, value)) * 255);
    image.data.set([level, level, level, 255], i * 4);
  });
  ctx.putImageData(image, 0, 0);
}

function resultView(pre: Preprocessed, prediction: Prediction) {
  return html`
    <p>
      <strong style="font-size: 2rem">${prediction.digit}</strong>
      ${(prediction.confidence * 100).toFixed(1)}%${prediction.uncertain ? ' — not sure' : ''}
      <br /><small
        >ink: ${pre.polarity}, box ${pre.box.width}×${pre.box.height} in ${pre.sourceWidth}×${pre.sourceHeight}</small
      >
    </p>
    <table>
      ${prediction.probabilities.map(
        (p, digit) =>
          html`<tr>
            <th scope="row">${digit}</th>
            <td><meter min="0" max="1" value=${p} style="width: 12rem"></meter></td>
            <td>${(p * 100).toFixed(1)}%</td>
          </tr>`,
      )}
    </table>
  `;
}

/** Builds the demo: a file input and drop area, the 28×28 view, and the probabilities. */
function demo(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'classify-demo';
  const show = async (file: File): Promise<void> => {
    const output = root.querySelector<HTMLElement>('.output')!;
    render(html`Reading…`, output);
    try {
      const pre = await preprocess(file);
      const prediction = await classify(file);
      paint(root.querySelector('canvas')!, pre.pixels);
      render(resultView(pre, prediction), output);
    } catch (error) {
      render(html`${isDigitRecognizerError(error) ? `${error.code}: ${error.message}` : String(error)}`, output);
    }
  };
  const onChange = (event: Event): void => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void show(file);
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void show(file);
  };
  render(
    html`
      <div
        style="display: flex; gap: 1.5rem; align-items: start; flex-wrap: wrap; font-family: system-ui"
        @dragover=${(event: DragEvent) => event.preventDefault()}
        @drop=${onDrop}
      >
        <label style="display: grid; gap: 0.5rem; padding: 1rem; border: 2px dashed #8a929e; border-radius: 8px">
          Choose or drop an image of a digit
          <input type="file" accept="image/*" @change=${onChange} />
        </label>
        <figure style="margin: 0">
          <canvas
            width="28"
            height="28"
            style="width: 168px; height: 168px; image-rendering: pixelated; background: #000"
          ></canvas>
          <figcaption>What the model sees: <code>preprocess(file).pixels</code></figcaption>
        </figure>
        <div class="output" aria-live="polite"></div>
      </div>
    `,
    root,
  );
  return root;
}

const meta = {
  title: 'API/classify()',
  render: () => demo(),
  tags: ['!autodocs'],
} satisfies Meta;

export default meta;

/** Starts with a photo of a 7, put into the file input as if chosen. */
export const LiveDemo: StoryObj = {
  play: async ({ canvasElement }) => {
    const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(await fixture('seven.png'));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  },
};
