import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError, type Priority, type Reminder, type Task } from "./api";
import { CheckField } from "./fields";
import { formatDue, formatDuration } from "./format";

type RecurrenceChoice = "none" | "daily" | "weekdays" | "weekly" | "monthly" | "yearly" | "custom";
const PRESET_RULES: Record<string, string> = {
  daily: "FREQ=DAILY",
  weekdays: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  weekly: "FREQ=WEEKLY",
  monthly: "FREQ=MONTHLY",
  yearly: "FREQ=YEARLY",
};

interface ReminderRow {
  kind: "before" | "at";
  amount: number;
  unit: "M" | "H" | "D";
  at: string; // datetime-local value
}

function reminderToRow(r: Reminder): ReminderRow {
  if (r.at) {
    const d = new Date(r.at);
    const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    return { kind: "at", amount: 15, unit: "M", at: local };
  }
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(r.before ?? "");
  if (m?.[1]) return { kind: "before", amount: Number(m[1]), unit: "D", at: "" };
  if (m?.[2]) return { kind: "before", amount: Number(m[2]), unit: "H", at: "" };
  return { kind: "before", amount: Number(m?.[3] ?? 15), unit: "M", at: "" };
}

function rowToReminder(r: ReminderRow): Reminder {
  if (r.kind === "at") return { at: r.at ? new Date(r.at).toISOString().replace(/\.\d{3}Z$/, "Z") : "" };
  return { before: r.unit === "D" ? `P${r.amount}D` : `PT${r.amount}${r.unit}` };
}

function choiceFor(rrule: string | undefined): RecurrenceChoice {
  if (!rrule) return "none";
  const hit = Object.entries(PRESET_RULES).find(([, r]) => r === rrule);
  return (hit?.[0] as RecurrenceChoice) ?? "custom";
}

export function Editor({ task, onClose, onSaved }: { task: Task; onClose: () => void; onSaved: (t: Task) => void }) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [tags, setTags] = useState(task.tags.join(", "));
  const [date, setDate] = useState(task.due ? task.due.slice(0, 10) : "");
  const [time, setTime] = useState(task.due && task.due.length > 10 ? task.due.slice(11, 16) : "");
  const [reminders, setReminders] = useState<ReminderRow[]>(task.reminders.map(reminderToRow));
  const [choice, setChoice] = useState<RecurrenceChoice>(choiceFor(task.recurrence?.rrule));
  const [rrule, setRrule] = useState(task.recurrence?.rrule ?? "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");
  // Quick add's "every! 3 days" repeats from each completion: kept unless unticked here.
  const [fromCompletion, setFromCompletion] = useState(task.recurrence?.mode === "completion");
  const [preview, setPreview] = useState<{ summary: string; occurrences: string[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const rule = choice === "none" ? "" : choice === "custom" ? rrule : PRESET_RULES[choice];
  const due = date ? (time ? `${date}T${time}:00` : date) : null;

  useEffect(() => {
    if (!rule) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    const t = window.setTimeout(async () => {
      try {
        const dtstart = due ?? new Date().toISOString().slice(0, 10);
        const r = await api<{ summary: string; occurrences: string[] }>("POST", "/api/v1/recurrence/preview", {
          rrule: rule,
          dtstart,
          tz: task.time_zone,
          count: 5,
        });
        setPreview(r);
        setPreviewError(null);
      } catch (e) {
        setPreview(null);
        setPreviewError(e instanceof ApiError ? e.errors[0]?.message ?? e.message : String(e));
      }
    }, 200);
    return () => window.clearTimeout(t);
  }, [rule, due, task.time_zone]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        title,
        description: description || null,
        priority,
        tags: tags
          .split(/[,\s]+/)
          .map((t) => t.replace(/^#/, "").trim())
          .filter(Boolean),
        due,
        reminders: reminders.map(rowToReminder),
        recurrence: rule ? { rrule: rule, mode: fromCompletion ? "completion" : "due" } : null,
      };
      const saved = await api<Task>("PATCH", `/api/v1/tasks/${task.id}`, body);
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "Network error", String(err), []));
    } finally {
      setBusy(false);
    }
  };

  const fe = (field: string) => {
    const m = error?.fieldMessage(field);
    return m ? (
      <p className="field-error" role="alert" data-field={field}>
        {m}
      </p>
    ) : null;
  };
  const setRow = (i: number, patch: Partial<ReminderRow>) =>
    setReminders((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <dialog ref={dialog} className="editor" onClose={onClose} aria-labelledby="editor-title">
      <form onSubmit={save} noValidate>
        <header className="editor-head">
          <h2 id="editor-title">Edit task</h2>
          <button type="button" className="icon" aria-label="Close editor" onClick={onClose}>
            ×
          </button>
        </header>
        <label>
          Title
          <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!error?.fieldMessage("title")} />
          {fe("title")}
        </label>
        <label>
          Description
          <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          {fe("description")}
        </label>
        <div className="row">
          <label>
            Priority
            <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              <option value="urgent">P1 · urgent</option>
              <option value="high">P2 · high</option>
              <option value="medium">P3 · medium</option>
              <option value="low">P4 · low</option>
            </select>
          </label>
          <label className="grow">
            Tags
            <input name="tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="bills, home" />
            {fe("tags")}
          </label>
        </div>
        <div className="row">
          <label>
            Due date
            <input type="date" name="due-date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            Time
            <input type="time" name="due-time" value={time} onChange={(e) => setTime(e.target.value)} disabled={!date} />
          </label>
        </div>
        {fe("due")}
        <fieldset>
          <legend>Reminders</legend>
          {reminders.map((r, i) => (
            <div className="row reminder-row" key={i}>
              <select aria-label={`Reminder ${i + 1} kind`} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value as ReminderRow["kind"] })}>
                <option value="before">before due</option>
                <option value="at">at</option>
              </select>
              {r.kind === "before" ? (
                <>
                  <input
                    aria-label={`Reminder ${i + 1} amount`}
                    type="number"
                    min={0}
                    value={r.amount}
                    onChange={(e) => setRow(i, { amount: Number(e.target.value) })}
                  />
                  <select aria-label={`Reminder ${i + 1} unit`} value={r.unit} onChange={(e) => setRow(i, { unit: e.target.value as ReminderRow["unit"] })}>
                    <option value="M">minutes</option>
                    <option value="H">hours</option>
                    <option value="D">days</option>
                  </select>
                </>
              ) : (
                <input aria-label={`Reminder ${i + 1} time`} type="datetime-local" value={r.at} onChange={(e) => setRow(i, { at: e.target.value })} />
              )}
              <button type="button" className="icon" aria-label={`Remove reminder ${i + 1}`} onClick={() => setReminders((rs) => rs.filter((_, j) => j !== i))}>
                ×
              </button>
              {fe(`reminders[${i}]`)}
            </div>
          ))}
          {reminders.length < 10 && (
            <button type="button" className="link" onClick={() => setReminders((rs) => [...rs, { kind: "before", amount: 15, unit: "M", at: "" }])}>
              + Add reminder
            </button>
          )}
          {fe("reminders")}
        </fieldset>
        <fieldset>
          <legend>Repeat</legend>
          <label>
            Repeats
            <select name="recurrence" value={choice} onChange={(e) => setChoice(e.target.value as RecurrenceChoice)}>
              <option value="none">Does not repeat</option>
              <option value="daily">Every day</option>
              <option value="weekdays">Every weekday</option>
              <option value="weekly">Every week</option>
              <option value="monthly">Every month</option>
              <option value="yearly">Every year</option>
              <option value="custom">Custom rule…</option>
            </select>
          </label>
          {choice === "custom" && (
            <label>
              Rule (RFC 5545 RRULE)
              <input name="rrule" value={rrule} onChange={(e) => setRrule(e.target.value)} spellCheck={false} />
            </label>
          )}
          {choice !== "none" && (
            <CheckField
              name="from-completion"
              label="Count from completion (the next one comes after I finish this one)"
              checked={fromCompletion}
              onChange={setFromCompletion}
            />
          )}
          {fe("recurrence")}
          {preview && (
            <div className="preview" data-testid="recurrence-preview">
              <p>
                <strong>{preview.summary}</strong>
              </p>
              <p className="muted small">Next: {preview.occurrences.map((o) => formatDue(o)).join(" · ")}</p>
            </div>
          )}
          {previewError && <p className="field-error">{previewError}</p>}
        </fieldset>
        {error && error.errors.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {task.reminders.some((r) => r.fire_at) && (
          <p className="muted small">
            Fires: {task.reminders.filter((r) => r.fire_at).map((r) => (r.before ? formatDuration(r.before) + " before" : "at")).join(", ")}
          </p>
        )}
        <footer className="editor-foot">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </footer>
      </form>
    </dialog>
  );
}
