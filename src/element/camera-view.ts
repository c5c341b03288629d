/**
 * How the live camera looks: the video, the guide box and the steady reading over it (a box per
 * digit in number mode), the buttons that keep the frame as a card and stop the camera, and a
 * plain message when the camera cannot start. Pure rendering: the element passes what to show and the handlers.
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { DigitRecognizerError } from '../index.js';
import type { CameraController } from './camera-controller.js';
import type { DigitRecognizerMessages } from './messages.js';

export interface CameraView {
  camera: Pick<CameraController, 'state' | 'error' | 'live' | 'guide' | 'videoSize'>;
  messages: DigitRecognizerMessages;
  numberMode: boolean;
  uncertainLabel: string;
  disabled: boolean;
  errorText: (error: DigitRecognizerError) => string;
  onCapture: () => void;
  onStop: () => void;
}

/** The button in the intake that starts the camera, or stops it while it runs. */
export function renderCameraButton(
  active: boolean,
  messages: DigitRecognizerMessages,
  disabled: boolean,
  onClick: () => void,
): TemplateResult {
  return html`<button
    part="camera-button"
    class="button secondary camera-button"
    type="button"
    aria-pressed=${active ? 'true' : 'false'}
    ?disabled=${disabled}
    @click=${onClick}
  >
    ${active ? messages.stopCameraLabel : messages.cameraLabel}
  </button>`;
}

/** The camera panel: nothing while the camera is off. */
export function renderCamera(view: CameraView): TemplateResult | typeof nothing {
  const { camera, messages } = view;
  if (camera.state === 'off') return nothing;
  if (camera.state === 'error') {
    return html`<div part="camera error" class="camera error camera-error" role="alert">
      <p>${camera.error ? view.errorText(camera.error) : messages.errors.CAMERA_UNAVAILABLE}</p>
    </div>`;
  }
  const size = camera.videoSize;
  const live = camera.live;
  return html`<div part="camera" class="camera" data-state=${camera.state}>
    <div class="camera-frame">
      <video
        part="camera-video"
        class="camera-video"
        playsinline
        muted
        aria-label=${messages.cameraPreviewLabel}
      ></video>
      ${size ? renderOverlay(view, size) : nothing}
      <p part="camera-reading" class="camera-reading" data-steady=${live ? 'true' : 'false'} aria-hidden="true">
        ${readingText(view)}
      </p>
    </div>
    <button
      part="capture-button"
      class="button capture-button"
      type="button"
      ?disabled=${view.disabled || camera.state !== 'live'}
      @click=${view.onCapture}
    >
      ${messages.captureLabel}
    </button>
    <button part="stop-camera-button" class="button secondary stop-camera-button" type="button" @click=${view.onStop}>
      ${messages.stopCameraLabel}
    </button>
  </div>`;
}

function readingText(view: CameraView): string {
  const { camera, messages } = view;
  if (camera.state === 'starting') return messages.cameraStarting;
  const live = camera.live;
  if (!live) return view.numberMode ? messages.cameraNumberHint : messages.cameraHint;
  const uncertain = live.reading?.uncertain ?? live.prediction?.uncertain ?? false;
  return uncertain ? `${live.key} · ${view.uncertainLabel}` : live.key;
}

/** The guide box and the digits' outlines, in the video's pixels (the SVG scales as the video). */
function renderOverlay(view: CameraView, size: { width: number; height: number }): TemplateResult {
  const guide = view.camera.guide;
  const boxes = view.camera.live?.boxes ?? [];
  return html`<svg
    class="camera-overlay"
    viewBox="0 0 ${size.width} ${size.height}"
    preserveAspectRatio="xMidYMid meet"
    aria-hidden="true"
  >
    ${
      guide
        ? svg`<rect part="camera-guide" class="camera-guide" x=${guide.x} y=${guide.y} width=${guide.width} height=${guide.height} rx="12"></rect>`
        : nothing
    }
    ${boxes.map(
      (box) =>
        svg`<rect part="digit-box" class="camera-box" x=${box.x} y=${box.y} width=${box.width} height=${box.height}></rect>`,
    )}
  </svg>`;
}
