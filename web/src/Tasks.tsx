import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, listTasks, type Task, type TaskQuery } from "./api";
import { Editor } from "./Editor";
import { formatDue, isOverdue, PRIORITY_LABEL } from "./format";
import { BellIcon, RepeatIcon, TrashIcon } from "./icons";
import type { LiveUpdate } from "./live";
import { QuickAdd } from "./QuickAdd";
import { useToast } from "./toast";

const PAGE = 50;

interface Filters {
  status: string;
  priority: string;
  tag: string;
  q: string;
  due_today: boolean;
  overdue: boolean;
  recurring: boolean;
  sort: string;
  order: string;
}
const DEFAULT_FILTERS: Filters = {
  status: "open",
  priority: "",
  tag: "",
  q: "",
  due_today: false,
  overdue: false,
  recurring: false,
  sort: "due",
  order: "asc",
};

// Does a task snapshot belong in the list as filtered? (What the page can tell on its own.)
function visible(t: Task, f: Filters): boolean {
  if (f.status !== "all" && t.status !== f.status) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.tag && !t.tags.includes(f.tag)) return false;
  if (f.recurring && !t.recurrence) return false;
  if (f.overdue && !isOverdue(t)) return false;
  if (f.due_today) {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    if (!t.due || !t.due.startsWith(today)) return false;
  }
  if (f.q && !(t.title + " " + t.description).toLowerCase().includes(f.q.toLowerCase())) return false;
  return true;
}

export function Tasks({ live }: { live: EventTarget }) {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [search, setSearch] = useState("");
  const [tasks, setTasks] = useState<Task[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [editing, setEditing] = useState<Task | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toast = useToast();
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const awaitingNext = useRef(new Map<string, string>()); // series id -> completed task id
  const generation = useRef(0);
  const sentinel = useRef<HTMLDivElement>(null);

  const query = useCallback(
    (f: Filters, c: string | null): TaskQuery => ({
      ...f,
      priority: f.priority || undefined,
      tag: f.tag || undefined,
      q: f.q || undefined,
      limit: PAGE,
      cursor: c,
    }),
    [],
  );

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setLoading(true);
    try {
      const page = await listTasks(query(filtersRef.current, null));
      if (gen !== generation.current) return;
      setTasks(page.items);
      setCursor(page.next_cursor);
      setError(null);
    } catch (e) {
      if (gen === generation.current) setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
    api<{ items: { tag: string }[] }>("GET", "/api/v1/tags")
      .then((r) => setTags(r.items.map((t) => t.tag)))
      .catch(() => {});
  }, [query]);

  const loadMore = useCallback(async () => {
    if (!cursor || loading) return;
    const gen = generation.current;
    setLoading(true);
    try {
      const page = await listTasks(query(filtersRef.current, cursor));
      if (gen !== generation.current) return;
      setTasks((ts) => {
        const seen = new Set(ts.map((t) => t.id));
        return [...ts, ...page.items.filter((t) => !seen.has(t.id))];
      });
      setCursor(page.next_cursor);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [cursor, loading, query]);

  useEffect(() => {
    reload();
  }, [filters, reload]);

  // Search as you type, without a request per key.
  useEffect(() => {
    const t = window.setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), 250);
    return () => window.clearTimeout(t);
  }, [search]);

  // Infinite scroll: load the next page when the end of the list comes into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [loadMore]);

  // Apply one task snapshot (from an answer or a live update) to the list.
  const apply = useCallback((t: Task, action: string) => {
    setTasks((ts) => {
      const i = ts.findIndex((x) => x.id === t.id);
      if (i >= 0 && ts[i].version > t.version) return ts; // an older snapshot arrived late
      if (action === "deleted" || !visible(t, filtersRef.current)) {
        return i >= 0 ? ts.filter((x) => x.id !== t.id) : ts;
      }
      if (i >= 0) {
        const copy = ts.slice();
        copy[i] = t;
        return copy;
      }
      return [t, ...ts];
    });
  }, []);

  useEffect(() => {
    const onUpdate = (e: Event) => {
      const u = (e as CustomEvent<LiveUpdate>).detail;
      if (!u.type.startsWith("todo.ui.task.")) return;
      const t: Task | undefined = u.data?.task;
      if (!t) return;
      const action = u.data.action ?? u.type.split(".")[3];
      apply(t, action);
      if (action === "created" && t.series_id && awaitingNext.current.has(t.series_id) && t.occurrence_index > 0) {
        awaitingNext.current.delete(t.series_id);
        toast(`Next occurrence: ${t.title} — ${formatDue(t.due)}`);
      }
    };
    const onResync = () => reload();
    live.addEventListener("update", onUpdate);
    live.addEventListener("resync", onResync);
    return () => {
      live.removeEventListener("update", onUpdate);
      live.removeEventListener("resync", onResync);
    };
  }, [live, apply, reload, toast]);

  const complete = async (t: Task) => {
    // Optimistic: the row reacts at once; the answer (a newer version) replaces it.
    apply({ ...t, status: "completed", completed_at: new Date().toISOString() }, "completed");
    try {
      const done = await api<Task>("POST", `/api/v1/tasks/${t.id}/complete`);
      apply(done, "completed");
      if (t.recurrence && t.series_id) awaitingNext.current.set(t.series_id, t.id);
      toast(t.recurrence ? `Completed “${t.title}” — the next one is on its way` : `Completed “${t.title}”`, {
        action: { label: "Undo", run: () => reopen(done) },
      });
    } catch (e) {
      reload();
      toast(e instanceof ApiError ? e.message : String(e), { kind: "error" });
    }
  };
  const reopen = async (t: Task) => {
    try {
      apply(await api<Task>("POST", `/api/v1/tasks/${t.id}/reopen`), "reopened");
    } catch (e) {
      toast(e instanceof ApiError ? e.message : String(e), { kind: "error" });
    }
  };
  // Delete waits five seconds so Undo can take it back; leaving the page sends it at once.
  const pendingDeletes = useRef(new Map<string, number>());
  const sendDelete = (id: string, keepalive = false) => {
    pendingDeletes.current.delete(id);
    api("DELETE", `/api/v1/tasks/${id}`, undefined, { keepalive }).then(
      () => setTasks((ts) => ts.filter((x) => x.id !== id)),
      (e) => {
        if (!(e instanceof ApiError && e.status === 404)) toast(String(e.message ?? e), { kind: "error" });
      },
    );
  };
  useEffect(() => {
    const flush = () => {
      for (const [id, timer] of pendingDeletes.current) {
        window.clearTimeout(timer);
        sendDelete(id, true);
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  });
  const remove = (t: Task) => {
    setHidden((h) => new Set(h).add(t.id));
    const timer = window.setTimeout(() => sendDelete(t.id), 5000);
    pendingDeletes.current.set(t.id, timer);
    toast(`Deleted “${t.title}”`, {
      action: {
        label: "Undo",
        run: () => {
          window.clearTimeout(timer);
          pendingDeletes.current.delete(t.id);
          setHidden((h) => {
            const n = new Set(h);
            n.delete(t.id);
            return n;
          });
        },
      },
    });
  };

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const shown = tasks.filter((t) => !hidden.has(t.id));

  return (
    <section className="tasks" aria-labelledby="tasks-title">
      <h1 id="tasks-title" className="sr-only">
        Tasks
      </h1>
      <QuickAdd onCreated={(t) => apply(t, "created")} />
      <div className="filters card" role="search">
        <label className="grow">
          <span className="sr-only">Search tasks</span>
          <input type="search" placeholder="Search" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search tasks" />
        </label>
        <label>
          <span className="sr-only">Status</span>
          <select aria-label="Status" value={filters.status} onChange={(e) => set("status", e.target.value)}>
            <option value="open">Open</option>
            <option value="completed">Completed</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          <span className="sr-only">Priority</span>
          <select aria-label="Priority" value={filters.priority} onChange={(e) => set("priority", e.target.value)}>
            <option value="">Any priority</option>
            <option value="urgent">P1 urgent</option>
            <option value="high">P2 high</option>
            <option value="medium">P3 medium</option>
            <option value="low">P4 low</option>
          </select>
        </label>
        <label>
          <span className="sr-only">Tag</span>
          <select aria-label="Tag" value={filters.tag} onChange={(e) => set("tag", e.target.value)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">Sort</span>
          <select
            aria-label="Sort"
            value={filters.sort + ":" + filters.order}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(":");
              setFilters((f) => ({ ...f, sort, order }));
            }}
          >
            <option value="due:asc">Due date</option>
            <option value="priority:desc">Priority</option>
            <option value="title:asc">Title</option>
            <option value="created:desc">Newest</option>
            <option value="updated:desc">Recently changed</option>
          </select>
        </label>
        <div className="toggles" role="group" aria-label="Quick filters">
          {(["due_today", "overdue", "recurring"] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={"toggle" + (filters[k] ? " on" : "")}
              aria-pressed={filters[k]}
              onClick={() => set(k, !filters[k])}
            >
              {k === "due_today" ? "Today" : k === "overdue" ? "Overdue" : "Recurring"}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="task-list" aria-label="Task list" data-testid="task-list" aria-busy={loading}>
        {shown.map((t) => (
          <TaskRow
            key={t.id}
            task={t}
            onToggle={() => (t.status === "open" ? complete(t) : reopen(t))}
            onEdit={() => setEditing(t)}
            onDelete={() => remove(t)}
            onTag={(tag) => set("tag", tag)}
          />
        ))}
      </ul>
      {!loading && shown.length === 0 && <p className="empty muted">Nothing here. Add a task above.</p>}
      <div ref={sentinel} className="sentinel">
        {cursor && (
          <button type="button" onClick={loadMore} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
      {editing && <Editor task={editing} onClose={() => setEditing(null)} onSaved={(t) => apply(t, "updated")} />}
    </section>
  );
}

function TaskRow({ task: t, onToggle, onEdit, onDelete, onTag }: {
  task: Task;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onTag: (t: string) => void;
}) {
  const overdue = isOverdue(t);
  return (
    <li className={`task prio-${t.priority}${t.status === "completed" ? " done" : ""}${overdue ? " overdue" : ""}`} data-testid="task" data-task-id={t.id}>
      <input
        type="checkbox"
        className="check"
        checked={t.status === "completed"}
        onChange={onToggle}
        aria-label={(t.status === "completed" ? "Reopen " : "Complete ") + t.title}
      />
      <div className="task-main">
        <button type="button" className="task-title" onClick={onEdit} aria-label={`Edit ${t.title}`}>
          {t.title}
        </button>
        <div className="task-meta">
          <span className={`badge prio prio-${t.priority}`} title={t.priority}>
            {PRIORITY_LABEL[t.priority]}
          </span>
          {t.due && <span className={"due" + (overdue ? " is-overdue" : "")}>{overdue ? "Overdue · " : ""}{formatDue(t.due)}</span>}
          {t.recurrence && (
            <span className="recurring" title={t.recurrence.rrule} aria-label="repeats">
              <RepeatIcon />
            </span>
          )}
          {t.reminders.length > 0 && (
            <span className="has-reminder" aria-label={`${t.reminders.length} reminders`}>
              <BellIcon />
            </span>
          )}
          {t.tags.map((tag) => (
            <button key={tag} type="button" className="chip tag" onClick={() => onTag(tag)} aria-label={`Filter by tag ${tag}`}>
              #{tag}
            </button>
          ))}
        </div>
      </div>
      <button type="button" className="icon danger" onClick={onDelete} aria-label={`Delete ${t.title}`}>
        <TrashIcon />
      </button>
    </li>
  );
}
