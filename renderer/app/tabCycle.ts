import type { KeyboardEvent } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex="0"]';

/**
 * Keeps Tab and Shift+Tab inside `root`: from its last focusable element Tab goes to the first, from the
 * first Shift+Tab goes to the last (a dialog; the entry desk, so the keys never reach the navigation).
 * Leaves a Tab some inner handler has already taken (defaultPrevented) alone.
 */
export function cycleTab(e: KeyboardEvent, root: HTMLElement | null): void {
  if (e.key !== 'Tab' || e.defaultPrevented || !root) return;
  const focusable = focusableIn(root);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** What Tab can reach inside `root`, in document order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
    .filter((el) => !el.closest('[hidden], [inert]'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
