import { css } from 'lit';
import { cameraStyles } from './camera.styles.js';
import { cardStyles } from './card.styles.js';

/**
 * Styles of `<digit-recognizer>`. Public `--digit-recognizer-*` custom properties feed private
 * `--_*` ones, whose defaults change with `prefers-color-scheme`. Every pair of text and
 * background colors meets WCAG AA (4.5:1) in both schemes.
 */
const baseStyles = css`
  :host {
    --_font: var(--digit-recognizer-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_bg: var(--digit-recognizer-background, #ffffff);
    --_fg: var(--digit-recognizer-foreground, #1b1d21);
    --_muted: var(--digit-recognizer-muted, #545a63);
    --_surface: var(--digit-recognizer-surface, #f4f6f9);
    --_border: var(--digit-recognizer-border, #8a929e);
    --_radius: var(--digit-recognizer-radius, 12px);
    --_accent: var(--digit-recognizer-accent, #0b57d0);
    --_accent-fg: var(--digit-recognizer-accent-foreground, #ffffff);
    --_bar: var(--digit-recognizer-bar-color, var(--_accent));
    --_bar-track: var(--digit-recognizer-bar-track, #dde2e9);
    --_error: var(--digit-recognizer-error, #b3261e);
    --_uncertain: var(--digit-recognizer-uncertain, #8a5300);
    --_focus: var(--digit-recognizer-focus-ring, var(--_accent));
    --_pad-size: var(--digit-recognizer-pad-size, 280px);
    --_card-min: var(--digit-recognizer-card-min-width, 180px);

    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.4;
    border-radius: var(--_radius);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--digit-recognizer-background, #16181d);
      --_fg: var(--digit-recognizer-foreground, #eceff4);
      --_muted: var(--digit-recognizer-muted, #b9bfc9);
      --_surface: var(--digit-recognizer-surface, #22262d);
      --_border: var(--digit-recognizer-border, #6b7380);
      --_accent: var(--digit-recognizer-accent, #a8c7fa);
      --_accent-fg: var(--digit-recognizer-accent-foreground, #062e6f);
      --_bar-track: var(--digit-recognizer-bar-track, #3a404a);
      --_error: var(--digit-recognizer-error, #ffb4ab);
      --_uncertain: var(--digit-recognizer-uncertain, #ffd08a);
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  p {
    margin: 0;
  }

  .base {
    display: grid;
    gap: 1rem;
    padding: 1rem;
  }

  .label {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    color: inherit;
  }

  button:focus-visible,
  .pad:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .button {
    padding: 0.5rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }

  /* Loading and model errors */
  .model-status {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--_muted);
  }

  progress {
    flex: 1 1 auto;
    max-width: 16rem;
    accent-color: var(--_accent);
  }

  .error {
    color: var(--_error);
    font-weight: 500;
  }

  .model-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }

  /* Intake */
  .intake {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: stretch;
  }

  .dropzone {
    flex: 1 1 16rem;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    min-height: 10rem;
    padding: 1.5rem 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    text-align: center;
    cursor: pointer;
    transition:
      border-color 0.15s ease,
      background-color 0.15s ease;
  }

  .dropzone:hover:not(:disabled),
  .dragging .dropzone {
    border-color: var(--_accent);
  }

  .dragging .dropzone {
    border-style: solid;
  }

  .input-button {
    padding: 0.4rem 1rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }

  .file-input {
    display: none;
  }

  .pad-area {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
  }

  .pad-label {
    color: var(--_muted);
  }

  .pad {
    display: block;
    width: var(--_pad-size);
    max-width: 100%;
    aspect-ratio: 1;
    height: auto;
    background: #ffffff;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    touch-action: none;
    cursor: crosshair;
    user-select: none;
    -webkit-user-select: none;
  }

  /* The wide pad of mode="number": twice as wide, 3:1. */
  .number-mode .pad-area {
    flex: 1 1 20rem;
    min-width: 0;
  }

  .pad.wide {
    width: calc(var(--_pad-size) * 2);
    aspect-ratio: 3;
  }

  .disabled .pad {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .notice {
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Every style of the element: base and intake, result cards, the camera. */
export const styles = [baseStyles, cardStyles, cameraStyles];
