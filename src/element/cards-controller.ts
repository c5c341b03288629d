/**
 * The element's result cards and their runs: adding, reading (each run with its own
 * AbortController and number, so a run that was replaced, removed or disconnected is dropped),
 * judging again quietly, removing, and what happens to them when the host leaves and comes back.
 * No rendering and no events: the host says what happened through {@link CardsHost}.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Classifier } from '../index.js';
import { fileCard, pendingCard, type Card } from './card.js';
import { admitImages } from './element-options.js';
import { copyReading, readCard, rejudgeCard, toDigitError, type CardOutcome } from './card-reading.js';
import type { DigitResult, DigitSource, NumberResult } from './events.js';
import type { DigitRecognizerMessages } from './messages.js';
import { digitResultOf } from './card-report.js';
import type { ModelState } from './model-controller.js';

/** What the cards need from the element. */
export interface CardsHost {
  /** The classifier to read with (loading it when needed). */
  classifier(): Promise<Classifier>;
  /** The classifier loaded or loading now, if any: for quiet re-judgements only. */
  currentClassifier(): Promise<Classifier> | null;
  /** True in `mode="number"`: a card holds a number. */
  numberMode(): boolean;
  /** The `uncertain-below` threshold, 0–1. */
  uncertainBelow(): number;
  /** A run ended: announce it and fire its event. */
  report(card: Card, outcome: CardOutcome): void;
  /** Cards or their contents changed: re-render and update the form value. */
  changed(): void;
}

/**
 * What the element as a whole is doing:
 * - `loading`: the model is downloading;
 * - `classifying`: at least one image is being read;
 * - `result`: every image has an answer (a digit, an uncertain guess or "no digit found");
 * - `error`: the model failed to load, or every image failed;
 * - `empty`: nothing to show yet.
 */
export type DigitRecognizerState = 'loading' | 'classifying' | 'result' | 'error' | 'empty';

export class CardsController implements ReactiveController {
  /** The cards, in the order shown. Replace the array (don't mutate it) so Lit sees the change. */
  private list: Card[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly cardsHost: CardsHost,
  ) {
    host.addController(this);
  }

  /** The cards, in the order shown. */
  get cards(): readonly Card[] {
    return this.list;
  }

  get pending(): boolean {
    return this.list.some((card) => card.status === 'pending');
  }

  /** What the element is doing, given where its model's load stands. */
  state(model: ModelState): DigitRecognizerState {
    if (model === 'error') return 'error';
    const pending = this.pending;
    if (model === 'loading' && (pending || this.list.length === 0)) return 'loading';
    if (pending) return 'classifying';
    if (this.list.length === 0) return 'empty';
    if (this.list.every((card) => card.status === 'error')) return 'error';
    return 'result';
  }

  /** The digits read, in order (copies a listener may change). */
  results(): DigitResult[] {
    const results: DigitResult[] = [];
    for (const card of this.list) {
      if (card.status !== 'complete' || !card.prediction) continue;
      results.push(digitResultOf(card.prediction, card.file, card.kind));
    }
    return results;
  }

  /** The numbers read, in order (copies a listener may change). */
  readings(): NumberResult[] {
    const readings: NumberResult[] = [];
    for (const card of this.list) {
      if (card.status !== 'complete' || !card.reading) continue;
      readings.push({ reading: copyReading(card.reading), file: card.file, source: card.kind });
    }
    return readings;
  }

  /**
   * A preview's `load` handler: the image's natural size is the size of the input, which scales
   * the digit boxes.
   */
  readonly onPreviewLoad = (event: Event): void => {
    const img = event.currentTarget as HTMLImageElement;
    const card = this.byId(img.dataset['card']);
    if (!card || img.naturalWidth <= 0 || img.naturalHeight <= 0) return;
    if (card.size?.width === img.naturalWidth && card.size.height === img.naturalHeight) return;
    card.size = { width: img.naturalWidth, height: img.naturalHeight };
    this.host.requestUpdate();
  };

  /** A preview's `error` handler: the browser couldn't show it (not an image). */
  readonly onPreviewError = (event: Event): void => {
    const card = this.byId((event.currentTarget as HTMLElement).dataset['card']);
    if (!card || card.previewFailed) return;
    card.previewFailed = true;
    this.host.requestUpdate();
  };

  /** (Re)connected: bring back previews and finish the runs that disconnecting aborted. */
  hostConnected(): void {
    for (const card of this.list) {
      if (!card.url && card.kind === 'file' && card.file) card.url = URL.createObjectURL(card.file);
    }
    for (const card of this.list) if (card.status === 'pending' && !card.controller) void this.run(card);
    if (this.list.length > 0) this.cardsHost.changed();
  }

  /** Disconnected: abort every run and free every preview (a file's comes back on reconnect). */
  hostDisconnected(): void {
    for (const card of this.list) {
      card.controller?.abort();
      card.controller = null;
      if (card.url) URL.revokeObjectURL(card.url);
      card.url = null;
    }
  }

  /** Adds `cards` at the end (or, with `first`, at the start) and reads them. */
  add(cards: Card[], { first = false } = {}): void {
    if (cards.length === 0) return;
    this.list = first ? [...cards, ...this.list] : [...this.list, ...cards];
    for (const card of cards) void this.run(card);
  }

  /**
   * Adds chosen, dropped or pasted images as cards and reads them: without `multiple` the first
   * replaces every card; with it, at most `maxFiles` file cards are kept. Returns a notice about
   * those left out (`''` when none was), or `null` when `files` held no image.
   */
  addImages(
    files: Iterable<File | Blob>,
    kind: DigitSource,
    { multiple, maxFiles, messages }: { multiple: boolean; maxFiles: unknown; messages: DigitRecognizerMessages },
  ): string | null {
    const fileCards = this.list.filter((card) => card.kind === 'file').length;
    const admitted = admitImages(files, { multiple, maxFiles, fileCards }, messages);
    if (!admitted) return null;
    if (!multiple) this.removeWhere();
    // A preview only where it can show (a detached element would keep object URLs alive).
    const preview = this.host.isConnected;
    this.add(admitted.images.map((blob) => fileCard(blob, kind, messages.unnamedImage, preview)));
    return admitted.notice;
  }

  /** Removes every card for which `drop` is true (all of them without it); aborts their runs. */
  removeWhere(drop: (card: Card) => boolean = () => true): Card[] {
    const dropped = this.list.filter(drop);
    if (dropped.length === 0) return dropped;
    for (const card of dropped) this.dispose(card);
    this.list = this.list.filter((card) => !dropped.includes(card));
    this.cardsHost.changed();
    return dropped;
  }

  find(predicate: (card: Card) => boolean): Card | undefined {
    return this.list.find(predicate);
  }

  /**
   * Reads the drawing pad's `snapshot`: its card (named `name`) is made on the first stroke, at
   * the start of the list, replacing every other card unless `keepOthers`; later snapshots are
   * read again into the same card.
   */
  showDrawing(snapshot: ImageData, name: string, { keepOthers }: { keepOthers: boolean }): void {
    const size = { width: snapshot.width, height: snapshot.height };
    const existing = this.find((card) => card.kind === 'drawing');
    if (existing) {
      existing.input = snapshot;
      existing.size = size;
      void this.run(existing);
      return;
    }
    const card = pendingCard({ kind: 'drawing', file: null, name, input: snapshot, url: null });
    card.size = size;
    if (!keepOthers) this.removeWhere();
    this.add([card], { first: true });
  }

  /** The card whose `data-card` attribute is `id`. */
  byId(id: string | undefined): Card | undefined {
    return this.list.find((card) => String(card.id) === id);
  }

  /** Reads every card again (the model or the mode changed). */
  rerunAll(): void {
    for (const card of this.list) void this.run(card);
  }

  /** Judges every finished card again with the current `uncertain-below`, quietly. */
  rejudgeAll(): void {
    for (const card of this.list) void this.rejudge(card);
  }

  /** Reads again the cards that failed only because of `failed(card)` (e.g. the model was missing). */
  retryWhere(failed: (card: Card) => boolean): void {
    for (const card of this.list) if (card.status === 'error' && failed(card)) void this.run(card);
  }

  /**
   * Reads one card. Each run has its own AbortController and number; a run whose card was
   * removed, re-run or disconnected meanwhile is dropped without painting or firing anything.
   */
  async run(card: Card): Promise<void> {
    card.controller?.abort();
    const controller = new AbortController();
    card.controller = controller;
    const run = ++card.run;
    card.status = 'pending';
    card.error = null;
    this.cardsHost.changed();
    const isCurrent = (): boolean => !controller.signal.aborted && card.run === run && this.list.includes(card);

    let classifier: Classifier;
    try {
      classifier = await this.cardsHost.classifier();
    } catch (reason) {
      if (!isCurrent()) return;
      // The model's own failure is reported once, by the model controller.
      this.settle(card, { status: 'error', error: toDigitError(reason, 'MODEL_LOAD_FAILED') });
      return;
    }
    if (!isCurrent()) return;

    const outcome = await readCard(card, {
      classifier,
      number: this.cardsHost.numberMode(),
      uncertainBelow: this.cardsHost.uncertainBelow(),
      signal: controller.signal,
    });
    if (!isCurrent()) return;
    this.settle(card, outcome);
    this.cardsHost.report(card, outcome);
  }

  /** Ends a card's run with its outcome; every other outcome field is cleared. */
  private settle(card: Card, outcome: CardOutcome): void {
    card.controller = null;
    card.status = outcome.status;
    card.error = outcome.error ?? null;
    card.prediction = outcome.prediction ?? null;
    card.reading = outcome.reading ?? null;
    card.preprocessed = outcome.preprocessed ?? null;
    this.cardsHost.changed();
  }

  /**
   * Re-reads a finished card with the current `uncertain-below`, quietly: the result is updated,
   * no event fires. Dropped if the card is re-run or removed meanwhile.
   */
  private async rejudge(card: Card): Promise<void> {
    const current = this.cardsHost.currentClassifier();
    if (card.status !== 'complete' || (!card.preprocessed && !card.reading) || !current) return;
    const run = card.run;
    const rejudge = ++card.rejudge;
    const isCurrent = (): boolean =>
      card.run === run && card.rejudge === rejudge && card.status === 'complete' && this.list.includes(card);
    const classifier = await current.catch(() => null);
    if (!classifier) return;
    const judged = await rejudgeCard(card, classifier, this.cardsHost.uncertainBelow());
    if (!judged || !isCurrent()) return;
    if (judged.reading && card.reading) card.reading = judged.reading;
    else if (judged.prediction) card.prediction = judged.prediction;
    else return;
    this.cardsHost.changed();
  }

  /** Aborts a card's run and frees its preview. */
  private dispose(card: Card): void {
    card.controller?.abort();
    card.controller = null;
    card.run++;
    if (card.url) URL.revokeObjectURL(card.url);
    card.url = null;
  }
}
