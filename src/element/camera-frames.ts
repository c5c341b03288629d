/**
 * The camera's frame loop and its patience: a {@link FrameLoop} reads the video's frames on
 * `requestVideoFrameCallback` where the browser has it and on animation frames where it does not,
 * one at a time on the main thread (throttled so reading takes at most about two thirds of it
 * however slow the device) or, when a worker reads them, with the next frame already handed over
 * while the worker reads the last (so the worker never waits for the video); a
 * {@link SteadyAnswer} shows an answer only once the same one came from several frames in a row.
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
  /**
   * Frames being read at once. Default 1. A worker reads them one after the other, so 2 keeps it
   * busy: the next frame waits in its queue instead of the worker waiting for the next frame.
   */
  inFlight?: number;
}

export class FrameLoop {
  /** Frames read since {@link start}. */
  framesRead = 0;
  /** Milliseconds spent reading since {@link start}. */
  readMs = 0;

  private running = false;
  private handle: number | null = null;
  private notBefore = 0;
  /** One per read under way. */
  private readonly controllers = new Set<AbortController>();
  private readonly minGap: number;
  private readonly rest: number;
  private readonly inFlight: number;

  /** Calls `read` with each frame's abort signal; `read` must not reject. */
  constructor(
    private readonly video: HTMLVideoElement,
    private readonly read: (signal: AbortSignal) => Promise<void>,
    { maxFps = 20, rest = 0.5, inFlight = 1 }: FrameLoopOptions = {},
  ) {
    this.minGap = 1000 / maxFps;
    this.rest = rest;
    this.inFlight = Math.max(1, Math.floor(inFlight));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.framesRead = 0;
    this.readMs = 0;
    this.notBefore = 0;
    this.schedule();
  }

  /** Stops the loop; every read under way is aborted and its answer dropped by the caller. */
  stop(): void {
    this.running = false;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
    if (this.handle !== null) {
      if (hasFrameCallbacks(this.video)) this.video.cancelVideoFrameCallback(this.handle);
      else cancelAnimationFrame(this.handle);
    }
    this.handle = null;
  }

  private schedule(): void {
    if (!this.running || this.handle !== null) return;
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
    if (this.controllers.size >= this.inFlight) return; // a read ending schedules the next
    if (now < this.notBefore || video.readyState < 2 || video.videoWidth === 0) {
      this.schedule();
      return;
    }
    const controller = new AbortController();
    this.controllers.add(controller);
    // The most frames a second is kept on average, not between each two: frames come at the
    // camera's own pace (30 a second: every 33 ms), and a 50 ms gap after each would read only
    // every other one (15 a second).
    this.notBefore = Math.max(this.notBefore, now - this.minGap / 2) + this.minGap;
    // With room for another read, the next frame is awaited while this one is read.
    if (this.controllers.size < this.inFlight) this.schedule();
    try {
      await this.read(controller.signal);
    } finally {
      this.controllers.delete(controller);
    }
    const took = performance.now() - now;
    if (!controller.signal.aborted) {
      this.framesRead++;
      this.readMs += took;
    }
    this.notBefore = Math.max(this.notBefore, now + took * (1 + this.rest));
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
