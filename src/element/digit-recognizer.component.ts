import type { PropertyValues, TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';

import type { DigitRecognizerError, DigitRecognizerErrorCode } from '../index.js';
import { focusAfterRemoval } from './focus.js';
import { FormValue } from './form-value.js';
import { reportCard, reportLive } from './card-report.js';
import { CardCanvasPainter } from './card-canvases.js';
import type { CardView } from './card-view.js';
import { CardsController, type DigitRecognizerState } from './cards-controller.js';
import { CameraController } from './camera-controller.js';
import { frameReading } from './camera-reading.js';
import { DrawingController } from './drawing-controller.js';
import { drawDebounceOf, showProbabilitiesOf, uncertainBelowOf } from './element-options.js';
import { registerOnce } from './register.js';
import { IntakeController } from './intake-controller.js';
import { renderModelStatus } from './intake-view.js';
import { renderElement } from './element-view.js';
import { ModelController } from './model-controller.js';
import { DigitClearEvent, DigitErrorEvent } from './events.js';
import type { DigitResult, DigitSource, NumberResult } from './events.js';
import { errorText, format } from './messages.js';
import { DigitRecognizerProperties } from './digit-recognizer.properties.js';

export type { DigitRecognizerMode } from './element-options.js';

export type { DigitRecognizerState } from './cards-controller.js';

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
 * With the `camera` attribute (or `startCamera()` from script) it reads from the live camera: a
 * preview with a guide box, the rear camera on phones, a frame read many times a second, and the
 * reading shown over the video once the same one came from three frames in a row (in
 * `mode="number"`, with a box around each digit). Each new steady reading fires `prediction` (or
 * `number`) with `detail.source: 'camera'`; "Keep this" turns the frame inside the guide box into
 * a result card, like a photo. When the camera is refused, missing, in use or the page is not
 * secure, the element says so plainly and the other intakes keep working. The camera stops with
 * `stopCamera()`, when the element is removed or disabled, and while the page is hidden.
 *
 * It is a form field: inside a `<form>` it submits, under its `name`, the recognized digit, or all
 * recognized digits in order ("372"). Uncertain results count (they are the best guess); cards
 * without a digit, with an error, or whose image is not a digit ("This doesn't look like a
 * digit": a letter, a doodle, two digits side by side) do not.
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
 * @fires {DigitPredictionEvent} prediction - Once per recognized image, and once per new steady camera reading (not in `mode="number"`). `detail`: `{ digit, confidence, probabilities, uncertain, reason, notDigitScore, file, source }` (`file` is `null` for a drawing or a live camera reading; `source` is `'file'`, `'drawing'` or `'camera'`).
 * @fires {DigitNumberEvent} number - Once per number read in `mode="number"` (images, drawings, new steady camera readings). `detail`: `{ reading, file, source }`, where `reading` is the `NumberReading` of `readNumber()` (`text`, `digits` with their boxes in the image's pixels, `confidence`, `uncertain`) and `file` is `null` for a drawing or a live camera reading.
 * @fires {DigitErrorEvent} digit-error - An image couldn't be read, held no digit (`EMPTY_IMAGE`), the model failed to load, or the camera couldn't start (`CAMERA_*`). `detail`: `{ error: DigitRecognizerError, file, source }` (`source` is `null` for the model).
 * @fires {DigitClearEvent} digit-clear - The user cleared the drawing pad.
 */
export class DigitRecognizerElement extends DigitRecognizerProperties {
  /** Takes part in forms: its value is the recognized digits. */
  static formAssociated = true;

  /**
   * Registers the element under `tag` in `registry`. Calling it again is harmless: a tag that is
   * already defined is left as it is. Returns the class registered under `tag`.
   */
  static define(tag = 'digit-recognizer', registry: CustomElementRegistry = customElements): CustomElementConstructor {
    return registerOnce(this, tag, registry);
  }

  @state() private _announcement = '';
  @state() private _notice = '';

  private readonly _form = new FormValue(this, () => this.value);
  private readonly _intake = new IntakeController(this, {
    accepts: () => !this._isDisabled && this._mode !== 'draw',
    add: (files) => this.addFiles(files),
  });
  private readonly _model = new ModelController(this, {
    // Cards that failed only because the model was missing get another go.
    onReady: () => {
      this._cards.retryWhere((card) => card.error !== null && MODEL_ERROR_CODES.has(card.error.code));
      // A camera button is on offer: its first frames should not pay for compiling the reading.
      if (this.camera) this._camera.prewarm();
    },
    onError: (error) => this._tell(this._errorText(error), new DigitErrorEvent({ error, file: null, source: null })),
  });
  private readonly _cards = new CardsController(this, {
    classifier: () => this._model.get(this._modelKey),
    currentClassifier: () => this._model.current,
    numberMode: () => this._mode === 'number',
    uncertainBelow: () => uncertainBelowOf(this.uncertainBelow),
    report: (card, outcome) => {
      const { announcement, event } = reportCard(card, outcome, this._messages, this._errorText);
      this._tell(announcement, event);
    },
    // A card changed: re-render and update the form value.
    changed: () => {
      this.requestUpdate();
      this._form.sync();
    },
  });
  private readonly _drawing = new DrawingController(this, {
    debounce: () => drawDebounceOf(this.drawDebounce),
    disabled: () => this._isDisabled,
    // A drawing replaces the image that was there.
    onStrokeStart: () => {
      if (!this.multiple) this._cards.removeWhere((card) => card.kind === 'file');
    },
    // Its card is made on the first stroke and re-read after every pause.
    onDrawing: (snapshot) =>
      this._cards.showDrawing(snapshot, this._messages.drawingName, { keepOthers: this.multiple }),
  });
  private readonly _camera = new CameraController(this, {
    numberMode: () => this._mode === 'number',
    readsOffMainThread: () => this._model.inWorker,
    ...frameReading({
      classifier: () => this._model.get(this._modelKey),
      numberMode: () => this._mode === 'number',
      uncertainBelow: () => uncertainBelowOf(this.uncertainBelow),
    }),
    onReading: (live) => {
      const { announcement, event } = reportLive(live, this._messages);
      this._tell(announcement, event);
    },
    onError: (error) =>
      this._tell(this._errorText(error), new DigitErrorEvent({ error, file: null, source: 'camera' })),
  });
  private readonly _canvases = new CardCanvasPainter();

  /**
   * The recognized digit, or the recognized digits in order ("372"); `''` when there is none. In
   * `mode="number"`: the number read ("02139"), or the numbers in order separated by a space.
   */
  get value(): string {
    if (this._mode === 'number') return this.readings.map((result) => result.reading.text).join(' ');
    // A guess counts (it is the best one); an image that is not a digit does not.
    return this.results
      .filter((result) => result.reason !== 'not-a-digit')
      .map((result) => String(result.digit))
      .join('');
  }

  /** The numbers read in `mode="number"`, in order: the reading, the file and where it came from. */
  get readings(): NumberResult[] {
    return this._cards.readings();
  }

  /**
   * The recognized images, in order: digit, confidence, probabilities, uncertain (and why),
   * the not-a-digit score, file and where it came from. Empty in `mode="number"` (see {@link readings}).
   */
  get results(): DigitResult[] {
    return this._cards.results();
  }

  /** What the element is doing now; see {@link DigitRecognizerState}. */
  get state(): DigitRecognizerState {
    return this._cards.state(this._model.state);
  }

  /** The associated form, as for native form controls. */
  get form(): HTMLFormElement | null {
    return this._form.form;
  }

  /** Removes every image, drawing and result; aborts recognitions under way. */
  clear(): void {
    this._cards.removeWhere();
    this._drawing.clear();
    this._notice = '';
    this._announcement = '';
    this._form.sync();
  }

  /**
   * Adds images to recognize, as if the user had chosen them. Without `multiple` only the first is
   * used and it replaces what was there; with it, at most `max-files` images are kept.
   */
  addFiles(files: Iterable<File | Blob>): void {
    this._addImages(files, 'file');
  }

  /**
   * Starts the live camera (as the camera button does): the preview shows with a guide box, and
   * each steady reading fires `prediction` (or `number`) with `source: 'camera'`. Resolves once
   * the preview plays; rejects with a `DigitRecognizerError` (`CAMERA_DENIED`, `CAMERA_NOT_FOUND`,
   * `CAMERA_IN_USE`, `CAMERA_INSECURE`, `CAMERA_UNAVAILABLE`), which the element also shows and
   * fires as `digit-error`. Works without the `camera` attribute, which only adds the button.
   */
  startCamera(): Promise<void> {
    return this._camera.start();
  }

  /** Stops the camera: the preview goes and the camera's light goes off. */
  stopCamera(): void {
    this._camera.stop();
  }

  /** Frames the camera read since it started, and the milliseconds spent reading them. */
  get cameraStats(): { framesRead: number; readMs: number } {
    return this._camera.stats;
  }

  private _addImages(files: Iterable<File | Blob>, kind: DigitSource): void {
    const { multiple, maxFiles } = this;
    // The cards controller reports every change of the cards, which syncs the form value.
    const notice = this._cards.addImages(files, kind, { multiple, maxFiles, messages: this._messages });
    if (notice === null) return;
    if (!multiple) this._drawing.clear();
    this._notice = notice;
    if (notice) this._announcement = notice;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected while the model was loading: join its load again (disconnecting let go of it).
    if (this.hasUpdated && this._model.state === 'loading') this._model.load(this._modelKey);
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
      if (reload) this._cards.rerunAll();
    } else if (this.hasUpdated && changed.has('uncertainBelow')) {
      this._cards.rejudgeAll();
    }
    if (this._isDisabled && this._camera.active) this._camera.stop();
    if (changed.has('mode')) {
      // A digit and a number have different guide boxes and readings.
      this._camera.forgetReading();
      const wasNumber = changed.get('mode') === 'number';
      const isNumber = this._mode === 'number';
      if (this.hasUpdated && wasNumber !== isNumber) {
        // Digits and numbers are read differently, and the pad changes shape: start over.
        this._clearPad();
        this._cards.rerunAll();
      } else if (this._mode === 'upload') {
        this._clearPad();
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this._canvases.paint(this.renderRoot, this._cards.cards, { modelInputs: this.showModelInput });
    if (changed.has('name')) this._form.sync(true);
  }

  protected override render(): TemplateResult {
    const mode = this._mode;
    const disabled = this._isDisabled;
    const messages = this._messages;
    return renderElement({
      state: this.state,
      numberMode: mode === 'number',
      disabled,
      dragging: this._intake.dragging,
      label: this.label,
      modelStatus: renderModelStatus(
        this._model,
        messages,
        this._model.error ? this._errorText(this._model.error) : '',
        this._model.retry,
      ),
      intake: {
        mode,
        messages,
        disabled,
        dropzone: {
          label: this._dropLabel,
          chooseLabel: messages.chooseLabel,
          multiple: this.multiple,
          onClick: this._intake.openPicker,
          onChange: this._intake.onPickerChange,
        },
        pad: { label: this._drawLabel, clearLabel: this.clearLabel, onClear: this._onClearClick },
        camera: this.camera ? { active: this._camera.active, onClick: this._onCameraClick } : null,
      },
      camera: {
        camera: this._camera,
        messages,
        numberMode: mode === 'number',
        uncertainLabel: this.uncertainLabel,
        disabled,
        errorText: this._errorText,
        onCapture: this._onCaptureClick,
        onStop: this._camera.stop,
      },
      notice: this._notice,
      cards: this._cards.cards,
      cardView: this._cardView,
      resultsLabel: messages.resultsLabel,
      announcement: this._announcement,
    });
  }

  // ---- derived values ------------------------------------------------------------------------

  /** What every card needs from the element to render itself. */
  private get _cardView(): CardView {
    return {
      messages: this._messages,
      numberMode: this._mode === 'number',
      showModelInput: this.showModelInput,
      showProbabilities: showProbabilitiesOf(this.showProbabilities),
      uncertainLabel: this.uncertainLabel,
      modelReady: this._model.state === 'ready',
      errorText: this._errorText,
      onRemoveClick: this._onRemoveClick,
      onPreviewLoad: this._cards.onPreviewLoad,
      onPreviewError: this._cards.onPreviewError,
    };
  }

  private readonly _errorText = (error: DigitRecognizerError): string => errorText(this._messages, error);

  /** Announces `announcement` to screen readers and fires `event`. */
  private _tell(announcement: string, event: Event): void {
    this._announcement = announcement;
    this.dispatchEvent(event);
  }

  // ---- drawing -------------------------------------------------------------------------------

  /** Clears the pad and drops the drawing's card. */
  private _clearPad(): void {
    this._drawing.clear();
    this._cards.removeWhere((card) => card.kind === 'drawing');
  }

  // ---- event handlers ------------------------------------------------------------------------

  private _onClearClick(): void {
    if (this._isDisabled) return;
    this._clearPad();
    this._tell('', new DigitClearEvent());
  }

  private _onRemoveClick(event: Event): void {
    const card = this._cards.byId((event.currentTarget as HTMLElement).dataset['card']);
    if (!card) return;
    const index = this._cards.cards.indexOf(card);
    this._cards.removeWhere((other) => other === card);
    if (card.kind === 'drawing') this._drawing.clear();
    void this.updateComplete.then(() => focusAfterRemoval(this.renderRoot, index));
  }

  private _onCameraClick(): void {
    this._camera.toggle(this._isDisabled);
  }

  /** Keeps the camera's current frame (its guide box) as a card, like a photo. */
  private async _onCaptureClick(): Promise<void> {
    const time = new Date().toLocaleTimeString([], { hour12: false });
    const name = format(this._messages.cameraCaptureName, { time });
    const file = await this._camera.capture(`${name}.jpg`);
    if (file) this._addImages([file], 'camera');
  }
}
