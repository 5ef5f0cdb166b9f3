// The notification channels of the Settings screen: email, push (ntfy), in-app and FCM.
import { useState, type ChangeEvent } from "react";
import { api, asApiError, type ApiError, type Channels } from "./api";
import { CheckField, describedBy, FieldError, fieldId, TextField } from "./fields";
import { readKeyFile, type ChannelsForm, type KeyFile } from "./settingsForm";

export type ChannelChange = <K extends keyof ChannelsForm>(name: K, patch: Partial<ChannelsForm[K]>) => void;

// Nothing is mailed to an address until its owner opens the link sent to it.
function EmailVerification({ verified }: { verified: boolean }) {
  const [status, setStatus] = useState("");
  if (verified) {
    return (
      <p className="muted" data-testid="email-status">
        <span className="badge ok">Verified</span>
      </p>
    );
  }
  const resend = async () => {
    try {
      const r = await api<{ verified: boolean }>("POST", "/api/v1/me/email-verification");
      setStatus(r.verified ? "Verified" : "A new link is on its way.");
    } catch (e) {
      setStatus(asApiError(e).message);
    }
  };
  return (
    <p className="muted" data-testid="email-status">
      <span className="badge warn">Unverified</span> Open the link we mailed to this address; until then no reminder is sent by email.{" "}
      <button type="button" className="link" onClick={resend}>
        Send the link again
      </button>{" "}
      <span role="status">{status}</span>
    </p>
  );
}

// The fields these controls show errors for; the form lists any other error on its own.
export const CHANNEL_FIELDS = [
  "channels.email.address",
  "channels.push.topic",
  "channels.fcm.device_token",
  "channels.fcm.project_id",
  "channels.fcm.service_account",
] as const;

export function ChannelFields({ channels, accountEmail, emailVerified, error, onChange }: {
  channels: ChannelsForm;
  accountEmail: string;
  emailVerified: boolean;
  error: ApiError | null;
  onChange: ChannelChange;
}) {
  const { email, push, in_app } = channels;
  return (
    <>
      <fieldset>
        <legend>Email</legend>
        <CheckField name="email-enabled" label="Send reminders by email" checked={email.enabled} onChange={(enabled) => onChange("email", { enabled })} />
        <TextField
          field="channels.email.address"
          label="Address"
          type="email"
          autoComplete="email"
          value={email.address}
          placeholder={accountEmail}
          hint={`Empty: your account email (${accountEmail}).`}
          error={error}
          onChange={(e) => onChange("email", { address: e.target.value })}
        />
        <EmailVerification verified={emailVerified} />
      </fieldset>
      <fieldset>
        <legend>Push (ntfy)</legend>
        <CheckField name="push-enabled" label="Send push notifications" checked={push.enabled} onChange={(enabled) => onChange("push", { enabled })} />
        <TextField
          field="channels.push.topic"
          label="Topic"
          autoComplete="off"
          spellCheck={false}
          value={push.topic}
          hint="Subscribe to this topic in the ntfy app: letters, digits, - and _."
          error={error}
          onChange={(e) => onChange("push", { topic: e.target.value })}
        />
      </fieldset>
      <fieldset>
        <legend>In-app</legend>
        <CheckField name="in-app-enabled" label="Show reminders in the inbox" checked={in_app.enabled} onChange={(enabled) => onChange("in_app", { enabled })} />
      </fieldset>
    </>
  );
}

export function FcmFields({ fcm, stored, error, onChange, keyFile, keyInput, onKeyFile, onForgetKey, busy }: {
  fcm: ChannelsForm["fcm"];
  stored: Channels["fcm"] | undefined;
  error: ApiError | null;
  onChange: ChannelChange;
  keyFile: KeyFile;
  keyInput: number; // a new number clears the file input and its message
  onKeyFile: (k: KeyFile) => void;
  onForgetKey: () => void;
  busy: boolean;
}) {
  return (
    <fieldset>
      <legend>Firebase Cloud Messaging</legend>
      <CheckField name="fcm-enabled" label="Send to my device with FCM" checked={fcm.enabled} onChange={(enabled) => onChange("fcm", { enabled })} />
      <TextField
        field="channels.fcm.device_token"
        label="Device token"
        autoComplete="off"
        spellCheck={false}
        value={fcm.device_token}
        hint="Your app's FCM registration token on the device."
        error={error}
        onChange={(e) => onChange("fcm", { device_token: e.target.value })}
      />
      <TextField
        field="channels.fcm.project_id"
        label="Project id"
        autoComplete="off"
        spellCheck={false}
        value={fcm.project_id}
        hint="Empty: the key file's project."
        error={error}
        onChange={(e) => onChange("fcm", { project_id: e.target.value })}
      />
      <KeyFileField key={keyInput} stored={stored} error={error} keyFile={keyFile} onKeyFile={onKeyFile} onForget={onForgetKey} busy={busy} />
    </fieldset>
  );
}

// The key file is read here and sent with the next save; the API never returns it, only whose
// it is (client_email) and that one is stored (credentials_set).
function KeyFileField({ stored, error, keyFile, onKeyFile, onForget, busy }: {
  stored: Channels["fcm"] | undefined;
  error: ApiError | null;
  keyFile: KeyFile;
  onKeyFile: (k: KeyFile) => void;
  onForget: () => void;
  busy: boolean;
}) {
  const field = "channels.fcm.service_account";
  const [fileError, setFileError] = useState<string | null>(null);
  const message = fileError ?? error?.fieldMessage(field);
  const id = fieldId(field, "input");

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(null);
    onKeyFile(undefined);
    if (!file) return;
    try {
      onKeyFile(await readKeyFile(file));
    } catch (err) {
      setFileError(err instanceof Error ? err.message : String(err));
    }
  };

  const storedFor = stored?.credentials_set ? stored.client_email ?? "an unnamed account" : null;
  const chosenFor = keyFile ? (typeof keyFile.client_email === "string" ? keyFile.client_email : "an unnamed account") : null;
  return (
    <div className="field">
      <label htmlFor={id}>Service-account key file</label>
      <input id={id} type="file" accept=".json,application/json" onChange={choose} {...describedBy(field, message, true)} />
      <p className="hint muted small" id={fieldId(field, "hint")} data-testid="key-file-status">
        {chosenFor
          ? `New key file for ${chosenFor}: it is stored when you save${storedFor ? ` (replacing ${storedFor}'s)` : ""}.`
          : storedFor
            ? `Key file set for ${storedFor}`
            : "No key file set. Create one in the Google Cloud console (IAM → Service accounts → Keys)."}
      </p>
      <FieldError field={field} message={message} />
      {storedFor && !chosenFor && (
        <button type="button" className="forget" onClick={onForget} disabled={busy}>
          Forget key file
        </button>
      )}
    </div>
  );
}
