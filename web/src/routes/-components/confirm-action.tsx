// A button for a step that cannot be undone (accepting a proposal, cancelling a request). The first
// click asks in place, with the consequences spelled out; focus moves to the confirming button, and
// back to the original one if the user changes their mind. Inline rather than window.confirm, so the
// question is translated, styled and announced like the rest of the page.
import { useEffect, useId, useRef, useState } from 'react';

interface ConfirmActionProps {
  label: string;
  question: string;
  confirmLabel: string;
  keepLabel: string;
  pending: boolean;
  pendingLabel: string;
  onConfirm: () => void;
  /** The first button's look: primary for a positive step, plain for a destructive one. */
  tone?: 'primary' | 'danger';
}

export function ConfirmAction({ label, question, confirmLabel, keepLabel, pending, pendingLabel, onConfirm, tone = 'primary' }: ConfirmActionProps) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const buttonClass = tone === 'danger' ? 'button button-danger' : 'button button-primary';

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className={tone === 'danger' ? 'button' : 'button button-primary'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-action" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="confirm-buttons">
        <button ref={confirmRef} type="button" className={buttonClass} disabled={pending} aria-busy={pending} onClick={onConfirm}>
          {pending ? <span className="spinner" aria-hidden="true" /> : null}
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => setAsking(false)}>
          {keepLabel}
        </button>
      </div>
    </div>
  );
}
