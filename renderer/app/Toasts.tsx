import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface ToastSpec {
  message: string;
  /** A button in the toast, e.g. «Отменить»; the toast closes when it is pressed. */
  action?: { label: string; run: () => void | Promise<void> };
  /** Closes by itself after this long; default 8 s. */
  timeoutMs?: number;
}

interface ShownToast extends ToastSpec {
  id: number;
}

const ToastContext = createContext<(t: ToastSpec) => void>(() => {});

export function useToast(): (t: ToastSpec) => void {
  return useContext(ToastContext);
}

/** Short messages at the bottom of the window, announced politely to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const close = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((t: ToastSpec) => {
    const id = nextId.current++;
    setToasts((all) => [...all.slice(-2), { ...t, id }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <Toast key={t.id} toast={t} onClose={close} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({ toast, onClose }: { toast: ShownToast; onClose: (id: number) => void }) {
  const { id, timeoutMs } = toast;
  useEffect(() => {
    const timer = window.setTimeout(() => onClose(id), timeoutMs ?? 8000);
    return () => window.clearTimeout(timer);
  }, [id, timeoutMs, onClose]);
  const action = toast.action;
  return (
    <div className="toast">
      <span>{toast.message}</span>
      {action && (
        <button
          type="button"
          onClick={() => {
            onClose(id);
            void action.run();
          }}
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Закрыть уведомление"
        onClick={() => onClose(id)}
      >
        ×
      </button>
    </div>
  );
}
