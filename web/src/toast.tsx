import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

export interface ToastAction {
  label: string;
  run: () => void;
}
interface Toast {
  id: number;
  text: string;
  kind: "info" | "reminder" | "error";
  action?: ToastAction;
}
type Show = (text: string, opts?: { kind?: Toast["kind"]; action?: ToastAction; ms?: number }) => void;

const ToastContext = createContext<Show>(() => {});
export const useToast = () => useContext(ToastContext);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback<Show>(
    (text, opts = {}) => {
      const id = next.current++;
      setToasts((ts) => [...ts.slice(-3), { id, text, kind: opts.kind ?? "info", action: opts.action }]);
      window.setTimeout(() => dismiss(id), opts.ms ?? (opts.kind === "reminder" ? 10000 : 5000));
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={"toast toast-" + t.kind} data-testid={"toast-" + t.kind}>
            <span>{t.text}</span>
            {t.action && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  t.action!.run();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" className="icon" aria-label="Close" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
