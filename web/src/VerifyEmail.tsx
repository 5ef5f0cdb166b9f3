// The page a verification mail links to (/verify-email#token=…): the token is in the fragment,
// which browsers never send to a server, and is posted once to the API.
import { useEffect, useState } from "react";
import { api, asApiError } from "./api";

export function VerifyEmail({ onContinue }: { onContinue: () => void }) {
  const [state, setState] = useState<{ done: boolean; message: string }>({ done: false, message: "Confirming your address…" });
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
    api<{ email: string }>("POST", "/api/v1/auth/verify-email", { token }, { quiet401: true }).then(
      (r) => setState({ done: true, message: `${r.email} is confirmed: reminders can be mailed to it.` }),
      (e) => setState({ done: true, message: asApiError(e).message }),
    );
  }, []);
  return (
    <main className="auth">
      <section className="card auth-card" aria-labelledby="verify-title">
        <h1 id="verify-title">Email address</h1>
        <p role="status">{state.message}</p>
        {state.done && (
          <button type="button" className="primary" onClick={onContinue}>
            Continue
          </button>
        )}
      </section>
    </main>
  );
}
