/**
 * The camera's frame loop on a real `<video>` playing a canvas stream: how many frames it reads at
 * once, and that stopping it aborts every read under way.
 */
import { expect } from '@open-wc/testing';
import { FrameLoop } from '../../../src/element/camera-frames.js';
import { until } from './helpers.js';

/** A playing video of a canvas that is redrawn on every animation frame, and a way to end it. */
async function playingVideo(): Promise<{ video: HTMLVideoElement; end: () => void }> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const ctx = canvas.getContext('2d')!;
  let running = true;
  let n = 0;
  const draw = (): void => {
    if (!running) return;
    ctx.fillStyle = `hsl(${(n++ * 7) % 360} 60% 50%)`;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    requestAnimationFrame(draw);
  };
  draw();
  const stream = canvas.captureStream(30);
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  document.body.append(video);
  await video.play();
  await until(() => video.readyState >= 2 && video.videoWidth > 0, 'the video never played');
  return {
    video,
    end: () => {
      running = false;
      for (const track of stream.getTracks()) track.stop();
      video.remove();
    },
  };
}

/** A read that waits until it is let go (or aborted), counting how many are under way. */
function heldReads(): {
  read: (signal: AbortSignal) => Promise<void>;
  release: () => void;
  started: number;
  atOnce: number;
  aborted: number;
} {
  const pending: Array<() => void> = [];
  let running = 0;
  const state = {
    started: 0,
    atOnce: 0,
    aborted: 0,
    release: () => {
      for (const done of pending.splice(0)) done();
    },
    read: (signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        state.started++;
        running++;
        state.atOnce = Math.max(state.atOnce, running);
        const done = (): void => {
          running--;
          resolve();
        };
        pending.push(done);
        signal.addEventListener('abort', () => {
          state.aborted++;
          const at = pending.indexOf(done);
          if (at >= 0) pending.splice(at, 1);
          done();
        });
      }),
  };
  return state;
}

describe('FrameLoop', () => {
  it('reads one frame at a time by default', async () => {
    const { video, end } = await playingVideo();
    const reads = heldReads();
    const loop = new FrameLoop(video, reads.read, { rest: 0 });
    try {
      loop.start();
      await until(() => reads.started === 1, 'no frame was read');
      // Frames keep coming while the first read is held; none starts beside it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reads.started).to.equal(1);
      reads.release();
      await until(() => reads.started === 2, 'the next frame was not read after the first');
      expect(reads.atOnce).to.equal(1);
    } finally {
      loop.stop();
      end();
    }
  });

  it('with inFlight 2, hands over the next frame while the last is read, never a third', async () => {
    const { video, end } = await playingVideo();
    const reads = heldReads();
    const loop = new FrameLoop(video, reads.read, { rest: 0, inFlight: 2 });
    try {
      loop.start();
      await until(() => reads.started === 2, 'a second frame was not handed over while the first was read');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reads.started).to.equal(2);
      expect(reads.atOnce).to.equal(2);
      reads.release();
      await until(() => loop.framesRead === 2 && reads.started === 4, 'reading did not go on');
      expect(reads.atOnce).to.equal(2);
    } finally {
      loop.stop();
      end();
    }
  });

  it('reads no more than maxFps frames a second on average, however fast it reads', async () => {
    const { video, end } = await playingVideo();
    const loop = new FrameLoop(video, () => Promise.resolve(), { rest: 0, inFlight: 2, maxFps: 10 });
    try {
      loop.start();
      await until(() => loop.framesRead > 0, 'no frame was read');
      const start = performance.now();
      const before = loop.framesRead;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const seconds = (performance.now() - start) / 1000;
      // A burst of two after a pause is allowed; the average holds.
      expect(loop.framesRead - before).to.be.at.most(10 * seconds + 2);
    } finally {
      loop.stop();
      end();
    }
  });

  it('stop() aborts every read under way and reads no more frames', async () => {
    const { video, end } = await playingVideo();
    const reads = heldReads();
    const loop = new FrameLoop(video, reads.read, { rest: 0, inFlight: 2 });
    try {
      loop.start();
      await until(() => reads.started === 2, 'two frames were not handed over');
      loop.stop();
      expect(reads.aborted).to.equal(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reads.started).to.equal(2);
      expect(loop.framesRead).to.equal(0);
    } finally {
      loop.stop();
      end();
    }
  });
});
