/**
 * How files come into the element: its picker, dropped on it, pasted while focus is in it, or
 * pasted anywhere on the page while the pointer is over it (unless focus is in a text field). A reactive controller: it listens while the host is connected and says when a drag is
 * over the host, for styling.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface IntakeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: ParentNode;
}

export interface IntakeOptions {
  /** False when the host takes no files now (disabled, or drawing only). */
  accepts(): boolean;
  /** Takes the files dropped or pasted. */
  add(files: File[]): void;
}

/** True for a text field or editable element, whose paste is the user's, not ours. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && target.type !== 'file' && target.type !== 'button')
  );
}

/** The files in a drop or a paste, from `files` or, failing that, from `items`. */
function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  if (files.length > 0) return files;
  const fromItems: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) fromItems.push(file);
  }
  return fromItems;
}

export class IntakeController implements ReactiveController {
  /** True while files are dragged over the host and it would take them. */
  dragging = false;

  constructor(
    private readonly host: IntakeHost,
    private readonly options: IntakeOptions,
  ) {
    host.addController(this);
    host.addEventListener('dragenter', this.onDragOver);
    host.addEventListener('dragover', this.onDragOver);
    host.addEventListener('dragleave', this.onDragLeave);
    host.addEventListener('drop', this.onDrop);
    host.addEventListener('paste', this.onPaste);
  }

  hostConnected(): void {
    document.addEventListener('paste', this.onDocumentPaste);
  }

  hostDisconnected(): void {
    document.removeEventListener('paste', this.onDocumentPaste);
    this.setDragging(false);
  }

  /** Opens the file picker (the drop zone's click), when the host takes files. */
  readonly openPicker = (): void => {
    if (!this.options.accepts()) return;
    this.host.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  /** The picker's `change`: hands over the files chosen. */
  readonly onPickerChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Reset so choosing the same file again fires `change` again.
    input.value = '';
    if (files.length > 0 && this.options.accepts()) this.options.add(files);
  };

  private setDragging(value: boolean): void {
    if (this.dragging === value) return;
    this.dragging = value;
    this.host.requestUpdate();
  }

  private readonly onDragOver = (event: DragEvent): void => {
    const types = event.dataTransfer?.types;
    if (!types || !Array.from(types).includes('Files')) return;
    event.preventDefault();
    if (!this.options.accepts()) {
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      return;
    }
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    const related = event.relatedTarget;
    if (related instanceof Node && (related === this.host || this.host.contains(related))) return;
    this.setDragging(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.setDragging(false);
    const files = filesOf(event.dataTransfer);
    if (files.length === 0) return;
    // Never let the browser navigate to a dropped file.
    event.preventDefault();
    if (this.options.accepts()) this.options.add(files);
  };

  /** Paste while focus is inside the host (the event is composed, so it reaches the host). */
  private readonly onPaste = (event: ClipboardEvent): void => {
    if (event.defaultPrevented || !this.options.accepts()) return;
    const files = filesOf(event.clipboardData);
    if (files.length === 0) return;
    event.preventDefault();
    this.options.add(files);
  };

  /** Paste anywhere on the page while the pointer is over the host, unless a text field has focus. */
  private readonly onDocumentPaste = (event: ClipboardEvent): void => {
    if (event.composedPath().includes(this.host)) return;
    if (!this.host.matches(':hover')) return;
    if (isEditable(event.target) || isEditable(document.activeElement)) return;
    this.onPaste(event);
  };
}
