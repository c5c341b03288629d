/**
 * Paints the canvases of result cards after each render: the 28×28 "what the model sees"
 * picture, and a drawing's preview in `mode="number"`. Each canvas is painted once per image.
 */
import type { Card } from './card.js';

const MODEL_SIZE = 28;

export class CardCanvasPainter {
  private readonly modelInputs = new WeakMap<HTMLCanvasElement, Float32Array>();
  private readonly drawings = new WeakMap<HTMLCanvasElement, ImageData>();

  /** Paints every card canvas under `root` that shows something new. */
  paint(root: ParentNode, cards: readonly Card[], { modelInputs }: { modelInputs: boolean }): void {
    const cardOf = (canvas: HTMLCanvasElement): Card | undefined =>
      cards.find((card) => String(card.id) === canvas.dataset['card']);
    if (modelInputs) {
      for (const canvas of Array.from(root.querySelectorAll<HTMLCanvasElement>('canvas.model-input'))) {
        const pixels = cardOf(canvas)?.preprocessed?.pixels;
        if (pixels && this.modelInputs.get(canvas) !== pixels && paintPixels(canvas, pixels)) {
          this.modelInputs.set(canvas, pixels);
        }
      }
    }
    for (const canvas of Array.from(root.querySelectorAll<HTMLCanvasElement>('canvas.drawing-preview'))) {
      const input = cardOf(canvas)?.input;
      if (!(input instanceof ImageData) || this.drawings.get(canvas) === input) continue;
      if (canvas.width !== input.width || canvas.height !== input.height) continue;
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      ctx.putImageData(input, 0, 0);
      this.drawings.set(canvas, input);
    }
  }
}

/** The model's 28×28 input (0 = black … 1 = white) as grey pixels; false when it cannot draw. */
function paintPixels(canvas: HTMLCanvasElement, pixels: Float32Array): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const image = ctx.createImageData(MODEL_SIZE, MODEL_SIZE);
  for (let i = 0; i < MODEL_SIZE * MODEL_SIZE; i++) {
    const level = Math.round(Math.max(0, Math.min(1, pixels[i] ?? 0)) * 255);
    image.data[i * 4] = level;
    image.data[i * 4 + 1] = level;
    image.data[i * 4 + 2] = level;
    image.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return true;
}
