/**
 * How `<digit-recognizer>` looks as a whole: its label, the model's status, the intakes, the
 * live camera, a notice, the result cards and the screen-reader announcement. The element
 * computes what goes in; each part renders itself (intake-view, camera-view, card-view).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Card } from './card.js';
import { renderCard, type CardView } from './card-view.js';
import type { DigitRecognizerState } from './cards-controller.js';
import { renderCamera } from './camera-view.js';
import { renderIntake } from './intake-view.js';

/** Everything the element's template needs. */
export interface ElementView {
  state: DigitRecognizerState;
  numberMode: boolean;
  disabled: boolean;
  dragging: boolean;
  label: string;
  modelStatus: TemplateResult | typeof nothing;
  intake: Parameters<typeof renderIntake>[0];
  camera: Parameters<typeof renderCamera>[0];
  notice: string;
  cards: readonly Card[];
  cardView: CardView;
  resultsLabel: string;
  announcement: string;
}

export function renderElement(view: ElementView): TemplateResult {
  const { cards, disabled } = view;
  return html`
    <section
      part="base"
      class=${classMap({ base: true, dragging: view.dragging, disabled, 'number-mode': view.numberMode })}
      aria-labelledby="label"
      data-state=${view.state}
    >
      <h2 id="label" part="label" class="label">${view.label}</h2>
      ${view.modelStatus} ${renderIntake(view.intake)} ${renderCamera(view.camera)}
      ${view.notice ? html`<p part="notice" class="notice">${view.notice}</p>` : nothing}
      ${
        cards.length > 0
          ? html`<ul part="cards" class="cards" role="list" aria-label=${view.resultsLabel}>
              ${repeat(
                cards,
                (card) => card.id,
                (card) => renderCard(card, view.cardView),
              )}
            </ul>`
          : nothing
      }
      <div class="visually-hidden" aria-live="polite">${view.announcement}</div>
    </section>
  `;
}
