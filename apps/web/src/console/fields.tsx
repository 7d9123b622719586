import type { ComponentProps, ReactNode } from 'react';
import { TextAreaField as KitTextAreaField } from '../forms/controls';
import { LoadState } from '../layout/LoadState';
import { useTranslation } from '../i18n';
import { formatPhone } from '../format';

export { SelectField } from '../forms/controls';
export { AcceptDeclineButtons } from '../layout/AcceptDeclineButtons';

/** The console's notes and reasons are short: three lines unless the page asks for more. */
export function TextAreaField(props: ComponentProps<typeof KitTextAreaField>) {
  return <KitTextAreaField rows={3} {...props} />;
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

/** LoadState in the console's words ("Caricamento…", "could not load", "Riprova"); a page may name its own loading or failure. */
export function ConsoleLoadState({
  loadingText,
  failedText,
  ...state
}: {
  loading: boolean;
  error?: unknown;
  onRetry: () => void;
  loadingText?: string;
  failedText?: string;
}) {
  const { t } = useTranslation();
  return (
    <LoadState
      {...state}
      loadingText={loadingText ?? t('state.loading')}
      failedText={failedText ?? t('console.common.loadFailed')}
      retryText={t('console.common.retry')}
      failedTone="warning"
    />
  );
}

/** "Loading" until a query's first answer; "could not load, retry" when it failed and nothing is shown. */
export function QueryState({
  query,
}: {
  query: { loading: boolean; data?: unknown; error?: unknown; refetch: () => Promise<unknown> };
}) {
  return (
    <ConsoleLoadState
      loading={query.loading && !query.data}
      error={query.data ? undefined : query.error}
      onRetry={() => void query.refetch()}
    />
  );
}

/**
 * A list's filters: their controls, then the button that applies them (the list changes only then,
 * not at every keystroke or choice).
 */
export function FilterForm({
  onApply,
  applyLabel,
  children,
}: {
  onApply: () => void;
  applyLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      className="filters d-flex flex-wrap align-items-end gap-3 mb-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
      <button type="submit" className="btn btn-primary mb-4">
        {applyLabel}
      </button>
    </form>
  );
}

/** The console's pages work on a territory: said once the staff's territories have loaded and there is none. */
export function NoTerritory({ territory, loading }: { territory: unknown; loading: boolean }) {
  const { t } = useTranslation();
  return !territory && !loading ? <p className="alert alert-warning">{t('console.territory.none')}</p> : null;
}

/** A table that scrolls sideways on a narrow screen: focusable and named, so that the keyboard scrolls it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/**
 * The console's plain table: one header row of column names, the caption also naming the scrolling
 * region (`label` when the region's name is not the caption's words).
 */
export function DataTable({
  caption,
  label = caption,
  columns,
  className = 'table',
  children,
}: {
  caption: string;
  label?: string;
  columns: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The two buttons that end a console form or a confirmation: do it (the form's submit, or `onConfirm`
 * where there is no form) and cancel ("Annulla" unless the page says "keep"). `small` in lists.
 */
export function ConfirmButtons({
  confirmText,
  tone = 'primary',
  small = false,
  busy,
  onConfirm,
  onCancel,
  cancelText,
}: {
  confirmText: string;
  tone?: 'primary' | 'danger' | 'warning';
  small?: boolean;
  busy: boolean;
  onConfirm?: () => void;
  onCancel: () => void;
  cancelText?: string;
}) {
  const { t } = useTranslation();
  const size = small ? ' btn-sm' : '';
  return (
    <div className="d-flex flex-wrap gap-2">
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={`btn btn-${tone}${size}`}
        disabled={busy}
        onClick={onConfirm}
      >
        {confirmText}
      </button>
      <button type="button" className={`btn btn-outline-secondary${size}`} onClick={onCancel}>
        {cancelText ?? t('console.common.cancel')}
      </button>
    </div>
  );
}

/** A form's submit that says it is busy while saving ("Salvataggio…"). */
export function SaveButton({
  saving,
  text,
  savingText,
}: {
  saving: boolean;
  text: string;
  savingText: string;
}) {
  return (
    <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving}>
      {saving ? savingText : text}
    </button>
  );
}

/** What a save did, under the form in a polite live region that is there before it speaks. */
export function SavedNotice({ saved }: { saved: string | null }) {
  return (
    <div aria-live="polite" className="mt-3">
      {saved ? <p className="alert alert-success">{saved}</p> : null}
    </div>
  );
}

/** "Chiama +39 347 440 1234": a link the desk's phone (or a softphone) dials, the number grouped to read aloud. */
export function CallLink({ phone }: { phone: string }) {
  const { t } = useTranslation();
  return (
    <a href={`tel:${phone}`}>
      {t('console.need.call')} {formatPhone(phone)}
    </a>
  );
}
