import { useState, type FormEvent } from "react";
import { api, ApiError, type User } from "./api";

export function AuthScreen({ mode, onDone, onSwitch }: {
  mode: "login" | "signup";
  onDone: (u: User) => void;
  onSwitch: (m: "login" | "signup") => void;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, string> =
        mode === "signup"
          ? {
              email,
              password,
              ...(name.trim() ? { name: name.trim() } : {}),
              time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
            }
          : { email, password };
      // Sign-up answers alike whether or not the email had an account, and starts no session:
      // sign in with the password just chosen, as the answer says.
      if (mode === "signup") await api("POST", "/api/v1/auth/signup", body, { quiet401: true });
      try {
        const session = await api<{ user: User }>("POST", "/api/v1/auth/login", { email, password }, { quiet401: true });
        onDone(session.user);
      } catch (err) {
        if (mode === "signup" && err instanceof ApiError && err.status === 401) {
          throw new ApiError(401, "Could not sign you in", "This email may already have an account: log in with its password.", []);
        }
        throw err;
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "Network error", String(err), []));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => {
    const m = error?.fieldMessage(f);
    return m ? (
      <p className="field-error" id={`${f}-error`} role="alert">
        {m}
      </p>
    ) : null;
  };
  const general = error && error.errors.length === 0 ? error.message : null;

  return (
    <main className="auth">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h1 id="auth-title">{mode === "login" ? "Welcome back" : "Create your account"}</h1>
        {mode === "signup" && (
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" name="name" />
            {fieldError("name")}
          </label>
        )}
        <label>
          Email
          <input
            type="email"
            name="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            aria-invalid={!!error?.fieldMessage("email")}
            aria-describedby="email-error"
            required
          />
          {fieldError("email")}
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={mode === "login" ? "current-password" : "new-password"}
            aria-invalid={!!error?.fieldMessage("password")}
            aria-describedby="password-error"
            required
          />
          {fieldError("password")}
        </label>
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {mode === "login" ? "Log in" : "Sign up"}
        </button>
        <p className="muted">
          {mode === "login" ? "New here? " : "Have an account? "}
          <button type="button" className="link" onClick={() => onSwitch(mode === "login" ? "signup" : "login")}>
            {mode === "login" ? "Create an account" : "Log in"}
          </button>
        </p>
      </form>
    </main>
  );
}
