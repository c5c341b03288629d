/**
 * The camera's frame loop and its patience: a {@link FrameLoop} reads the video's frames one at
 * a time (never two at once), on `requestVideoFrameCallback` where the browser has it and on
 * animation frames where it does not, and throttled so reading takes at most about two thirds of
 * the main thread however slow the device; a {@link SteadyAnswer} shows an answer only once the
 * same one came from several frames in a row.
 */

/** True where the video element has per-frame callbacks (Chromium, Safari; not every Firefox). */
function hasFrameCallbacks(video: HTMLVideoElement): boolean {
  return typeof (video as Partial<HTMLVideoElement>).requestVideoFrameCallback === 'function';
}

export interface FrameLoopOptions {
  /** Most frames read per second. Default 20. */
  maxFps?: number;
  /**
   * After a read that took `t` ms the next starts no sooner than `t × rest` ms later, so a slow
   * device spends at most `1 / (1 + rest)` of its time reading. Default 0.5 (two thirds).
   */
  rest?: number;
}

export class FrameLoop {
  /** Frames read since {@link start}. */
  framesRead = 0;
  /** Milliseconds spent reading since {@link start}. */
  readMs = 0;

  private running = false;
  private busy = false;
  private handle: number | null = null;
  private notBefore = 0;
  private controller: AbortController | null = null;
  private readonly minGap: number;
  private readonly rest: number;

  /** Calls `read` with each frame's abort signal; `read` must not reject. */
  constructor(
    private readonly video: HTMLVideoElement,
    private readonly read: (signal: AbortSignal) => Promise<void>,
    { maxFps = 20, rest = 0.5 }: FrameLoopOptions = {},
  ) {
    this.minGap = 1000 / maxFps;
    this.rest = rest;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.framesRead = 0;
    this.readMs = 0;
    this.notBefore = 0;
    this.schedule();
  }

  /** Stops the loop; a read under way is aborted and its answer dropped by the caller. */
  stop(): void {
    this.running = false;
    this.controller?.abort();
    this.controller = null;
    if (this.handle !== null) {
      if (hasFrameCallbacks(this.video)) this.video.cancelVideoFrameCallback(this.handle);
      else cancelAnimationFrame(this.handle);
    }
    this.handle = null;
  }

  private schedule(): void {
    if (!this.running) return;
    const tick = (): void => {
      this.handle = null;
      void this.tick();
    };
    this.handle = hasFrameCallbacks(this.video)
      ? this.video.requestVideoFrameCallback(tick)
      : requestAnimationFrame(tick);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    const now = performance.now();
    const video = this.video;
    if (this.busy || now < this.notBefore || video.readyState < 2 || video.videoWidth === 0) {
      this.schedule();
      return;
    }
    this.busy = true;
    const controller = new AbortController();
    this.controller = controller;
    try {
      await this.read(controller.signal);
    } finally {
      this.busy = false;
      if (this.controller === controller) this.controller = null;
    }
    const took = performance.now() - now;
    if (!controller.signal.aborted) {
      this.framesRead++;
      this.readMs += took;
    }
    this.notBefore = now + Math.max(this.minGap, took * (1 + this.rest));
    this.schedule();
  }
}

/**
 * Holds back an answer until `frames` frames in a row gave it (`null`, no answer, included):
 * a hand moving over the digit or one misread frame does not flicker the reading.
 */
export class SteadyAnswer<T> {
  private lastKey: string | null = null;
  private count = 0;
  private steadyKey: string | null = null;
  /** The answer shown: the latest frame's, once steady. */
  value: T | null = null;

  constructor(private readonly frames = 3) {}

  /**
   * Takes one frame's answer (`key` null for none); true when the steady answer changed to a new
   * one (not to none): the moment to tell the page.
   */
  push(key: string | null, value: T | null): boolean {
    if (key === this.lastKey) this.count++;
    else {
      this.lastKey = key;
      this.count = 1;
    }
    if (this.count < this.frames) return false;
    const changed = key !== this.steadyKey;
    this.steadyKey = key;
    this.value = key === null ? null : value;
    return changed && key !== null;
  }

  reset(): void {
    this.lastKey = null;
    this.count = 0;
    this.steadyKey = null;
    this.value = null;
  }
}
