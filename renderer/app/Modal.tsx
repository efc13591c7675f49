import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cycleTab } from './tabCycle';

/**
 * A modal dialog: labelled by its title, focus moved inside on open and back on close, Escape closes,
 * Tab stays inside.
 */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const box = ref.current;
    // The first field of the body; else its first button; the close button in the title bar comes last.
    const first =
      box?.querySelector<HTMLElement>('.modal-body :is(input, select, textarea)') ??
      box?.querySelector<HTMLElement>('.modal-body button');
    (first ?? box)?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    cycleTab(e, ref.current);
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="link" onClick={onClose} aria-label="Закрыть окно">
            ✕
          </button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
