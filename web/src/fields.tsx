// Form controls that show the API's field-level errors (ApiError.fieldMessage) under themselves,
// tied to the control with aria-invalid and aria-describedby.
import type { InputHTMLAttributes, ReactNode } from "react";
import type { ApiError } from "./api";

// An id for the element that describes `field` ("channels.push.topic" → "channels-push-topic-…").
export const fieldId = (field: string, suffix: string) => `${field.replace(/[^A-Za-z0-9_-]/g, "-")}-${suffix}`;

// The attributes a control needs for its error (and optional hint).
export function describedBy(field: string, message: string | undefined, hint = false) {
  const ids = [hint && fieldId(field, "hint"), message && fieldId(field, "error")].filter(Boolean).join(" ");
  return { "aria-invalid": !!message, "aria-describedby": ids || undefined };
}

export function FieldError({ field, message }: { field: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={fieldId(field, "error")} role="alert" data-field={field}>
      {message}
    </p>
  ) : null;
}

// A labelled text input for one field of a PATCH body; `error` is the last answer's, if any.
export function TextField({ field, label, hint, error, ...input }: {
  field: string;
  label: string;
  hint?: ReactNode;
  error: ApiError | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const message = error?.fieldMessage(field);
  const id = fieldId(field, "input");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={field} {...input} {...describedBy(field, message, !!hint)} />
      {hint && (
        <p className="hint muted small" id={fieldId(field, "hint")}>
          {hint}
        </p>
      )}
      <FieldError field={field} message={message} />
    </div>
  );
}

// A checkbox with its label beside it.
export function CheckField({ label, checked, onChange, name }: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name: string;
}) {
  return (
    <label className="check-field">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
