import { css } from 'lit';

/**
 * Styles of `<digit-recognizer>`'s result cards: the grid, a card's preview (with the surface's
 * outline and the digits' boxes), the digit or number read, its confidence and probability bars.
 * They use the private `--_*` properties that the element's base styles set.
 */
export const cardStyles = css`
  /* Results */
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: 0.75rem;
    align-content: start;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .card[data-state='error'] {
    border-color: var(--_error);
  }

  .media {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }

  .preview {
    display: block;
    min-width: 0;
    max-width: 100%;
    max-height: 8rem;
    object-fit: contain;
    border-radius: calc(var(--_radius) / 2);
    background: #ffffff;
  }

  /* mode="number": the preview with the outlines of the digits found over it. */
  .number-mode .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, calc(var(--_card-min) * 1.5)), 1fr));
  }

  .preview-frame {
    position: relative;
    display: inline-block;
    min-width: 0;
    max-width: 100%;
    line-height: 0;
  }

  .preview-frame .preview {
    max-height: 10rem;
  }

  .drawing-preview {
    width: 100%;
    height: auto;
    border: 1px solid var(--_border);
  }

  .surface {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }

  .surface polygon {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 6 4;
    vector-effect: non-scaling-stroke;
  }

  .digit-boxes {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }

  .digit-box {
    position: absolute;
    border: 2px solid var(--_accent);
    border-radius: 3px;
  }

  .digit-box.uncertain {
    border-color: var(--_uncertain);
    border-style: dashed;
  }

  /* Just above the outline, so it never hides the digit. */
  .digit-box-label {
    position: absolute;
    bottom: 100%;
    left: -2px;
    padding: 0 0.25em;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.3;
  }

  .digit-box.uncertain .digit-box-label {
    background: var(--_uncertain);
    color: var(--_bg);
  }

  .model-input {
    flex: none;
    width: 84px;
    height: 84px;
    image-rendering: pixelated;
    border: 1px solid var(--_border);
    background: #000000;
  }

  .card-body {
    display: grid;
    gap: 0.5rem;
  }

  .card-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .file-name {
    min-width: 0;
    padding-top: 0.25rem;
    color: var(--_muted);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .pending {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_muted);
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--_bar-track);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  .result {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .digit {
    font-size: 3.5rem;
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }

  .number-result {
    flex-wrap: wrap;
  }

  .number {
    min-width: 0;
    font-size: 2.75rem;
    font-weight: 700;
    line-height: 1.1;
    letter-spacing: 0.05em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .uncertain .digit,
  .uncertain .number,
  .uncertain-label {
    color: var(--_uncertain);
  }

  .uncertain-label {
    font-weight: 600;
  }

  .confidence {
    color: var(--_muted);
  }

  .no-digit {
    color: var(--_uncertain);
    font-weight: 600;
  }

  .bars {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .bar {
    display: grid;
    grid-template-columns: 1ch 1fr 4ch;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  .bar-track {
    display: block;
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_bar-track);
    overflow: hidden;
  }

  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_bar);
    transition: width 0.3s ease;
  }

  .bar-value {
    text-align: end;
    color: var(--_muted);
  }

  .remove {
    flex: none;
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    font-size: 1.25rem;
    line-height: 1;
    cursor: pointer;
  }

  .remove:hover {
    border-color: var(--_border);
    color: var(--_fg);
  }
`;
