/**
 * The public surface of `<digit-recognizer>` that a page sets: its attributes and properties,
 * its styles with their custom properties and parts; and the values the element derives from
 * them (an unknown mode is `both`, labels that follow the mode, disabled by itself
 * or by its `<fieldset>`). The element class extends this one and wires its controllers.
 */
import { LitElement } from 'lit';
import { styles } from './digit-recognizer.styles.js';
import { property, state } from 'lit/decorators.js';
import type { ShowProbabilities } from './card-view.js';
import {
  DEFAULT_DRAW_DEBOUNCE,
  DEFAULT_MAX_FILES,
  DEFAULT_UNCERTAIN_BELOW,
  modeOf,
  type DigitRecognizerMode,
} from './element-options.js';
import { defaultLabels, mergeMessages } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';

/**
 * The attributes and properties of `<digit-recognizer>`, and its styling hooks; see
 * `DigitRecognizerElement`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart label - The heading.
 * @csspart progress - The `<progress>` shown while the model loads.
 * @csspart status - The model's loading status line.
 * @csspart error - An error message (the model's, or a card's).
 * @csspart retry-button - The button that retries loading the model.
 * @csspart dropzone - The drop zone, a button that opens the file picker.
 * @csspart input-button - The "Choose a photo" pill inside the drop zone.
 * @csspart pad - The drawing canvas.
 * @csspart clear-button - The button that clears the drawing pad.
 * @csspart notice - A polite message, e.g. when files were left out.
 * @csspart cards - The list of result cards.
 * @csspart card - One result card.
 * @csspart preview - The image preview of a card.
 * @csspart model-input - The 28×28 "what the model sees" picture (with `show-model-input`).
 * @csspart digit - The recognized digit.
 * @csspart not-a-digit - "This doesn't look like a digit", shown instead of a digit when the image is not one (with a model that has a "not a digit" output).
 * @csspart number - The number read (`mode="number"`).
 * @csspart digit-box - The outline of one digit found, over the preview (`mode="number"`).
 * @csspart surface - The outline of the note, card or screen the digit was found on, over the
 * preview, when the image is a scene (an SVG whose `polygon` can be styled).
 * @csspart confidence - The confidence line.
 * @csspart uncertain - The "Not sure" label of an uncertain result.
 * @csspart bars - The list of probability bars.
 * @csspart bar - One probability bar.
 * @csspart remove-button - The button that removes a card.
 * @csspart camera-button - The button that starts (and stops) the camera (with `camera`).
 * @csspart camera - The live camera panel: the preview and the capture button.
 * @csspart camera-video - The live preview (`<video>`).
 * @csspart camera-guide - The guide box over the preview (an SVG `rect`).
 * @csspart camera-reading - The steady reading (or the hint) over the preview.
 * @csspart capture-button - The button that keeps the current frame as a result card.
 * @csspart stop-camera-button - The button under the preview that stops the camera.
 *
 * @cssprop [--digit-recognizer-font=system-ui, sans-serif] - Font family.
 * @cssprop [--digit-recognizer-background=#ffffff] - Background of the element (dark scheme: #16181d).
 * @cssprop [--digit-recognizer-foreground=#1b1d21] - Text color (dark scheme: #eceff4).
 * @cssprop [--digit-recognizer-muted=#545a63] - Secondary text color (dark scheme: #b9bfc9).
 * @cssprop [--digit-recognizer-surface=#f4f6f9] - Background of cards and the drop zone (dark scheme: #22262d).
 * @cssprop [--digit-recognizer-border=#8a929e] - Border color (dark scheme: #6b7380).
 * @cssprop [--digit-recognizer-radius=12px] - Corner radius.
 * @cssprop [--digit-recognizer-accent=#0b57d0] - Accent color of buttons, focus and highlights (dark scheme: #a8c7fa).
 * @cssprop [--digit-recognizer-accent-foreground=#ffffff] - Text on the accent color (dark scheme: #062e6f).
 * @cssprop [--digit-recognizer-bar-color=var(--digit-recognizer-accent)] - Fill of probability bars.
 * @cssprop [--digit-recognizer-bar-track=#dde2e9] - Track of probability bars (dark scheme: #3a404a).
 * @cssprop [--digit-recognizer-error=#b3261e] - Error text and border (dark scheme: #ffb4ab).
 * @cssprop [--digit-recognizer-uncertain=#8a5300] - Color of uncertain results (dark scheme: #ffd08a).
 * @cssprop [--digit-recognizer-focus-ring=var(--digit-recognizer-accent)] - Color of the keyboard focus outline.
 * @cssprop [--digit-recognizer-pad-size=280px] - Width (and height) of the drawing pad; the wide pad of `mode="number"` is twice as wide and 2/3 as high.
 * @cssprop [--digit-recognizer-card-min-width=180px] - Smallest width of a result card in the grid.
 */
export class DigitRecognizerProperties extends LitElement {
  /** The element's shadow styles; theme them with the `--digit-recognizer-*` properties and `::part()`. */
  static override styles = styles;

  /** Focus goes to the first focusable control inside (the drop zone). */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /**
   * Intake offered: `upload` (picker, drop, paste), `draw` (drawing pad) or `both`, each reading
   * one digit per image; or `number`, reading a whole number per image (picker, drop, paste or a
   * wide drawing pad).
   */
  @property({ attribute: 'mode', reflect: true }) mode: DigitRecognizerMode = 'both';

  /** Allows several images, each with its own result card; without it a new image replaces the old one. */
  @property({ attribute: 'multiple', type: Boolean, reflect: true }) multiple = false;

  /** Most images kept at once when `multiple` is set; extra files are left out with a polite message. */
  @property({ attribute: 'max-files', type: Number }) maxFiles = DEFAULT_MAX_FILES;

  /** URL of the model's `model.json`; default: the model shipped with the package (see `setAssetPath()`). */
  @property({ attribute: 'model-url' }) modelUrl: string | null | undefined = undefined;

  /** Probability bars shown per result: `top3`, `all` ten digits, or `none`. */
  @property({ attribute: 'show-probabilities' }) showProbabilities: ShowProbabilities = 'top3';

  /** Shows "what the model sees": the 28×28 input, scaled up. */
  @property({ attribute: 'show-model-input', type: Boolean }) showModelInput = false;

  /** Confidence below which a result is shown as uncertain (0–1). */
  @property({ attribute: 'uncertain-below', type: Number }) uncertainBelow = DEFAULT_UNCERTAIN_BELOW;

  /** Milliseconds after the last stroke before a drawing is recognized. */
  @property({ attribute: 'draw-debounce', type: Number }) drawDebounce = DEFAULT_DRAW_DEBOUNCE;

  /** Name under which the form submits the value. */
  @property({ attribute: 'name', reflect: true }) name = '';

  /** Disables every intake (picker, drop, paste, drawing) and the buttons. */
  @property({ attribute: 'disabled', type: Boolean, reflect: true }) disabled = false;

  /** Heading text. */
  @property({ attribute: 'label' }) label: string = defaultLabels.label;

  /** Prompt of the drop zone (also the empty state). */
  @property({ attribute: 'drop-label' }) dropLabel: string = defaultLabels.dropLabel;

  /** Label of the drawing pad. */
  @property({ attribute: 'draw-label' }) drawLabel: string = defaultLabels.drawLabel;

  /** Text of the button that clears the drawing pad. */
  @property({ attribute: 'clear-label' }) clearLabel: string = defaultLabels.clearLabel;

  /** Label shown on results the model isn't sure about. */
  @property({ attribute: 'uncertain-label' }) uncertainLabel: string = defaultLabels.uncertainLabel;

  /**
   * Offers a camera button next to the other intakes: a live preview with a guide box, read frame
   * after frame; "Keep this" turns the frame into a result card. Pages must be secure (https).
   */
  @property({ attribute: 'camera', type: Boolean, reflect: true }) camera = false;

  /** Replaces any of the other texts (messages, error texts), e.g. to translate them. */
  @property({ attribute: false }) messages: Partial<DigitRecognizerMessages> = {};

  protected get _messages(): DigitRecognizerMessages {
    return mergeMessages(this.messages);
  }

  protected get _isDisabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  protected get _mode(): DigitRecognizerMode {
    return modeOf(this.mode);
  }

  /** The drop zone's prompt: about a number in `mode="number"`, unless `drop-label` was set. */
  protected get _dropLabel(): string {
    if (this._mode === 'number' && this.dropLabel === defaultLabels.dropLabel) return this._messages.numberDropLabel;
    return this.dropLabel;
  }

  /** The pad's label: about a number in `mode="number"`, unless `draw-label` was set. */
  protected get _drawLabel(): string {
    if (this._mode === 'number' && this.drawLabel === defaultLabels.drawLabel) return this._messages.numberDrawLabel;
    return this.drawLabel;
  }

  protected get _modelKey(): string {
    return this.modelUrl ? String(this.modelUrl) : '';
  }
  /** Set by a surrounding `<fieldset disabled>`. */
  @state() protected _formDisabled = false;
}
