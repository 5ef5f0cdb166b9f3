// Settings: the profile (name, time zone) and the notification channels, saved with
// PATCH /api/v1/me carrying only what changed.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { api, asApiError, type ApiError, type User } from "./api";
import { TextField } from "./fields";
import { CHANNEL_FIELDS, ChannelFields, FcmFields, type ChannelChange } from "./SettingsChannels";
import { browserZone, formFrom, patchFor, timeZones, type KeyFile, type SettingsForm } from "./settingsForm";

const SHOWN_FIELDS = ["name", "time_zone", ...CHANNEL_FIELDS];

export function Settings({ onSaved }: { onSaved: (u: User) => void }) {
  const [user, setUser] = useState<User | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    api<User>("GET", "/api/v1/me").then(setUser, (e) => setLoadError(asApiError(e).message));
  }, []);
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {user ? (
        <SettingsEditor initial={user} onSaved={onSaved} />
      ) : loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : (
        <p className="loading muted">Loading…</p>
      )}
    </section>
  );
}

function SettingsEditor({ initial, onSaved }: { initial: User; onSaved: (u: User) => void }) {
  const [saved, setSaved] = useState(initial);
  const base = useMemo(() => formFrom(saved), [saved]);
  const [form, setForm] = useState<SettingsForm>(base);
  const [keyFile, setKeyFile] = useState<KeyFile>(undefined);
  const [keyInput, setKeyInput] = useState(0); // bumped to clear the file input after a save
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const zone = useMemo(browserZone, []);
  const zones = useMemo(timeZones, []);

  // After a refused save, the keyboard lands on the first field the API complained about.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const edit = (change: (f: SettingsForm) => SettingsForm) => {
    setForm(change);
    setStatus("");
  };
  const onChannel: ChannelChange = (name, patch) =>
    edit((f) => ({ ...f, channels: { ...f.channels, [name]: { ...f.channels[name], ...patch } } }));

  // Sends `patch`; a full save then shows the answer, while forgetting the key keeps other edits.
  const send = async (patch: object, done: string, resetForm: boolean) => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      const user = await api<User>("PATCH", "/api/v1/me", patch);
      setSaved(user);
      onSaved(user);
      if (resetForm) {
        setForm(formFrom(user));
        setKeyFile(undefined);
        setKeyInput((n) => n + 1);
      }
      setStatus(done);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const patch = patchFor(base, form, keyFile, zone);
    if (Object.keys(patch).length === 0) {
      setError(null);
      setStatus("Nothing to save.");
      return;
    }
    void send(patch, "Settings saved.", true);
  };

  const general = !error ? [] : error.errors.length === 0 ? [error.message] : error.unclaimed(SHOWN_FIELDS).map((e) => e.message);
  return (
    <form ref={formRef} className="card settings-form" onSubmit={save} noValidate aria-labelledby="settings-title">
      <fieldset>
        <legend>Profile</legend>
        <TextField field="name" label="Name" autoComplete="name" value={form.name} error={error} onChange={(e) => edit((f) => ({ ...f, name: e.target.value }))} />
        <TextField
          field="time_zone"
          label="Time zone"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          value={form.time_zone}
          placeholder={zone}
          hint={`An IANA zone such as Europe/London. Empty: this device's zone (${zone}).`}
          error={error}
          onChange={(e) => edit((f) => ({ ...f, time_zone: e.target.value }))}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {form.time_zone !== zone && (
          <button type="button" className="link suggestion" onClick={() => edit((f) => ({ ...f, time_zone: zone }))}>
            Use this device's zone ({zone})
          </button>
        )}
      </fieldset>
      <ChannelFields
        channels={form.channels}
        accountEmail={saved.email}
        emailVerified={saved.channels?.email.verified === true}
        error={error}
        onChange={onChannel}
      />
      <FcmFields
        fcm={form.channels.fcm}
        stored={saved.channels?.fcm}
        error={error}
        onChange={onChannel}
        keyFile={keyFile}
        keyInput={keyInput}
        onKeyFile={(k) => {
          setKeyFile(k);
          setStatus("");
        }}
        onForgetKey={() => void send({ channels: { fcm: { service_account: null } } }, "Key file forgotten.", false)}
        busy={busy}
      />
      {general.map((m) => (
        <p className="form-error" role="alert" key={m}>
          {m}
        </p>
      ))}
      <footer className="form-foot">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <p className="saved small" role="status" data-testid="settings-status">
          {status}
        </p>
      </footer>
    </form>
  );
}
