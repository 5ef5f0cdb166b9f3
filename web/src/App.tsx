import { useCallback, useEffect, useMemo, useState } from "react";
import { api, setUnauthorizedHandler, type Notification, type User } from "./api";
import { AuthScreen } from "./Auth";
import { Inbox } from "./Inbox";
import { connectLive, type LiveStatus, type LiveUpdate } from "./live";
import { Settings } from "./Settings";
import { Tasks } from "./Tasks";
import { VerifyEmail } from "./VerifyEmail";
import { ToastProvider, useToast } from "./toast";

type Route = "tasks" | "inbox" | "settings" | "login" | "signup";

function routeFromPath(): Route {
  const p = window.location.pathname;
  if (p.startsWith("/inbox")) return "inbox";
  if (p.startsWith("/settings")) return "settings";
  if (p.startsWith("/signup")) return "signup";
  if (p.startsWith("/login")) return "login";
  return "tasks";
}

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}

function Shell() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(routeFromPath);
  const navigate = useCallback((r: Route) => {
    const path = r === "tasks" ? "/tasks" : "/" + r;
    if (window.location.pathname !== path) window.history.pushState(null, "", path);
    setRoute(r);
  }, []);

  useEffect(() => {
    const onPop = () => setRoute(routeFromPath());
    window.addEventListener("popstate", onPop);
    setUnauthorizedHandler(() => setUser(null));
    api<User>("GET", "/api/v1/me", undefined, { quiet401: true }).then(setUser, () => setUser(null));
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  // A link from a mail works whether or not this browser is signed in.
  if (window.location.pathname === "/verify-email") {
    return <VerifyEmail onContinue={() => (window.location.href = user ? "/settings" : "/login")} />;
  }
  if (user === undefined) return <p className="loading muted">Loading…</p>;
  if (user === null) {
    return (
      <AuthScreen
        mode={route === "signup" ? "signup" : "login"}
        onSwitch={(m) => navigate(m)}
        onDone={(u) => {
          setUser(u);
          navigate("tasks");
        }}
      />
    );
  }
  return (
    <Signedin
      user={user}
      route={route === "inbox" || route === "settings" ? route : "tasks"}
      onUser={setUser}
      navigate={navigate}
      onLogout={async () => {
        await api("POST", "/api/v1/auth/logout", {}).catch(() => {});
        setUser(null);
        navigate("login");
      }}
    />
  );
}

function Signedin({ user, route, navigate, onLogout, onUser }: {
  user: User;
  route: "tasks" | "inbox" | "settings";
  onUser: (u: User) => void;
  navigate: (r: Route) => void;
  onLogout: () => void;
}) {
  const live = useMemo(() => new EventTarget(), []);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [unread, setUnread] = useState(0);
  const [inboxVersion, setInboxVersion] = useState(0);
  const toast = useToast();

  const refreshUnread = useCallback(() => {
    api<{ unread: number }>("GET", "/api/v1/notifications")
      .then((r) => setUnread(r.unread ?? 0))
      .catch(() => {});
  }, []);

  useEffect(() => {
    refreshUnread();
    return connectLive({
      onStatus: setStatus,
      onResync: () => {
        live.dispatchEvent(new Event("resync"));
        refreshUnread();
        setInboxVersion((v) => v + 1);
      },
      onUpdate: (u: LiveUpdate) => {
        live.dispatchEvent(new CustomEvent("update", { detail: u }));
        if (u.type.startsWith("todo.notification.")) {
          const n: Notification | undefined = u.data?.notification;
          refreshUnread();
          setInboxVersion((v) => v + 1);
          if (n && u.type === "todo.notification.created.v1") {
            toast(`Reminder: ${n.title}`, { kind: "reminder" });
            if (typeof Notification !== "undefined" && Notification.permission === "granted") {
              new Notification("Reminder", { body: n.title, tag: n.id });
            }
          }
        }
      },
    });
  }, [live, refreshUnread, toast]);

  return (
    <div className="app">
      <header className="topbar">
        <a
          href="/tasks"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate("tasks");
          }}
        >
          ✓ Todo
        </a>
        <nav aria-label="Main">
          <a
            href="/tasks"
            aria-current={route === "tasks" ? "page" : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate("tasks");
            }}
          >
            Tasks
          </a>
          <a
            href="/inbox"
            aria-current={route === "inbox" ? "page" : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate("inbox");
            }}
          >
            Inbox
            {unread > 0 && (
              <span className="count" data-testid="unread-count" aria-label={`${unread} unread`}>
                {unread}
              </span>
            )}
          </a>
          <a
            href="/settings"
            aria-current={route === "settings" ? "page" : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate("settings");
            }}
          >
            Settings
          </a>
        </nav>
        <span className={"live-dot " + status} title={status} aria-label={`live updates: ${status}`} data-testid="live-status" data-status={status} />
        <span className="who muted small">{user.name || user.email}</span>
        <button type="button" onClick={onLogout}>
          Log out
        </button>
      </header>
      <main>
        {route === "inbox" ? (
          <Inbox version={inboxVersion} onChanged={refreshUnread} />
        ) : route === "settings" ? (
          <Settings onSaved={onUser} />
        ) : (
          <Tasks live={live} />
        )}
      </main>
    </div>
  );
}
