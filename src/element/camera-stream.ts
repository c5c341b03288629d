/**
 * Opening and closing the camera: `getUserMedia()` with the rear camera preferred and no audio,
 * its failures turned into typed {@link DigitRecognizerError}s, and every track stopped on close.
 * No frame leaves the page: the stream is only ever shown in a `<video>` and drawn on a canvas.
 */
import { DigitRecognizerError } from '../index.js';

/** What the camera is asked for: the rear camera on phones, HD if it has it, no microphone. */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 1280 },
    height: { ideal: 720 },
  },
};

/** `getUserMedia()`'s failure as a DigitRecognizerError with a code the element can explain. */
export function cameraError(reason: unknown): DigitRecognizerError {
  if (reason instanceof DigitRecognizerError) return reason;
  const name = reason instanceof Error ? reason.name : '';
  const message = reason instanceof Error ? reason.message : String(reason);
  const detail = message ? `: ${message}` : '.';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new DigitRecognizerError('CAMERA_DENIED', `The camera was not allowed (${name})${detail}`, {
        cause: reason,
      });
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return new DigitRecognizerError('CAMERA_NOT_FOUND', `No camera was found (${name})${detail}`, { cause: reason });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new DigitRecognizerError('CAMERA_IN_USE', `The camera could not start (${name})${detail}`, {
        cause: reason,
      });
    default:
      return new DigitRecognizerError('CAMERA_UNAVAILABLE', `The camera failed${detail}`, { cause: reason });
  }
}

/**
 * Asks for the camera. Rejects with a DigitRecognizerError: `CAMERA_INSECURE` on a page that is
 * not secure (browsers hide the camera there), `CAMERA_UNAVAILABLE` without the API, or the code
 * of `getUserMedia()`'s failure (see {@link cameraError}).
 */
export async function openCamera(): Promise<MediaStream> {
  if (!globalThis.isSecureContext) {
    throw new DigitRecognizerError(
      'CAMERA_INSECURE',
      'The camera needs a secure page: serve it over https:// (or from localhost).',
    );
  }
  const media = globalThis.navigator?.mediaDevices;
  if (!media || typeof media.getUserMedia !== 'function') {
    throw new DigitRecognizerError(
      'CAMERA_UNAVAILABLE',
      'This browser offers no camera (navigator.mediaDevices.getUserMedia).',
    );
  }
  try {
    return await media.getUserMedia(CONSTRAINTS);
  } catch (reason) {
    throw cameraError(reason);
  }
}

/** Stops every track of `stream`: the camera light goes off. */
export function closeCamera(stream: MediaStream | null): void {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
}
