// A labelled <select>, wired for assistive tech like TextField: hint, aria-invalid, inline error.
import type { ReactNode } from 'react';
import { fieldDescription } from './field-description.ts';
import { FieldError, FieldHint } from './field-messages.tsx';
import type { FieldBinding } from './use-zod-form.ts';

interface SelectFieldProps {
  label: string;
  hint?: string;
  binding: FieldBinding;
  disabled?: boolean;
  children: ReactNode;
}

export function SelectField({ label, hint, binding, disabled, children }: SelectFieldProps) {
  const { id, error, ...selectBinding } = binding;
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={hintId} hint={hint} />
      <select {...selectBinding} id={id} disabled={disabled} aria-invalid={error ? true : false} aria-describedby={describedBy}>
        {children}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
