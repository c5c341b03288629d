/**
 * The element's part in a form: its `ElementInternals` and the value it submits, set only when
 * it changed (setting it is not free: the form and `:invalid` styles react to it).
 */
export class FormValue {
  private readonly internals: ElementInternals;
  private submitted: string | null = null;

  /** `value` says what the element would submit now. Call from the element's constructor. */
  constructor(
    element: HTMLElement,
    private readonly value: () => string,
  ) {
    this.internals = element.attachInternals();
  }

  /** The associated form, as for native form controls. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Hands the form the current value when it changed (always with `force`, e.g. a new `name`). */
  sync(force = false): void {
    const value = this.value();
    if (!force && value === this.submitted) return;
    this.submitted = value;
    this.internals.setFormValue(value);
  }
}
