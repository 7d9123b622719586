import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside, Esc closes it, and the
 * page behind is inert. Focus goes back to what opened it.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="citizen-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        (opener.current as HTMLElement | null)?.focus?.();
        props.onClose();
      }}
    >
      <h2 id={titleId} className="h4">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}

/**
 * A dialog that asks before something that cannot be undone (cancel, leave, delete): what happens,
 * the fields it needs, then the red button to go ahead or the one to keep things as they are.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  confirmLabel: string;
  keepLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <form noValidate onSubmit={props.onSubmit}>
        <p>{props.body}</p>
        {props.children}
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-danger" disabled={props.busy}>
            {props.confirmLabel}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={props.onClose}>
            {props.keepLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
