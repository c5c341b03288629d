/**
 * The element's drawing pad, wired: it follows the pad's canvas across renders (a new canvas when
 * the pad changes shape), keeps it disabled with the element, and hands over a snapshot of the
 * drawing once the user has stopped drawing for the debounce time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DrawingPad } from './drawing-pad.js';

export interface DrawingHost {
  /** Milliseconds after the last stroke before the drawing is handed over. */
  debounce(): number;
  /** True when the pad must not take strokes. */
  disabled(): boolean;
  /** A stroke began. */
  onStrokeStart(): void;
  /** The user stopped drawing: the drawing as it is now. */
  onDrawing(snapshot: ImageData): void;
}

export class DrawingController implements ReactiveController {
  private readonly pad = new DrawingPad({
    onStrokeStart: () => {
      clearTimeout(this.timer);
      this.drawingHost.onStrokeStart();
    },
    onStrokeEnd: () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.handOver(), this.drawingHost.debounce());
    },
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly drawingHost: DrawingHost,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.pad');
    if (canvas) this.pad.attach(canvas);
    else this.pad.detach();
    this.pad.disabled = this.drawingHost.disabled();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Wipes the pad; a drawing waiting to be handed over is dropped. */
  clear(): void {
    clearTimeout(this.timer);
    this.pad.clear();
  }

  private handOver(): void {
    if (!this.host.isConnected || !this.pad.hasInk || this.pad.drawing) return;
    const snapshot = this.pad.snapshot();
    if (snapshot) this.drawingHost.onDrawing(snapshot);
  }
}
