/**
 * Pointer drawing on a canvas: mouse, pen and touch through Pointer Events, one pointer at a time.
 * Black strokes, round caps and joins, about 1/12 of the canvas's shorter side wide, on a white background, which
 * is what the recognizer expects from a drawing.
 */

/** Callbacks of a {@link DrawingPad}. */
export interface DrawingPadCallbacks {
  /** A stroke began (pointer down on the canvas). */
  onStrokeStart?: () => void;
  /** A stroke ended (pointer up or cancelled). */
  onStrokeEnd?: () => void;
}

interface Point {
  x: number;
  y: number;
}

/** Draws strokes on whichever canvas it is attached to. */
export class DrawingPad {
  /** When true, pointer input is ignored. */
  disabled = false;

  private _canvas: HTMLCanvasElement | null = null;
  private _pointerId: number | null = null;
  private _last: Point | null = null;
  private _hasInk = false;
  private readonly _callbacks: DrawingPadCallbacks;

  constructor(callbacks: DrawingPadCallbacks = {}) {
    this._callbacks = callbacks;
  }

  /** The canvas drawn on, if any. */
  get canvas(): HTMLCanvasElement | null {
    return this._canvas;
  }

  /** True once something was drawn since the last {@link clear}. */
  get hasInk(): boolean {
    return this._hasInk;
  }

  /** True while a pointer is drawing. */
  get drawing(): boolean {
    return this._pointerId !== null;
  }

  /**
   * Starts listening on `canvas` (and stops listening on the previous one). Attaching the same
   * canvas again does nothing; a new canvas is cleared to white. Returns true when it changed.
   */
  attach(canvas: HTMLCanvasElement): boolean {
    if (canvas === this._canvas) return false;
    this.detach();
    this._canvas = canvas;
    canvas.addEventListener('pointerdown', this._onPointerDown);
    canvas.addEventListener('pointermove', this._onPointerMove);
    canvas.addEventListener('pointerup', this._onPointerUp);
    canvas.addEventListener('pointercancel', this._onPointerUp);
    canvas.addEventListener('lostpointercapture', this._onPointerUp);
    this.clear();
    return true;
  }

  /** Stops listening. */
  detach(): void {
    const canvas = this._canvas;
    if (!canvas) return;
    canvas.removeEventListener('pointerdown', this._onPointerDown);
    canvas.removeEventListener('pointermove', this._onPointerMove);
    canvas.removeEventListener('pointerup', this._onPointerUp);
    canvas.removeEventListener('pointercancel', this._onPointerUp);
    canvas.removeEventListener('lostpointercapture', this._onPointerUp);
    this._canvas = null;
    this._pointerId = null;
    this._last = null;
    this._hasInk = false;
  }

  /** Paints the canvas white and forgets the ink. */
  clear(): void {
    const canvas = this._canvas;
    this._hasInk = false;
    this._last = null;
    if (!canvas) return;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  }

  /** A copy of the canvas's pixels, safe to read while drawing goes on. */
  snapshot(): ImageData | null {
    const canvas = this._canvas;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return ctx ? ctx.getImageData(0, 0, canvas.width, canvas.height) : null;
  }

  /** Width of a stroke, in canvas pixels: 1/12 of the shorter side (a wide pad writes numbers). */
  get lineWidth(): number {
    const canvas = this._canvas;
    return Math.max(1, (canvas ? Math.min(canvas.width, canvas.height) : 0) / 12);
  }

  private _point(event: PointerEvent): Point {
    const canvas = this._canvas!;
    const rect = canvas.getBoundingClientRect();
    const scaleX = rect.width > 0 ? canvas.width / rect.width : 1;
    const scaleY = rect.height > 0 ? canvas.height / rect.height : 1;
    return { x: (event.clientX - rect.left) * scaleX, y: (event.clientY - rect.top) * scaleY };
  }

  private _segment(from: Point, to: Point): void {
    const ctx = this._canvas?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.strokeStyle = '#000000';
    ctx.fillStyle = '#000000';
    ctx.lineWidth = this.lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    if (from.x === to.x && from.y === to.y) {
      ctx.beginPath();
      ctx.arc(to.x, to.y, this.lineWidth / 2, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
    this._hasInk = true;
  }

  private readonly _onPointerDown = (event: PointerEvent): void => {
    if (this.disabled || this._pointerId !== null || !this._canvas) return;
    // Only the main mouse button; pens and touches always draw.
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    this._pointerId = event.pointerId;
    try {
      this._canvas.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic or already-released pointers can't be captured; drawing still works.
    }
    const point = this._point(event);
    this._last = point;
    this._callbacks.onStrokeStart?.();
    this._segment(point, point);
  };

  private readonly _onPointerMove = (event: PointerEvent): void => {
    if (event.pointerId !== this._pointerId || !this._last) return;
    event.preventDefault();
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const e of events.length > 0 ? events : [event]) {
      const point = this._point(e);
      this._segment(this._last, point);
      this._last = point;
    }
  };

  private readonly _onPointerUp = (event: PointerEvent): void => {
    if (event.pointerId !== this._pointerId) return;
    if (event.type === 'pointerup' && this._last) {
      const point = this._point(event);
      this._segment(this._last, point);
    }
    this._pointerId = null;
    this._last = null;
    try {
      if (this._canvas?.hasPointerCapture(event.pointerId)) {
        this._canvas.releasePointerCapture(event.pointerId);
      }
    } catch {
      // Nothing to release.
    }
    this._callbacks.onStrokeEnd?.();
  };
}
