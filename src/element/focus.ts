/** Where keyboard focus goes inside `<digit-recognizer>` when what held it goes away. */

/**
 * After the card at `index` was removed: keeps focus inside the element, on the remove button of
 * the card that took its place (or the last one), else on the intake (the drop zone or the pad's
 * clear button).
 */
export function focusAfterRemoval(root: ParentNode, index: number): void {
  const buttons = root.querySelectorAll<HTMLElement>('.remove');
  const next =
    buttons[Math.min(index, buttons.length - 1)] ?? root.querySelector<HTMLElement>('.dropzone, [part="clear-button"]');
  next?.focus();
}
