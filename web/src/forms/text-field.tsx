// A labelled input whose error is tied to it for assistive tech: aria-invalid, aria-describedby
// pointing at the hint and the inline error, and the error itself announced via role="alert".
import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import type { FieldBinding } from './use-zod-form.ts';

type NativeProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'autoFocus'>;

interface TextFieldProps extends NativeProps {
  label: string;
  hint?: string;
  binding: FieldBinding;
  disabled?: boolean;
}

export function TextField({ label, hint, binding, disabled, type = 'text', ...native }: TextFieldProps) {
  const t = useT();
  const { id, error, ...inputBinding } = binding;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  // Emails, passwords and URLs are Latin text even in Hebrew: keep them left-to-right so they read
  // correctly. Free text takes the direction of what is typed (an English name on a Hebrew page).
  const dir = type === 'email' || type === 'password' || type === 'url' ? 'ltr' : 'auto';

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        {...native}
        {...inputBinding}
        id={id}
        type={type}
        dir={dir}
        disabled={disabled}
        aria-invalid={error ? true : false}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
