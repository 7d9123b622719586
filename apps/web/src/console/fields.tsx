import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface Labelled {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** The label, hint and error of a field, as the form kit's Field draws them (apps/web/src/forms). */
function Frame({ id, label, hint, error, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={`form-field mb-4${error ? ' form-field--error' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy({ id, hint, error }: Labelled): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: Labelled & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...textarea
}: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}`}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...textarea}
      />
    </Frame>
  );
}

/** Words plus colour for a status, never colour alone. */
export function StatusTag({
  tone,
  children,
}: {
  tone: 'info' | 'success' | 'warning' | 'danger' | 'neutral';
  children: ReactNode;
}) {
  return <span className={`status-tag status-tag--${tone}`}>{children}</span>;
}

/** "Loading", "could not load, retry": the states a list shows instead of an empty space. */
export function LoadState({
  loading,
  error,
  onRetry,
  loadingText,
  failedText,
  retryText,
}: {
  loading: boolean;
  error?: unknown;
  onRetry: () => void;
  loadingText: string;
  failedText: string;
  retryText: string;
}) {
  if (error) {
    return (
      <div className="alert alert-warning" role="alert">
        <p>{failedText}</p>
        <button type="button" className="btn btn-outline-primary" onClick={onRetry}>
          {retryText}
        </button>
      </div>
    );
  }
  if (loading) return <p role="status">{loadingText}</p>;
  return null;
}

/** A table that scrolls sideways on a narrow screen: focusable and named, so that the keyboard scrolls it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
