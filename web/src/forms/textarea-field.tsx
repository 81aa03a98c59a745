// A labelled <textarea> for longer text (an expert's bio), wired like TextField. Its text
// takes the direction of what is typed, so an English bio reads correctly on a Hebrew page.
import { fieldDescription } from './field-description.ts';
import { FieldError, FieldHint } from './field-messages.tsx';
import type { FieldBinding } from './use-zod-form.ts';

interface TextareaFieldProps {
  label: string;
  hint?: string;
  binding: FieldBinding;
  disabled?: boolean;
  rows?: number;
}

export function TextareaField({ label, hint, binding, disabled, rows = 5 }: TextareaFieldProps) {
  const { id, error, ...textareaBinding } = binding;
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={hintId} hint={hint} />
      <textarea
        {...textareaBinding}
        id={id}
        rows={rows}
        dir="auto"
        disabled={disabled}
        aria-invalid={error ? true : false}
        aria-describedby={describedBy}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
