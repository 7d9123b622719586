import { type ReactNode, useEffect, useId, useRef } from 'react';

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
