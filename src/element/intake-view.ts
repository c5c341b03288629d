/**
 * How the element's intake looks: the model's loading status (or its error with a retry button),
 * the drop zone with its hidden file picker, the drawing pad with its clear button, and the
 * camera button. Pure
 * rendering: the element passes texts, settings and handlers.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { format, percent } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';
import type { ModelController } from './model-controller.js';
import type { DigitRecognizerMode } from './element-options.js';
import { renderCameraButton } from './camera-view.js';

/** The square pad of the digit modes, in canvas pixels. */
const PAD_SIZE = 280;
/** The wide pad of `mode="number"`, in canvas pixels (strokes are 1/12 of its height). */
const NUMBER_PAD_WIDTH = 600;
const NUMBER_PAD_HEIGHT = 200;

/** The model's loading progress, or its error and a retry button; nothing once it is ready. */
export function renderModelStatus(
  model: Pick<ModelController, 'state' | 'progress' | 'error'>,
  messages: DigitRecognizerMessages,
  errorText: string,
  onRetry: () => void,
): TemplateResult | typeof nothing {
  if (model.state === 'loading') {
    const progress = model.progress;
    const text = format(messages.loading, { percent: progress > 0 ? percent(progress) : '' }).trim();
    return html`<div part="status" class="model-status">
      <progress part="progress" max="1" value=${progress > 0 ? progress : nothing} aria-label=${text}></progress>
      <span>${text}</span>
    </div>`;
  }
  if (model.state === 'error' && model.error) {
    return html`<div part="error" class="error model-error" role="alert">
      <p>${errorText}</p>
      <button part="retry-button" class="button" type="button" @click=${onRetry}>${messages.retry}</button>
    </div>`;
  }
  return nothing;
}

export interface DropzoneView {
  label: string;
  chooseLabel: string;
  multiple: boolean;
  disabled: boolean;
  onClick: () => void;
  onChange: (event: Event) => void;
}

/** The drop zone (a button that opens the picker) and the hidden file input. */
export function renderDropzone(view: DropzoneView): TemplateResult {
  return html`
    <button part="dropzone" class="dropzone" type="button" ?disabled=${view.disabled} @click=${view.onClick}>
      <span class="drop-label">${view.label}</span>
      <span part="input-button" class="input-button">${view.chooseLabel}</span>
    </button>
    <input
      class="file-input"
      type="file"
      accept="image/*"
      tabindex="-1"
      aria-hidden="true"
      aria-label=${view.label}
      ?multiple=${view.multiple}
      ?disabled=${view.disabled}
      @change=${view.onChange}
    />
  `;
}

export interface PadView {
  /** The wide pad of `mode="number"`. */
  wide: boolean;
  label: string;
  clearLabel: string;
  disabled: boolean;
  onClear: () => void;
}

/** The drawing pad and its clear button. */
export function renderPad(view: PadView): TemplateResult {
  const { wide } = view;
  // A new canvas when the shape changes: resizing one would wipe it to transparent black.
  return html`
    <div class="pad-area">
      <span id="pad-label" class="pad-label">${view.label}</span>
      ${keyed(
        wide,
        html`<canvas
          part="pad"
          class=${classMap({ pad: true, wide })}
          width=${wide ? NUMBER_PAD_WIDTH : PAD_SIZE}
          height=${wide ? NUMBER_PAD_HEIGHT : PAD_SIZE}
          role="img"
          aria-labelledby="pad-label"
        ></canvas>`,
      )}
      <button
        part="clear-button"
        class="button secondary"
        type="button"
        ?disabled=${view.disabled}
        @click=${view.onClear}
      >
        ${view.clearLabel}
      </button>
    </div>
  `;
}

export interface IntakeView {
  mode: DigitRecognizerMode;
  messages: DigitRecognizerMessages;
  dropzone: Omit<DropzoneView, 'disabled'>;
  pad: Omit<PadView, 'disabled' | 'wide'>;
  /** With the `camera` attribute: whether it runs now, and its button's click. */
  camera: { active: boolean; onClick: () => void } | null;
  disabled: boolean;
}

/** The intakes the mode offers: the drop zone, the drawing pad, the camera button. */
export function renderIntake(view: IntakeView): TemplateResult {
  const { mode, disabled, camera } = view;
  return html`<div class="intake">
    ${mode !== 'draw' ? renderDropzone({ ...view.dropzone, disabled }) : nothing}
    ${mode !== 'upload' ? renderPad({ ...view.pad, wide: mode === 'number', disabled }) : nothing}
    ${camera ? renderCameraButton(camera.active, view.messages, disabled, camera.onClick) : nothing}
  </div>`;
}
