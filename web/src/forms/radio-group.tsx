// A set of radio buttons holding one value (a lead's visibility): a fieldset whose legend asks the
// question, each option with an optional description, and one inline error for the set.
import type { ReactNode } from 'react';
import { fieldDescription } from './field-description.ts';
import { FieldError, FieldHint } from './field-messages.tsx';
import type { FieldBinding } from './use-zod-form.ts';

interface RadioGroupProps {
  legend: string;
  hint?: string;
  binding: FieldBinding;
  children: ReactNode;
}

export function RadioGroup({ legend, hint, binding, children }: RadioGroupProps) {
  const { hintId, errorId, describedBy } = fieldDescription(binding.id, hint, binding.error);
  return (
    <fieldset id={binding.id} className="choice-group" tabIndex={-1} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldHint id={hintId} hint={hint} />
      <div className="radio-options">{children}</div>
      <FieldError id={errorId} error={binding.error} />
    </fieldset>
  );
}

interface RadioOptionProps {
  binding: FieldBinding;
  value: string;
  label: string;
  description?: string;
}

export function RadioOption({ binding, value, label, description }: RadioOptionProps) {
  const id = `${binding.id}-${value}`;
  return (
    <div className="choice radio-choice">
      <input
        id={id}
        type="radio"
        name={binding.name}
        value={value}
        checked={binding.value === value}
        onChange={binding.onChange}
        onBlur={binding.onBlur}
        aria-describedby={description ? `${id}-description` : undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {description ? (
          <p id={`${id}-description`} className="field-hint">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
