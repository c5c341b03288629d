/**
 * The element's live camera: opening and closing the stream, showing it in the element's
 * `<video>`, reading the part inside the guide box frame after frame, and holding a reading back
 * until it is steady. The stream stops when asked, when the element leaves the page, and while
 * the page is hidden (it comes back when the page does). No frame leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Box, DigitRecognizerError, NumberReading, Prediction } from '../index.js';
import { closeCamera, cameraError, openCamera } from './camera-stream.js';
import { FrameLoop, SteadyAnswer } from './camera-frames.js';

export type CameraState = 'off' | 'starting' | 'live' | 'error';

/** Thrown inside `start()` when a stop (or a newer start) overtook it: it then only lets its stream go. */
const OVERTAKEN = Symbol('overtaken');

/**
 * One frame's answer: a digit or a number, with its boxes (in the frame's pixels as read, in the
 * video's pixels once the controller has it).
 */
export type LiveReading = {
  /** What the answer is, for comparing frames: the digit or the number's text. */
  key: string;
  /** The digits' boxes. */
  boxes: Box[];
} & ({ prediction: Prediction; reading?: undefined } | { reading: NumberReading; prediction?: undefined });

/** The region read in each frame, in the video's pixels. */
export type GuideBox = Box;

/** How the camera reads and reports; the element provides it. */
export interface CameraHost {
  /** True in `mode="number"`: the guide is wide and a frame holds a number. */
  numberMode(): boolean;
  /**
   * Reads one frame (the guide box, scaled down); null when it holds no digit. Boxes come back
   * in the frame's pixels. Must not reject for an empty frame.
   */
  readFrame(frame: HTMLCanvasElement, signal: AbortSignal): Promise<LiveReading | null>;
  /**
   * True when frames are read in a worker: the page's thread then only hands them over, so the
   * loop reads as often as the worker answers (up to 20 a second) instead of resting between, and
   * hands the worker the next frame while it reads the last.
   */
  readsOffMainThread(): boolean;
  /** Gets reading ready while the camera starts (loads the model, runs it once); never rejects. */
  warmUp(): Promise<void>;
  /** A new steady reading. */
  onReading(reading: LiveReading): void;
  /** The camera failed to start or stopped by itself. */
  onError(error: DigitRecognizerError): void;
}

/**
 * Longest side of a frame as it is read, in pixels: a digit that fills a good part of the guide
 * box is still 80–150 px tall, far more than the model's 28, and a frame reads in a few ms.
 */
const FRAME_SIDE = 240;
/** A number's band is wide: 480 px keeps each of up to ten digits some 30–60 px tall. */
const NUMBER_FRAME_SIDE = 480;

/** The guide box of a `width`×`height` video: a centred square, or a wide band for a number. */
export function guideBox(width: number, height: number, number: boolean): GuideBox {
  if (number) {
    const w = Math.round(width * 0.84);
    const h = Math.round(Math.min(height * 0.4, w / 2.5));
    return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), width: w, height: h };
  }
  const side = Math.round(Math.min(width, height) * 0.62);
  return { x: Math.round((width - side) / 2), y: Math.round((height - side) / 2), width: side, height: side };
}

export class CameraController implements ReactiveController {
  state: CameraState = 'off';
  error: DigitRecognizerError | null = null;
  /** The steady reading shown over the video, or null. */
  get live(): LiveReading | null {
    return this.steady.value;
  }

  private stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private loop: FrameLoop | null = null;
  private readonly steady = new SteadyAnswer<LiveReading>(3);
  /** Canvases the guide box is drawn into, one per frame being read; reused. */
  private readonly freeFrames: HTMLCanvasElement[] = [];
  /** Increases with every start and stop: a start that a stop overtook lets its stream go. */
  private generation = 0;
  /** Stopped because the page was hidden: starts again when it is shown. */
  private hiddenWhileLive = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly cameraHost: CameraHost,
  ) {
    host.addController(this);
  }

  /** True while the camera is starting or live. */
  get active(): boolean {
    return this.state === 'starting' || this.state === 'live';
  }

  /** Frames read and the time spent reading them since the camera started. */
  get stats(): { framesRead: number; readMs: number } {
    return { framesRead: this.loop?.framesRead ?? 0, readMs: this.loop?.readMs ?? 0 };
  }

  /** The size of the video, once it plays. */
  get videoSize(): { width: number; height: number } | null {
    const video = this.video;
    return video && video.videoWidth > 0 ? { width: video.videoWidth, height: video.videoHeight } : null;
  }

  /** The guide box in the video's pixels, once it plays. */
  get guide(): GuideBox | null {
    const size = this.videoSize;
    return size ? guideBox(size.width, size.height, this.cameraHost.numberMode()) : null;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.hiddenWhileLive = false;
    this.stop();
  }

  /** Opens the camera and starts reading; resolves once the video plays, rejects with why not. */
  async start(): Promise<void> {
    if (this.active) return;
    const generation = ++this.generation;
    this.state = 'starting';
    this.error = null;
    this.steady.reset();
    this.host.requestUpdate();
    let stream: MediaStream | null = null;
    // The first frame would otherwise pay for compiling the reading: pay it while the camera
    // starts (at once when the element warmed up before, see prewarm()). The first frames wait
    // behind it; the preview goes live without waiting.
    void this.cameraHost.warmUp();
    try {
      stream = await openCamera();
      if (generation !== this.generation) throw OVERTAKEN;
      this.stream = stream;
      for (const track of stream.getVideoTracks()) track.addEventListener('ended', this.onTrackEnded);
      await this.host.updateComplete;
      const video = this.host.renderRoot.querySelector<HTMLVideoElement>('video.camera-video');
      if (generation !== this.generation) throw OVERTAKEN;
      if (!video) throw new Error('The camera preview is not on the page.');
      this.video = video;
      video.srcObject = stream;
      await video.play();
      if (generation !== this.generation) throw OVERTAKEN;
      this.state = 'live';
      const inWorker = this.cameraHost.readsOffMainThread();
      this.loop = new FrameLoop(video, (signal) => this.readFrame(signal), {
        rest: inWorker ? 0 : 0.5,
        inFlight: inWorker ? 2 : 1,
      });
      this.loop.start();
      this.host.requestUpdate();
    } catch (reason) {
      if (generation !== this.generation) {
        // A stop (or a newer start) overtook this one: it owns the state; just let the stream go.
        if (stream !== this.stream) closeCamera(stream);
        return;
      }
      const error = cameraError(reason);
      this.release();
      this.state = 'error';
      this.error = error;
      this.host.requestUpdate();
      this.cameraHost.onError(error);
      throw error;
    }
  }

  /**
   * Reads a made-up frame while nothing else is going on (the element calls it once its model is
   * ready, when it offers the camera), so the first real frames after `start()` read at full speed.
   */
  prewarm(): void {
    void this.cameraHost.warmUp();
  }

  /** Drops the steady reading (the mode changed): the next frames start afresh. */
  forgetReading(): void {
    this.steady.reset();
  }

  /** Stops reading and closes the camera (bound: it is also the stop button's handler). */
  readonly stop = (): void => {
    this.generation++;
    this.release();
    this.steady.reset();
    if (this.state !== 'off') {
      this.state = 'off';
      this.error = null;
      this.host.requestUpdate();
    }
  };

  /** The camera button: stops a live camera, else starts it (unless `disabled`); errors are shown, not thrown. */
  toggle(disabled: boolean): void {
    if (this.active) this.stop();
    else if (!disabled) this.start().catch(() => undefined);
  }

  /**
   * The guide box of the current frame at the camera's full resolution, as a JPEG file; null when
   * the camera is not live.
   */
  async capture(name: string): Promise<File | null> {
    const video = this.video;
    const guide = this.guide;
    if (this.state !== 'live' || !video || !guide) return null;
    const canvas = document.createElement('canvas');
    canvas.width = guide.width;
    canvas.height = guide.height;
    canvas
      .getContext('2d')
      ?.drawImage(video, guide.x, guide.y, guide.width, guide.height, 0, 0, guide.width, guide.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    return blob ? new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() }) : null;
  }

  private release(): void {
    this.loop?.stop();
    this.loop = null;
    if (this.stream) {
      for (const track of this.stream.getVideoTracks()) track.removeEventListener('ended', this.onTrackEnded);
    }
    closeCamera(this.stream);
    this.stream = null;
    if (this.video) {
      this.video.pause();
      this.video.srcObject = null;
    }
    this.video = null;
  }

  /** Draws the guide box of the current frame, scaled down, and reads it. */
  private async readFrame(signal: AbortSignal): Promise<void> {
    const frame = this.freeFrames.pop() ?? document.createElement('canvas');
    try {
      await this.readInto(frame, signal);
    } finally {
      this.freeFrames.push(frame);
    }
  }

  private async readInto(frame: HTMLCanvasElement, signal: AbortSignal): Promise<void> {
    const video = this.video;
    const guide = this.guide;
    if (!video || !guide) return;
    const side = this.cameraHost.numberMode() ? NUMBER_FRAME_SIDE : FRAME_SIDE;
    const scale = Math.min(1, side / Math.max(guide.width, guide.height));
    frame.width = Math.max(1, Math.round(guide.width * scale));
    frame.height = Math.max(1, Math.round(guide.height * scale));
    const ctx = frame.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.drawImage(video, guide.x, guide.y, guide.width, guide.height, 0, 0, frame.width, frame.height);
    const answer = await this.cameraHost.readFrame(frame, signal).catch(() => null);
    if (signal.aborted || this.state !== 'live') return;
    const reading: LiveReading | null = answer && {
      ...answer,
      boxes: answer.boxes.map((box) => ({
        x: guide.x + box.x / scale,
        y: guide.y + box.y / scale,
        width: box.width / scale,
        height: box.height / scale,
      })),
    };
    const before = this.steady.value;
    const changed = this.steady.push(reading?.key ?? null, reading);
    if (changed && reading) this.cameraHost.onReading(reading);
    if (changed || before !== this.steady.value) this.host.requestUpdate();
  }

  private readonly onTrackEnded = (): void => {
    // The camera went away by itself (unplugged, taken by the system).
    if (!this.active) return;
    this.stop();
    this.state = 'error';
    this.error = cameraError(new DOMException('The camera stopped.', 'NotReadableError'));
    this.host.requestUpdate();
    this.cameraHost.onError(this.error);
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      if (!this.active) return;
      this.hiddenWhileLive = true;
      this.stop();
    } else if (this.hiddenWhileLive) {
      this.hiddenWhileLive = false;
      this.start().catch(() => undefined);
    }
  };
}
