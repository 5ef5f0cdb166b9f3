import type { Task } from "./api";

export const PRIORITIES = ["urgent", "high", "medium", "low"] as const;
export const PRIORITY_LABEL: Record<string, string> = { urgent: "P1", high: "P2", medium: "P3", low: "P4" };

export function isOverdue(t: Task, now = Date.now()): boolean {
  if (t.status !== "open" || !t.due_at) return false;
  return Date.parse(t.due_at) < now;
}

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

// "Mon 1 Dec, 09:00" from a local due ("2026-12-01" or "2026-12-01T09:00:00").
export function formatDue(due: string | null): string {
  if (!due) return "";
  const [d, t] = due.split("T");
  const [y, m, day] = d.split("-").map(Number);
  const date = new Date(y, m - 1, day);
  let out = dayFmt.format(date);
  if (t) {
    const [hh, mm] = t.split(":").map(Number);
    date.setHours(hh, mm);
    out += ", " + timeFmt.format(date);
  }
  return out;
}

export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return dayFmt.format(d) + ", " + timeFmt.format(d);
}

// "PT15M" / "P1D" / "PT2H" in words.
export function formatDuration(iso: string): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  const add = (n: string | undefined, unit: string) => {
    if (n && Number(n) > 0) parts.push(`${n} ${unit}${Number(n) === 1 ? "" : "s"}`);
  };
  add(m[1], "week");
  add(m[2], "day");
  add(m[3], "hour");
  add(m[4], "minute");
  return parts.join(" ") || iso;
}
