// The API as the page sees it: same origin, the session in HttpOnly cookies the frontend
// service manages, and X-Requested-With on every call (the frontend's CSRF rule).

export type Priority = "low" | "medium" | "high" | "urgent";

export interface Reminder {
  id?: string;
  before?: string;
  at?: string;
  fire_at?: string | null;
}

export interface Task {
  id: string;
  user_id: string;
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  status: "open" | "completed";
  due: string | null;
  time_zone: string;
  due_at: string | null;
  reminders: Reminder[];
  recurrence: { rrule: string; mode?: string } | null;
  series_id: string | null;
  parent_id: string | null;
  occurrence_index: number;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface Channels {
  // verified: the address's owner opened the link mailed to it; nothing is mailed before.
  email: { enabled: boolean; address: string | null; verified?: boolean };
  push: { enabled: boolean; topic: string | null };
  in_app: { enabled: boolean };
  // The key file is write-only: answers say whose it is (client_email) and that one is stored.
  fcm: {
    enabled: boolean;
    device_token: string | null;
    project_id: string | null;
    client_email: string | null;
    credentials_set: boolean;
  };
}

export interface User {
  id: string;
  email: string;
  name: string;
  time_zone: string;
  channels?: Channels;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface QuickAddPart {
  kind: "due" | "time" | "recurrence" | "priority" | "tag" | "reminder" | string;
  start: number;
  end: number;
  text: string;
}

export interface QuickAddResult {
  task: Record<string, unknown> & { title: string };
  parts: QuickAddPart[];
  summary: string;
  next: string[];
}

export interface Notification {
  id: string;
  task_id: string;
  title: string;
  fire_at: string;
  created_at: string;
  read: boolean;
  channels?: Record<string, string>;
  snoozed_until?: string | null;
  dismissed?: boolean;
}

export class ApiError extends Error {
  status: number;
  title: string;
  errors: FieldError[];
  constructor(status: number, title: string, detail: string, errors: FieldError[]) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
  // The message for one field (or any field under it: "reminders" matches "reminders[1].at").
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => fieldIsUnder(e.field, field))?.message;
  }
  // The errors that none of `fields` (the ones a form shows next to its controls) claims.
  unclaimed(fields: readonly string[]): FieldError[] {
    return this.errors.filter((e) => !fields.some((f) => fieldIsUnder(e.field, f)));
  }
}

function fieldIsUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(field + "[") || path.startsWith(field + ".");
}

// Any failure of api() as an ApiError (a network failure has status 0 and no field errors).
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, "Network error", String(err), []);
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  opts: { quiet401?: boolean; keepalive?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { "X-Requested-With": "todo-web", Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    keepalive: opts.keepalive,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) onUnauthorized();
    throw new ApiError(
      res.status,
      json?.title ?? res.statusText,
      json?.detail ?? "",
      Array.isArray(json?.errors) ? json.errors : [],
    );
  }
  return json as T;
}

export interface TaskQuery {
  status?: string;
  priority?: string;
  tag?: string;
  q?: string;
  due_today?: boolean;
  overdue?: boolean;
  recurring?: boolean;
  sort?: string;
  order?: string;
  limit?: number;
  cursor?: string | null;
}

export function taskQueryString(q: TaskQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    p.set(k, String(v));
  }
  return p.toString();
}

export const listTasks = (q: TaskQuery) =>
  api<{ items: Task[]; next_cursor: string | null }>("GET", "/api/v1/tasks?" + taskQueryString(q));
