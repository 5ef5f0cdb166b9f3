import { useEffect, useRef, useState, type FormEvent, type ReactElement } from "react";
import { api, ApiError, type QuickAddResult, type Task } from "./api";
import { formatDuration, formatInstant } from "./format";
import { BellIcon } from "./icons";

const KIND_LABEL: Record<string, string> = {
  due: "date",
  time: "time",
  recurrence: "repeats",
  priority: "priority",
  tag: "tag",
  reminder: "reminder",
};

// Renders `text` with the parsed parts marked (parts are UTF-16 offsets, i.e. JS indices).
function Highlighted({ text, parts }: { text: string; parts: QuickAddResult["parts"] }) {
  const sorted = [...parts].filter((p) => p.end > p.start && p.end <= text.length).sort((a, b) => a.start - b.start);
  const out: ReactElement[] = [];
  let at = 0;
  sorted.forEach((p, i) => {
    if (p.start < at) return;
    if (p.start > at) out.push(<span key={"t" + i}>{text.slice(at, p.start)}</span>);
    out.push(
      <mark key={"p" + i} className={"part part-" + p.kind} data-kind={p.kind} title={KIND_LABEL[p.kind] ?? p.kind}>
        {text.slice(p.start, p.end)}
      </mark>,
    );
    at = p.end;
  });
  if (at < text.length) out.push(<span key="rest">{text.slice(at)}</span>);
  return <>{out}</>;
}

export function QuickAdd({ onCreated }: { onCreated: (t: Task) => void }) {
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<QuickAddResult | null>(null);
  const parsedFor = useRef("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const parse = async (value: string): Promise<QuickAddResult | null> => {
    if (!value.trim()) return null;
    try {
      return await api<QuickAddResult>("POST", "/api/v1/quick-add", { text: value, time_zone: tz });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        return { task: { title: value.trim() }, parts: [], summary: "", next: [] };
      }
      throw e;
    }
  };

  useEffect(() => {
    const mine = ++seq.current;
    if (!text.trim()) {
      setParsed(null);
      setError(null);
      return;
    }
    const t = window.setTimeout(async () => {
      try {
        const r = await parse(text);
        if (seq.current === mine) {
          parsedFor.current = text;
          setParsed(r);
          setError(null);
        }
      } catch (e) {
        if (seq.current === mine) {
          setParsed(null);
          setError(e instanceof ApiError ? e.errors[0]?.message ?? e.message : String(e));
        }
      }
    }, 150);
    return () => window.clearTimeout(t);
  }, [text]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      const r = parsed && parsedFor.current === text ? parsed : await parse(text);
      if (!r) return;
      const task = await api<Task>("POST", "/api/v1/tasks", r.task);
      onCreated(task);
      setText("");
      setParsed(null);
      setError(null);
      input.current?.focus();
    } catch (err) {
      setError(err instanceof ApiError ? err.errors.map((x) => `${x.field}: ${x.message}`).join("; ") || err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const task = parsed?.task as any;
  return (
    <form className="quick-add card" onSubmit={submit} aria-label="Quick add">
      <label htmlFor="quick-add-input" className="sr-only">
        Quick add a task
      </label>
      <div className="quick-row">
        <input
          id="quick-add-input"
          ref={input}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='Try "Pay rent every month on the 1st at 9am p1 #bills remind 1 day before"'
          autoComplete="off"
          aria-describedby="quick-add-preview"
          aria-invalid={!!error}
        />
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          Add
        </button>
      </div>
      {!text && (
        <p className="quick-hint muted small" data-testid="quick-hint">
          Also try “Call mom tomorrow evening”, “Clean the garage this weekend”, “Pay invoices by the
          end of the month”, “Dentist next friday at 10am remind me the day before at 6pm”, “Book club
          every 3rd wednesday at 7pm”, “Timesheet every last workday” or “Water plants every! 3 days”.
        </p>
      )}
      <div id="quick-add-preview" className="quick-preview" aria-live="polite" data-testid="quick-preview">
        {parsed && parsed.parts.length > 0 && (
          <>
            <p className="quick-text">
              <Highlighted text={text} parts={parsed.parts} />
            </p>
            <ul className="quick-chips">
              <li className="chip chip-title">“{task?.title}”</li>
              {task?.due && <li className="chip part-due">due {String(task.due).replace("T", " ").slice(0, 16)}</li>}
              {parsed.summary && <li className="chip part-recurrence">{parsed.summary}</li>}
              {task?.priority && task.priority !== "medium" && <li className="chip part-priority">{task.priority}</li>}
              {(task?.tags ?? []).map((t: string) => (
                <li key={t} className="chip part-tag">
                  #{t}
                </li>
              ))}
              {(task?.reminders ?? []).map((r: any, i: number) => (
                <li key={i} className="chip part-reminder">
                  <BellIcon /> {r.before ? formatDuration(r.before) + " before" : formatInstant(r.at)}
                </li>
              ))}
            </ul>
            {parsed.next.length > 0 && (
              <p className="muted small">Next: {parsed.next.slice(0, 3).map(formatInstant).join(" · ")}</p>
            )}
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
