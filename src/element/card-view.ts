/**
 * How a result card looks: its preview (with the note's outline and, for numbers, a box per
 * digit), the digit or number read, its confidence and probability bars, or why there is none.
 * Pure rendering: the element passes what the card needs to know in a {@link CardView}.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { DigitRecognizerError, NumberReading, Prediction } from '../index.js';
import { cardState, type Card } from './card.js';
import { format, percent } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';

/** How many probabilities each result card shows as bars. */
export type ShowProbabilities = 'top3' | 'all' | 'none';

/** What the element tells each card: its texts, its settings, and its event handlers. */
export interface CardView {
  messages: DigitRecognizerMessages;
  numberMode: boolean;
  showModelInput: boolean;
  showProbabilities: ShowProbabilities;
  uncertainLabel: string;
  /** False while the model loads: a waiting card says it is waiting, not reading. */
  modelReady: boolean;
  errorText: (error: DigitRecognizerError) => string;
  onRemoveClick: (event: Event) => void;
  onPreviewLoad: (event: Event) => void;
  onPreviewError: (event: Event) => void;
}

/** The 28×28 "what the model sees" canvas. */
const MODEL_SIZE = 28;

/** `part / whole` as a CSS percentage. */
function share(part: number, whole: number): string {
  return `${(part / whole) * 100}%`;
}

export function renderCard(card: Card, view: CardView): TemplateResult {
  const messages = view.messages;
  const state = cardState(card);
  const showInput = view.showModelInput && card.preprocessed !== null;
  const showPreview = card.url !== null && !card.previewFailed;
  const numberMode = view.numberMode;
  const showDrawing = numberMode && card.kind === 'drawing' && card.size !== null;
  return html`
    <li
      part="card"
      class="card"
      data-state=${state}
      data-kind=${card.kind}
      aria-busy=${card.status === 'pending' ? 'true' : 'false'}
    >
      <div class="card-header">
        <p class="file-name">${card.name}</p>
        <button
          part="remove-button"
          class="remove"
          type="button"
          data-card=${card.id}
          aria-label=${format(messages.remove, { name: card.name })}
          @click=${view.onRemoveClick}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${
        numberMode && (showPreview || showDrawing)
          ? html`<div class="media">
              <div class="preview-frame">
                ${
                  showPreview
                    ? renderPreviewImage(card, true, view)
                    : html`<canvas
                        part="preview"
                        class="preview drawing-preview"
                        width=${card.size!.width}
                        height=${card.size!.height}
                        data-card=${card.id}
                        role="img"
                        aria-label=${format(messages.previewAlt, { name: card.name })}
                      ></canvas>`
                }
                ${renderSurface(card)} ${renderDigitBoxes(card)}
              </div>
            </div>`
          : nothing
      }
      ${
        !numberMode && (showPreview || showInput)
          ? html`<div class="media">
              ${
                showPreview
                  ? card.preprocessed?.surface
                    ? html`<div class="preview-frame">
                        ${renderPreviewImage(card, false, view)} ${renderSurface(card)}
                      </div>`
                    : renderPreviewImage(card, false, view)
                  : nothing
              }
              ${
                showInput
                  ? html`<canvas
                      part="model-input"
                      class="model-input"
                      width=${MODEL_SIZE}
                      height=${MODEL_SIZE}
                      data-card=${card.id}
                      role="img"
                      aria-label=${messages.modelInputLabel}
                    ></canvas>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="card-body">${renderCardContent(card, view)}</div>
    </li>
  `;
}

/** The card's image; `measure` reads its natural size when it loads (for the digit boxes). */
function renderPreviewImage(card: Card, measure: boolean, view: CardView): TemplateResult {
  return html`<img
    part="preview"
    class="preview"
    decoding="async"
    src=${card.url!}
    alt=${format(view.messages.previewAlt, { name: card.name })}
    data-card=${card.id}
    @load=${measure ? view.onPreviewLoad : undefined}
    @error=${view.onPreviewError}
  />`;
}

function renderCardContent(card: Card, view: CardView): TemplateResult {
  const messages = view.messages;
  switch (card.status) {
    case 'pending': {
      const waiting = !view.modelReady;
      return html`<p class="pending">
        <span class="spinner" aria-hidden="true"></span>${waiting ? messages.waiting : messages.classifying}
      </p>`;
    }
    case 'empty':
      return html`<p class="no-digit">${messages.noDigit}</p>`;
    case 'error':
      return html`<p part="error" class="error" role="alert">
        ${card.error ? view.errorText(card.error) : messages.unknownError}
      </p>`;
    case 'complete':
      if (card.reading) return renderReading(card.reading, view);
      return card.prediction ? renderPrediction(card.prediction, view) : html``;
  }
}

/** "Not sure" when the result is uncertain, and the confidence line, of a digit or a number. */
function renderResultText(result: { uncertain: boolean; confidence: number }, view: CardView): TemplateResult {
  return html`<div class="result-text">
    ${result.uncertain ? html`<p part="uncertain" class="uncertain-label">${view.uncertainLabel}</p>` : nothing}
    <p part="confidence" class="confidence">
      ${format(view.messages.confidence, { percent: percent(result.confidence) })}
    </p>
  </div>`;
}

/** The number read, large, with the overall confidence (`mode="number"`). */
function renderReading(reading: NumberReading, view: CardView): TemplateResult {
  return html`
    <div class=${classMap({ result: true, 'number-result': true, uncertain: reading.uncertain })}>
      <p part="number" class="number">${reading.text}</p>
      ${renderResultText(reading, view)}
    </div>
  `;
}

/**
 * Outlines of the digits found, over the preview: input pixels become percentages of the
 * input's size, so they follow the preview whatever size it is shown at. Decorative: the number
 * is in the text.
 */
function renderDigitBoxes(card: Card): TemplateResult | typeof nothing {
  const reading = card.status === 'complete' ? card.reading : null;
  const size = card.size;
  if (!reading || !size || size.width <= 0 || size.height <= 0) return nothing;
  return html`<div class="digit-boxes" aria-hidden="true">
    ${reading.digits.map(
      (digit) =>
        html`<span
          part="digit-box"
          class=${classMap({ 'digit-box': true, uncertain: digit.uncertain })}
          data-digit=${digit.digit}
          style=${styleMap({
            left: share(digit.box.x, size.width),
            top: share(digit.box.y, size.height),
            width: share(digit.box.width, size.width),
            height: share(digit.box.height, size.height),
          })}
          ><span class="digit-box-label">${digit.digit}</span></span
        >`,
    )}
  </div>`;
}

/**
 * The outline of the note, card or screen the digits were found on, over the preview, when the
 * image was a scene: it shows that the library looked inside the note, not at its edge.
 */
function renderSurface(card: Card): TemplateResult | typeof nothing {
  if (card.status !== 'complete') return nothing;
  const pre = card.preprocessed;
  const surface = card.reading?.surface ?? pre?.surface;
  const width = card.size?.width ?? pre?.sourceWidth ?? 0;
  const height = card.size?.height ?? pre?.sourceHeight ?? 0;
  if (!surface || width <= 0 || height <= 0) return nothing;
  return html`<svg
    part="surface"
    class="surface"
    viewBox=${`0 0 ${width} ${height}`}
    preserveAspectRatio="none"
    aria-hidden="true"
  >
    <polygon points=${surface.corners.map((p) => `${p.x},${p.y}`).join(' ')}></polygon>
  </svg>`;
}

function renderPrediction(prediction: Prediction, view: CardView): TemplateResult {
  if (prediction.reason === 'not-a-digit') {
    return html`<p part="not-a-digit" class="no-digit not-a-digit">${view.messages.notADigit}</p>`;
  }
  return html`
    <div class=${classMap({ result: true, uncertain: prediction.uncertain })}>
      <p part="digit" class="digit">${prediction.digit}</p>
      ${renderResultText(prediction, view)}
    </div>
    ${renderBars(prediction, view)}
  `;
}

function renderBars(prediction: Prediction, view: CardView): TemplateResult | typeof nothing {
  const show = view.showProbabilities;
  if (show === 'none') return nothing;
  let entries = prediction.probabilities.map((probability, digit) => ({ digit, probability }));
  if (show === 'top3') {
    entries = [...entries].sort((a, b) => b.probability - a.probability).slice(0, 3);
  }
  return html`<ul part="bars" class="bars" role="list" aria-label=${view.messages.probabilitiesLabel}>
    ${entries.map(
      ({ digit, probability }) =>
        html`<li class="bar-row">
          <div part="bar" class="bar" role="img" aria-label=${`${digit}: ${percent(probability)}`}>
            <span class="bar-digit">${digit}</span>
            <span class="bar-track"
              ><span
                class="bar-fill"
                style=${styleMap({ width: `${Math.max(0, Math.min(1, probability)) * 100}%` })}
              ></span
            ></span>
            <span class="bar-value">${percent(probability)}</span>
          </div>
        </li>`,
    )}
  </ul>`;
}
