import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';

import type { DigitRecognizerError } from '../index.js';
import type { Classifier, DigitRecognizerErrorCode } from '../index.js';
import { isMisplacedModel } from '../classify/model-loader.js';
import { pendingCard, type Card } from './card.js';
import { copyReading, readCard, rejudgeCard, toDigitError, type CardOutcome } from './card-reading.js';
import { CardCanvasPainter } from './card-canvases.js';
import { renderCard, type CardView, type ShowProbabilities } from './card-view.js';
import { DrawingPad } from './drawing-pad.js';
import { IntakeController } from './intake-controller.js';
import { ModelController } from './model-controller.js';
import { DigitClearEvent, DigitErrorEvent, DigitNumberEvent, DigitPredictionEvent } from './events.js';
import type { DigitResult, NumberResult } from './events.js';
import { defaultLabels, format, mergeMessages, percent } from './messages.js';
import type { DigitRecognizerMessages } from './messages.js';
import { styles } from './digit-recognizer.styles.js';

/**
 * What the element reads and how images come in:
 * - `upload`: one digit per image, from the picker, drop or paste;
 * - `draw`: one digit, from the drawing pad;
 * - `both`: one digit, from either;
 * - `number`: a whole number per image (a postal code, a meter reading), read digit by digit
 *   with `readNumber()`, from the picker, drop, paste or a wide drawing pad.
 */
export type DigitRecognizerMode = 'upload' | 'draw' | 'both' | 'number';

/**
 * What the element as a whole is doing:
 * - `loading`: the model is downloading;
 * - `classifying`: at least one image is being read;
 * - `result`: every image has an answer (a digit, an uncertain guess or "no digit found");
 * - `error`: the model failed to load, or every image failed;
 * - `empty`: nothing to show yet.
 */
export type DigitRecognizerState = 'loading' | 'classifying' | 'result' | 'error' | 'empty';

const PAD_SIZE = 280;
/** The wide pad of `mode="number"`, in canvas pixels (strokes are 1/12 of its height). */
const NUMBER_PAD_WIDTH = 600;
const NUMBER_PAD_HEIGHT = 200;
const DEFAULT_MAX_FILES = 12;
const DEFAULT_UNCERTAIN_BELOW = 0.7;
const DEFAULT_DRAW_DEBOUNCE = 300;
const MODEL_ERROR_CODES: ReadonlySet<DigitRecognizerErrorCode> = new Set([
  'MODEL_LOAD_FAILED',
  'BACKEND_UNAVAILABLE',
  'DISPOSED',
]);

/**
 * Reads handwritten digits from photos, pasted images and drawings, in the browser and offline.
 *
 * Images come in through a file picker (which offers the camera on phones), drag and drop onto the
 * element, paste (Ctrl/Cmd+V while focus is inside the element, or while the pointer is over it and
 * focus is not in a text field), or the drawing pad (mouse, pen or touch; recognized about 300 ms
 * after the last stroke). Each image gets a result card with a preview, the digit, its confidence
 * and probability bars. Images never leave the page.
 *
 * It is a form field: inside a `<form>` it submits, under its `name`, the recognized digit, or all
 * recognized digits in order ("372"). Uncertain results count (they are the best guess); cards
 * without a digit or with an error do not.
 *
 * With `mode="number"` each image holds a whole number (a postal code, a meter reading), read
 * digit by digit with `readNumber()`. Images come from the picker, drop or paste, or are written on
 * a wide drawing pad. Each card shows the number, large, with the overall confidence (the chance
 * that every digit is right) and "Not sure" when any digit is uncertain; over the preview, an
 * outline labelled with its digit marks where each digit was found. The form value is the number
 * ("02139"); with `multiple`, the numbers of all cards in order, separated by a space
 * ("02139 4071"). `number` events fire instead of `prediction`; `show-probabilities` and
 * `show-model-input` don't apply.
 *
 * Register it with `import 'digit-recognizer/element'` (as `<digit-recognizer>`), or call
 * `DigitRecognizerElement.define('my-tag')`.
 *
 * @example
 * ```html
 * <form action="/claims">
 *   <digit-recognizer name="digit" multiple max-files="6" show-model-input></digit-recognizer>
 *   <button>Send</button>
 * </form>
 * ```
 *
 * @tagname digit-recognizer
 * @summary Recognizes a handwritten digit in a photo, a pasted image or a drawing.
 *
 * @fires {DigitPredictionEvent} prediction - Once per recognized image (not in `mode="number"`). `detail`: `{ digit, confidence, probabilities, uncertain, file }` (`file` is `null` for a drawing).
 * @fires {DigitNumberEvent} number - Once per number read in `mode="number"`. `detail`: `{ reading, file }`, where `reading` is the `NumberReading` of `readNumber()` (`text`, `digits` with their boxes in the image's pixels, `confidence`, `uncertain`) and `file` is `null` for a drawing.
 * @fires {DigitErrorEvent} digit-error - An image couldn't be read, held no digit (`EMPTY_IMAGE`), or the model failed to load. `detail`: `{ error: DigitRecognizerError, file }`.
 * @fires {DigitClearEvent} digit-clear - The user cleared the drawing pad.
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
 * @csspart number - The number read (`mode="number"`).
 * @csspart digit-box - The outline of one digit found, over the preview (`mode="number"`).
 * @csspart surface - The outline of the note, card or screen the digit was found on, over the
 * preview, when the image is a scene (an SVG whose `polygon` can be styled).
 * @csspart confidence - The confidence line.
 * @csspart uncertain - The "Not sure" label of an uncertain result.
 * @csspart bars - The list of probability bars.
 * @csspart bar - One probability bar.
 * @csspart remove-button - The button that removes a card.
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
export class DigitRecognizerElement extends LitElement {
  /** The element's shadow styles; theme them with the `--digit-recognizer-*` properties and `::part()`. */
  static override styles = styles;

  /** Focus goes to the first focusable control inside (the drop zone). */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** Takes part in forms: its value is the recognized digits. */
  static formAssociated = true;

  /**
   * Registers the element under `tag` in `registry`. Calling it again is harmless: a tag that is
   * already defined is left as it is. Returns the class registered under `tag`.
   */
  static define(tag = 'digit-recognizer', registry: CustomElementRegistry = customElements): CustomElementConstructor {
    const existing = registry.get(tag);
    if (existing) return existing;
    try {
      registry.define(tag, this);
      return this;
    } catch (error) {
      // A class can be registered under one name only: give the other tag a subclass.
      if (error instanceof DOMException && error.name === 'NotSupportedError') {
        const Subclass = class extends this {};
        registry.define(tag, Subclass);
        return Subclass;
      }
      throw error;
    }
  }

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

  /** Replaces any of the other texts (messages, error texts), e.g. to translate them. */
  @property({ attribute: false }) messages: Partial<DigitRecognizerMessages> = {};

  @state() private _cards: Card[] = [];
  @state() private _announcement = '';
  @state() private _notice = '';
  @state() private _formDisabled = false;
  @state() private _padHasInk = false;

  @query('input[type="file"]') private _fileInput!: HTMLInputElement | null;
  @query('canvas.pad') private _padCanvas!: HTMLCanvasElement | null;

  private readonly _internals: ElementInternals;
  private readonly _pad = new DrawingPad({
    onStrokeStart: () => this._onStrokeStart(),
    onStrokeEnd: () => this._onStrokeEnd(),
  });
  private readonly _intake = new IntakeController(this, {
    accepts: () => this._acceptsFiles(),
    add: (files) => this.addFiles(files),
  });
  private readonly _model = new ModelController(this, {
    onReady: () => {
      // Cards that failed only because the model was missing get another go.
      for (const card of this._cards) {
        if (card.status === 'error' && card.error && MODEL_ERROR_CODES.has(card.error.code)) void this._runCard(card);
      }
    },
    onError: (error) => {
      this._announcement = this._errorText(error);
      this.dispatchEvent(new DigitErrorEvent({ error, file: null }));
    },
  });
  private _drawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _canvases = new CardCanvasPainter();
  private _formValue: string | null = null;

  constructor() {
    super();
    this._internals = this.attachInternals();
  }

  /**
   * The recognized digit, or the recognized digits in order ("372"); `''` when there is none. In
   * `mode="number"`: the number read ("02139"), or the numbers in order separated by a space.
   */
  get value(): string {
    if (this._mode === 'number') return this.readings.map((result) => result.reading.text).join(' ');
    return this.results.map((result) => String(result.digit)).join('');
  }

  /** The numbers read in `mode="number"`, in order: the reading and the file. */
  get readings(): NumberResult[] {
    const readings: NumberResult[] = [];
    for (const card of this._cards) {
      if (card.status !== 'complete' || !card.reading) continue;
      readings.push({ reading: copyReading(card.reading), file: card.file });
    }
    return readings;
  }

  /**
   * The recognized images, in order: digit, confidence, probabilities, uncertain and file. Empty in
   * `mode="number"` (see {@link readings}).
   */
  get results(): DigitResult[] {
    const results: DigitResult[] = [];
    for (const card of this._cards) {
      if (card.status !== 'complete' || !card.prediction) continue;
      results.push({
        digit: card.prediction.digit,
        confidence: card.prediction.confidence,
        probabilities: [...card.prediction.probabilities],
        uncertain: card.prediction.uncertain,
        file: card.file,
      });
    }
    return results;
  }

  /** What the element is doing now; see {@link DigitRecognizerState}. */
  get state(): DigitRecognizerState {
    if (this._model.state === 'error') return 'error';
    const pending = this._cards.some((card) => card.status === 'pending');
    if (this._model.state === 'loading' && (pending || this._cards.length === 0)) return 'loading';
    if (pending) return 'classifying';
    if (this._cards.length === 0) return 'empty';
    if (this._cards.every((card) => card.status === 'error')) return 'error';
    return 'result';
  }

  /** The associated form, as for native form controls. */
  get form(): HTMLFormElement | null {
    return this._internals.form;
  }

  /** Removes every image, drawing and result; aborts recognitions under way. */
  clear(): void {
    for (const card of this._cards) this._disposeCard(card);
    this._cards = [];
    this._clearPad();
    this._notice = '';
    this._announcement = '';
    this._syncFormValue();
  }

  /**
   * Adds images to recognize, as if the user had chosen them. Without `multiple` only the first is
   * used and it replaces what was there; with it, at most `max-files` images are kept.
   */
  addFiles(files: Iterable<File | Blob>): void {
    let list = Array.from(files).filter((file): file is Blob => file instanceof Blob);
    if (list.length === 0) return;
    const messages = this._messages;
    let notice = '';
    if (!this.multiple) {
      if (list.length > 1) notice = messages.onlyOneFile;
      list = list.slice(0, 1);
      for (const card of this._cards) this._disposeCard(card);
      this._cards = [];
      this._clearPad();
    } else {
      const max = this._maxFiles;
      const room = Math.max(0, max - this._cards.filter((card) => card.kind === 'file').length);
      if (list.length > room) {
        notice = format(messages.tooManyFiles, { max, count: list.length - room });
        list = list.slice(0, room);
      }
    }
    this._notice = notice;
    if (notice) this._announcement = notice;
    const added: Card[] = list.map((blob) => {
      const file =
        blob instanceof File
          ? blob
          : new File([blob], messages.unnamedImage, { type: blob.type, lastModified: Date.now() });
      return pendingCard({
        kind: 'file',
        file,
        name: file.name || messages.unnamedImage,
        input: file,
        url: this.isConnected ? URL.createObjectURL(file) : null,
      });
    });
    if (added.length === 0) {
      this._syncFormValue();
      return;
    }
    this._cards = [...this._cards, ...added];
    for (const card of added) void this._runCard(card);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      // Reconnected: bring back previews and finish what disconnecting aborted.
      for (const card of this._cards) {
        if (!card.url && card.kind === 'file' && card.file) card.url = URL.createObjectURL(card.file);
      }
      if (this._model.state === 'loading') this._model.load(this._modelKey);
      for (const card of this._cards) if (card.status === 'pending') void this._runCard(card);
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._drawTimer);
    for (const card of this._cards) {
      card.controller?.abort();
      card.controller = null;
      if (card.url) URL.revokeObjectURL(card.url);
      card.url = null;
    }
  }

  /** Called by the form when it resets: removes every result. */
  formResetCallback(): void {
    this.clear();
  }

  /** Called when a surrounding `<fieldset disabled>` changes. */
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = this._modelKey;
    if (this.isConnected && this._model.isStale(key)) {
      const reload = this._model.started;
      this._model.load(key);
      if (reload) this._rerunAll();
    } else if (this.hasUpdated && changed.has('uncertainBelow')) {
      for (const card of this._cards) void this._rejudge(card);
    }
    if (changed.has('mode')) {
      const wasNumber = changed.get('mode') === 'number';
      const isNumber = this._mode === 'number';
      if (this.hasUpdated && wasNumber !== isNumber) {
        // Digits and numbers are read differently, and the pad changes shape: start over.
        this._clearPad();
        this._rerunAll();
      } else if (this._mode === 'upload') {
        this._clearPad();
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const canvas = this._padCanvas;
    if (canvas) {
      if (this._pad.attach(canvas)) this._padHasInk = false;
    } else {
      this._pad.detach();
    }
    this._pad.disabled = this._isDisabled;
    this._canvases.paint(this.renderRoot, this._cards, { modelInputs: this.showModelInput });
    if (changed.has('name')) this._syncFormValue(true);
  }

  protected override render(): TemplateResult {
    const mode = this._mode;
    const disabled = this._isDisabled;
    const view = this._cardView;
    return html`
      <section
        part="base"
        class=${classMap({ base: true, dragging: this._intake.dragging, disabled, 'number-mode': mode === 'number' })}
        aria-labelledby="label"
        data-state=${this.state}
      >
        <h2 id="label" part="label" class="label">${this.label}</h2>
        ${this._renderModelStatus()}
        <div class="intake">
          ${mode !== 'draw' ? this._renderDropzone(disabled) : nothing}
          ${mode !== 'upload' ? this._renderPad(disabled) : nothing}
        </div>
        ${this._notice ? html`<p part="notice" class="notice">${this._notice}</p>` : nothing}
        ${
          this._cards.length > 0
            ? html`<ul part="cards" class="cards" role="list" aria-label=${this._messages.resultsLabel}>
                ${repeat(
                  this._cards,
                  (card) => card.id,
                  (card) => renderCard(card, view),
                )}
              </ul>`
            : nothing
        }
        <div class="visually-hidden" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  private _renderModelStatus(): TemplateResult | typeof nothing {
    const messages = this._messages;
    if (this._model.state === 'loading') {
      const progress = this._model.progress;
      const text = format(messages.loading, { percent: progress > 0 ? percent(progress) : '' }).trim();
      return html`<div part="status" class="model-status">
        <progress part="progress" max="1" value=${progress > 0 ? progress : nothing} aria-label=${text}></progress>
        <span>${text}</span>
      </div>`;
    }
    if (this._model.state === 'error' && this._model.error) {
      return html`<div part="error" class="error model-error" role="alert">
        <p>${this._errorText(this._model.error)}</p>
        <button part="retry-button" class="button" type="button" @click=${this._onRetryClick}>${messages.retry}</button>
      </div>`;
    }
    return nothing;
  }

  private _renderDropzone(disabled: boolean): TemplateResult {
    return html`
      <button part="dropzone" class="dropzone" type="button" ?disabled=${disabled} @click=${this._onDropzoneClick}>
        <span class="drop-label">${this._dropLabel}</span>
        <span part="input-button" class="input-button">${this._messages.chooseLabel}</span>
      </button>
      <input
        class="file-input"
        type="file"
        accept="image/*"
        tabindex="-1"
        aria-hidden="true"
        aria-label=${this._dropLabel}
        ?multiple=${this.multiple}
        ?disabled=${disabled}
        @change=${this._onInputChange}
      />
    `;
  }

  private _renderPad(disabled: boolean): TemplateResult {
    const wide = this._mode === 'number';
    // A new canvas when the shape changes: resizing one would wipe it to transparent black.
    return html`
      <div class="pad-area">
        <span id="pad-label" class="pad-label">${this._drawLabel}</span>
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
          ?disabled=${disabled}
          @click=${this._onClearClick}
        >
          ${this.clearLabel}
        </button>
      </div>
    `;
  }

  // ---- derived values ------------------------------------------------------------------------

  /** What every card needs from the element to render itself. */
  private get _cardView(): CardView {
    return {
      messages: this._messages,
      numberMode: this._mode === 'number',
      showModelInput: this.showModelInput,
      showProbabilities: this._showProbabilities,
      uncertainLabel: this.uncertainLabel,
      modelReady: this._model.state === 'ready',
      errorText: (error) => this._errorText(error),
      onRemoveClick: this._onRemoveClick,
      onPreviewLoad: this._onPreviewLoad,
      onPreviewError: this._onPreviewError,
    };
  }

  private get _messages(): DigitRecognizerMessages {
    return mergeMessages(this.messages);
  }

  private get _isDisabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  private get _mode(): DigitRecognizerMode {
    return this.mode === 'upload' || this.mode === 'draw' || this.mode === 'number' ? this.mode : 'both';
  }

  /** The drop zone's prompt: about a number in `mode="number"`, unless `drop-label` was set. */
  private get _dropLabel(): string {
    if (this._mode === 'number' && this.dropLabel === defaultLabels.dropLabel) return this._messages.numberDropLabel;
    return this.dropLabel;
  }

  /** The pad's label: about a number in `mode="number"`, unless `draw-label` was set. */
  private get _drawLabel(): string {
    if (this._mode === 'number' && this.drawLabel === defaultLabels.drawLabel) return this._messages.numberDrawLabel;
    return this.drawLabel;
  }

  private get _showProbabilities(): ShowProbabilities {
    const value = this.showProbabilities;
    return value === 'all' || value === 'none' ? value : 'top3';
  }

  private get _maxFiles(): number {
    const value = Number(this.maxFiles);
    return Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_MAX_FILES;
  }

  private get _uncertainBelow(): number {
    const value = Number(this.uncertainBelow);
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : DEFAULT_UNCERTAIN_BELOW;
  }

  private get _drawDebounce(): number {
    const value = Number(this.drawDebounce);
    return Number.isFinite(value) && value >= 0 ? value : DEFAULT_DRAW_DEBOUNCE;
  }

  private get _modelKey(): string {
    return this.modelUrl ? String(this.modelUrl) : '';
  }

  private _errorText(error: DigitRecognizerError): string {
    const messages = this._messages;
    if (error.code === 'MODEL_LOAD_FAILED' && isMisplacedModel(error)) return messages.modelMissing;
    return messages.errors[error.code] ?? messages.unknownError;
  }

  // ---- cards ---------------------------------------------------------------------------------

  /**
   * Recognizes one card. Each run has its own AbortController and number; a run whose card was
   * removed, re-run or disconnected meanwhile is dropped without painting or firing anything.
   */
  private async _runCard(card: Card): Promise<void> {
    card.controller?.abort();
    const controller = new AbortController();
    card.controller = controller;
    const run = ++card.run;
    card.status = 'pending';
    card.error = null;
    this._changed();
    const isCurrent = (): boolean => !controller.signal.aborted && card.run === run && this._cards.includes(card);

    let classifier: Classifier;
    try {
      classifier = await this._model.get(this._modelKey);
    } catch (reason) {
      if (!isCurrent()) return;
      // The model's own failure is reported once, by _loadModel.
      this._settle(card, 'error', { error: toDigitError(reason, 'MODEL_LOAD_FAILED') });
      return;
    }
    if (!isCurrent()) return;

    const outcome = await readCard(card, {
      classifier,
      number: this._mode === 'number',
      uncertainBelow: this._uncertainBelow,
      signal: controller.signal,
    });
    if (!isCurrent()) return;
    this._settle(card, outcome.status, outcome);
    this._report(card, outcome);
  }

  /** Announces a card's outcome to screen readers and fires its event. */
  private _report(card: Card, outcome: CardOutcome): void {
    const messages = this._messages;
    if (outcome.reading) {
      const { reading } = outcome;
      this._announcement = format(reading.uncertain ? messages.announceNumberUncertain : messages.announceNumber, {
        number: reading.text,
        percent: percent(reading.confidence),
        name: card.name,
      });
      this.dispatchEvent(new DigitNumberEvent({ reading: copyReading(reading), file: card.file }));
    } else if (outcome.prediction) {
      const { prediction } = outcome;
      this._announcement = format(prediction.uncertain ? messages.announceUncertain : messages.announceResult, {
        digit: prediction.digit,
        percent: percent(prediction.confidence),
        name: card.name,
      });
      this.dispatchEvent(
        new DigitPredictionEvent({
          digit: prediction.digit,
          confidence: prediction.confidence,
          probabilities: [...prediction.probabilities],
          uncertain: prediction.uncertain,
          file: card.file,
        }),
      );
    } else if (outcome.error) {
      const { error } = outcome;
      this._announcement =
        error.code === 'EMPTY_IMAGE'
          ? format(messages.announceNoDigit, { name: card.name })
          : `${card.name}: ${this._errorText(error)}`;
      this.dispatchEvent(new DigitErrorEvent({ error, file: card.file }));
    }
  }

  /** Ends a card's run with `status` and its outcome; every other outcome field is cleared. */
  private _settle(
    card: Card,
    status: Exclude<Card['status'], 'pending'>,
    outcome: Partial<Pick<Card, 'error' | 'prediction' | 'reading' | 'preprocessed'>>,
  ): void {
    card.controller = null;
    card.status = status;
    card.error = outcome.error ?? null;
    card.prediction = outcome.prediction ?? null;
    card.reading = outcome.reading ?? null;
    card.preprocessed = outcome.preprocessed ?? null;
    this._changed();
  }

  /**
   * Re-reads a finished card with the current `uncertain-below`, quietly: the result is updated,
   * no event fires. Dropped if the card is re-run or removed meanwhile.
   */
  private async _rejudge(card: Card): Promise<void> {
    if (card.status !== 'complete' || (!card.preprocessed && !card.reading) || !this._model.current) return;
    const run = card.run;
    const rejudge = ++card.rejudge;
    const isCurrent = (): boolean =>
      card.run === run && card.rejudge === rejudge && card.status === 'complete' && this._cards.includes(card);
    const classifier = await this._model.current.catch(() => null);
    if (!classifier) return;
    const judged = await rejudgeCard(card, classifier, this._uncertainBelow);
    if (!judged || !isCurrent()) return;
    if (judged.reading && card.reading) card.reading = judged.reading;
    else if (judged.prediction) card.prediction = judged.prediction;
    else return;
    this._changed();
  }

  private _rerunAll(): void {
    for (const card of this._cards) void this._runCard(card);
  }

  /** Aborts a card's run and frees its preview. */
  private _disposeCard(card: Card): void {
    card.controller?.abort();
    card.controller = null;
    card.run++;
    if (card.url) URL.revokeObjectURL(card.url);
    card.url = null;
  }

  private _removeCard(card: Card): void {
    if (!this._cards.includes(card)) return;
    this._disposeCard(card);
    this._cards = this._cards.filter((other) => other !== card);
    if (card.kind === 'drawing') {
      clearTimeout(this._drawTimer);
      this._pad.clear();
      this._padHasInk = false;
    }
    this._syncFormValue();
  }

  /** Call after mutating a card: re-renders and updates the form value. */
  private _changed(): void {
    this.requestUpdate();
    this._syncFormValue();
  }

  private _syncFormValue(force = false): void {
    const value = this.value;
    if (!force && value === this._formValue) return;
    this._formValue = value;
    this._internals.setFormValue(value);
  }

  // ---- drawing -------------------------------------------------------------------------------

  private _onStrokeStart(): void {
    clearTimeout(this._drawTimer);
    this._padHasInk = true;
    if (!this.multiple) {
      // A drawing replaces the image that was there.
      const files = this._cards.filter((card) => card.kind === 'file');
      if (files.length > 0) {
        for (const card of files) this._disposeCard(card);
        this._cards = this._cards.filter((card) => card.kind !== 'file');
        this._syncFormValue();
      }
    }
  }

  private _onStrokeEnd(): void {
    clearTimeout(this._drawTimer);
    this._drawTimer = setTimeout(() => this._recognizeDrawing(), this._drawDebounce);
  }

  private _recognizeDrawing(): void {
    if (!this.isConnected || !this._pad.hasInk || this._pad.drawing) return;
    const snapshot = this._pad.snapshot();
    if (!snapshot) return;
    let card = this._cards.find((c) => c.kind === 'drawing');
    if (!card) {
      const name = this._messages.drawingName;
      card = pendingCard({ kind: 'drawing', file: null, name, input: snapshot, url: null });
      if (!this.multiple) {
        for (const other of this._cards) this._disposeCard(other);
        this._cards = [card];
      } else {
        this._cards = [card, ...this._cards];
      }
    }
    card.input = snapshot;
    card.size = { width: snapshot.width, height: snapshot.height };
    void this._runCard(card);
  }

  /** Clears the pad and drops the drawing's card. */
  private _clearPad(): void {
    clearTimeout(this._drawTimer);
    this._pad.clear();
    this._padHasInk = false;
    const drawing = this._cards.find((card) => card.kind === 'drawing');
    if (drawing) {
      this._disposeCard(drawing);
      this._cards = this._cards.filter((card) => card !== drawing);
      this._syncFormValue();
    }
  }

  // ---- event handlers ------------------------------------------------------------------------

  private _onDropzoneClick(): void {
    if (this._isDisabled) return;
    this._fileInput?.click();
  }

  private _onInputChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Reset so choosing the same file again fires `change` again.
    input.value = '';
    if (this._isDisabled || files.length === 0) return;
    this.addFiles(files);
  }

  private _onClearClick(): void {
    if (this._isDisabled) return;
    this._clearPad();
    this._announcement = '';
    this.dispatchEvent(new DigitClearEvent());
  }

  private _onRemoveClick(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset['card'];
    const index = this._cards.findIndex((c) => String(c.id) === id);
    const card = this._cards[index];
    if (!card) return;
    this._removeCard(card);
    // Keep keyboard focus inside the element: on the next card's remove button, else the intake.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.remove');
      const next =
        buttons[Math.min(index, buttons.length - 1)] ??
        this.renderRoot.querySelector<HTMLElement>('.dropzone, [part="clear-button"]');
      next?.focus();
    });
  }

  /** The preview's natural size is the size of the input: it scales the digit boxes. */
  private _onPreviewLoad(event: Event): void {
    const img = event.currentTarget as HTMLImageElement;
    const card = this._cards.find((c) => String(c.id) === img.dataset['card']);
    if (!card || img.naturalWidth <= 0 || img.naturalHeight <= 0) return;
    if (card.size?.width === img.naturalWidth && card.size.height === img.naturalHeight) return;
    card.size = { width: img.naturalWidth, height: img.naturalHeight };
    this.requestUpdate();
  }

  private _onPreviewError(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset['card'];
    const card = this._cards.find((c) => String(c.id) === id);
    if (!card || card.previewFailed) return;
    card.previewFailed = true;
    this.requestUpdate();
  }

  private _onRetryClick(): void {
    this._model.load(this._modelKey);
  }

  private _acceptsFiles(): boolean {
    return !this._isDisabled && this._mode !== 'draw';
  }
}
