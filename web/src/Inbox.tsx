import { useEffect, useState } from "react";
import { api, ApiError, type Notification } from "./api";
import { formatInstant } from "./format";
import { useToast } from "./toast";

const channelNames: Record<string, string> = { email: "Email", push: "Push", fcm: "FCM", in_app: "In-app" };

// "Email sent · Push failed": each channel that was tried, as the delivery records say.
function deliverySummary(channels: Record<string, string> | undefined): string {
  return Object.entries(channels ?? {})
    .filter(([, status]) => status !== "skipped")
    .map(([name, status]) => `${channelNames[name] ?? name} ${status}`)
    .join(" · ");
}

// A snooze to a moment the user picks, in the browser's own zone.
function SnoozeUntil({ onSnooze }: { onSnooze: (untilIso: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <form
      className="snooze-until"
      onSubmit={(e) => {
        e.preventDefault();
        const at = new Date(value);
        if (!Number.isNaN(at.getTime())) onSnooze(at.toISOString().replace(/\.\d{3}Z$/, "Z"));
      }}
    >
      <label>
        <span className="sr-only">Snooze until (date and time)</span>
        <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} required />
      </label>
      <button type="submit">Snooze until</button>
    </form>
  );
}

export function Inbox({ version, onChanged }: { version: number; onChanged: () => void }) {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const [permission, setPermission] = useState(typeof Notification !== "undefined" ? Notification.permission : "denied");

  const load = async () => {
    try {
      const r = await api<{ items: Notification[]; unread: number }>("GET", "/api/v1/notifications");
      setItems(r.items.filter((n) => !n.dismissed));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  useEffect(() => {
    load();
  }, [version]);

  const act = async (n: Notification, path: string, body?: unknown) => {
    try {
      await api("POST", `/api/v1/notifications/${n.id}/${path}`, body);
      await load();
      onChanged();
    } catch (e) {
      toast(e instanceof ApiError ? e.message : String(e), { kind: "error" });
    }
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <header className="inbox-head">
        <h1 id="inbox-title">Notifications</h1>
        {permission === "default" && (
          <button type="button" onClick={() => Notification.requestPermission().then(setPermission)}>
            Enable browser notifications
          </button>
        )}
      </header>
      {error && <p className="form-error">{error}</p>}
      {items && items.length === 0 && <p className="empty muted">No reminders yet.</p>}
      <ul className="notes">
        {items?.map((n) => (
          <li key={n.id} className={"note card" + (n.read ? "" : " unread")} data-testid="notification">
            <div className="note-main">
              <strong>{n.title}</strong>
              <span className="muted small">
                {formatInstant(n.fire_at)}
                {n.snoozed_until ? ` · snoozed until ${formatInstant(n.snoozed_until)}` : ""}
              </span>
              {deliverySummary(n.channels) && (
                <span className="muted small" data-testid="delivery">
                  {deliverySummary(n.channels)}
                </span>
              )}
            </div>
            <div className="note-actions">
              {!n.read && (
                <button type="button" onClick={() => act(n, "read")}>
                  Mark read
                </button>
              )}
              <button type="button" onClick={() => act(n, "snooze", { for: "PT10M" })}>
                10 min
              </button>
              <button type="button" onClick={() => act(n, "snooze", { for: "PT1H" })}>
                1 hour
              </button>
              <button type="button" onClick={() => act(n, "snooze", { preset: "tomorrow_morning" })}>
                Tomorrow
              </button>
              <SnoozeUntil onSnooze={(until) => act(n, "snooze", { until })} />
              <button type="button" className="danger" onClick={() => act(n, "dismiss")}>
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
