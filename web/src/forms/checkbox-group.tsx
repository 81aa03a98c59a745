// A set of checkboxes holding one list value (categories, languages): a fieldset whose legend names
// the question, optional sub-groups with their own legends, and one inline error for the whole set.
// The fieldset takes the field's id and can be focused, so a failed submit can move focus to it.
import type { ReactNode } from 'react';
import { fieldDescription } from './field-description.ts';
import { FieldError, FieldHint } from './field-messages.tsx';
import type { ChoicesBinding } from './use-zod-form.ts';

interface CheckboxGroupProps {
  legend: string;
  hint?: string;
  binding: ChoicesBinding;
  children: ReactNode;
}

export function CheckboxGroup({ legend, hint, binding, children }: CheckboxGroupProps) {
  const { hintId, errorId, describedBy } = fieldDescription(binding.id, hint, binding.error);
  return (
    <fieldset id={binding.id} className="choice-group" tabIndex={-1} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldHint id={hintId} hint={hint} />
      {children}
      <FieldError id={errorId} error={binding.error} />
    </fieldset>
  );
}

export function CheckboxSubgroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="choice-subgroup">
      <legend>{legend}</legend>
      <div className="choice-options">{children}</div>
    </fieldset>
  );
}

interface CheckboxOptionProps {
  binding: ChoicesBinding;
  value: string;
  label: string;
  disabled?: boolean;
}

export function CheckboxOption({ binding, value, label, disabled }: CheckboxOptionProps) {
  const id = `${binding.id}-${value}`;
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        name={binding.name}
        value={value}
        checked={binding.selected.includes(value)}
        disabled={disabled}
        onChange={(event) => binding.toggle(value, event.target.checked)}
        onBlur={binding.onBlur}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
