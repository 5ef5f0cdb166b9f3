// The Settings screen's form state, and the PATCH /api/v1/me body that carries only what changed.
import type { User } from "./api";

export interface ChannelsForm {
  email: { enabled: boolean; address: string }; // "" = the account email
  push: { enabled: boolean; topic: string };
  in_app: { enabled: boolean };
  fcm: { enabled: boolean; device_token: string; project_id: string };
}

export interface SettingsForm {
  name: string;
  time_zone: string; // "" = the browser's zone
  channels: ChannelsForm;
}

// A newly chosen service-account key file (parsed), or undefined to keep the stored one.
export type KeyFile = Record<string, unknown> | undefined;

export function formFrom(u: User): SettingsForm {
  const c = u.channels;
  // The API answers the effective address: the account email unless another one is set.
  const address = c?.email.address && c.email.address !== u.email ? c.email.address : "";
  return {
    name: u.name,
    time_zone: u.time_zone,
    channels: {
      email: { enabled: c?.email.enabled ?? true, address },
      push: { enabled: c?.push.enabled ?? false, topic: c?.push.topic ?? "" },
      in_app: { enabled: c?.in_app.enabled ?? true },
      fcm: {
        enabled: c?.fcm?.enabled ?? false,
        device_token: c?.fcm?.device_token ?? "",
        project_id: c?.fcm?.project_id ?? "",
      },
    },
  };
}

// The members of `form` that differ from `base` (texts trimmed; an emptied text is null, which
// the API reads as "clear it"), plus a new key file.
export function patchFor(base: SettingsForm, form: SettingsForm, keyFile: KeyFile, zoneDefault: string) {
  const patch: { name?: string; time_zone?: string; channels?: Record<string, Record<string, unknown>> } = {};
  if (form.name.trim() !== base.name) patch.name = form.name.trim();
  const zone = form.time_zone.trim() || zoneDefault;
  if (zone !== base.time_zone) patch.time_zone = zone;
  const channels: Record<string, Record<string, unknown>> = {};
  for (const [name, members] of Object.entries(form.channels)) {
    const before: Record<string, unknown> = base.channels[name as keyof ChannelsForm];
    for (const [key, value] of Object.entries(members as Record<string, string | boolean>)) {
      const now = typeof value === "string" ? value.trim() : value;
      if (now !== before[key]) (channels[name] ??= {})[key] = now === "" ? null : now;
    }
  }
  if (keyFile) (channels.fcm ??= {}).service_account = keyFile;
  if (Object.keys(channels).length > 0) patch.channels = channels;
  return patch;
}

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

// The IANA zones the browser knows (Intl.supportedValuesOf is ES2022; older browsers get none
// and the field stays a plain text input).
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.("timeZone") ?? [];
    return zones.includes("UTC") ? zones : ["UTC", ...zones];
  } catch {
    return [];
  }
}

const MAX_KEY_FILE_BYTES = 64 * 1024; // a key file is about 2.3 KB

// Reads a chosen key file in the browser; rejects (with the message to show) anything that is
// not a JSON object, so the API is not called for it.
export function readKeyFile(file: File): Promise<Record<string, unknown>> {
  const notJson = `${file.name} is not a JSON key file. Choose the service-account key (.json) you downloaded from the Google Cloud console.`;
  if (file.size > MAX_KEY_FILE_BYTES) return Promise.reject(new Error(notJson));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.onload = () => {
      try {
        const value: unknown = JSON.parse(String(reader.result));
        if (value && typeof value === "object" && !Array.isArray(value)) {
          resolve(value as Record<string, unknown>);
          return;
        }
      } catch {
        // not JSON: the message below
      }
      reject(new Error(notJson));
    };
    reader.readAsText(file);
  });
}
