// Minimal form state for small forms: values, validation with a zod schema, and when to show errors.
// Errors appear after a field is left (blur) or after a submit attempt, then update as the user types,
// so nobody is scolded while still typing their first character.
import { useCallback, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { validate, type FieldErrors } from './field-errors.ts';

export interface FieldBinding {
  id: string;
  name: string;
  value: string;
  error: MessageKey | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

export function useZodForm<Values extends Record<string, string>, Output>(schema: z.ZodType<Output, Values>, initialValues: Values) {
  type Field = Extract<keyof Values, string>;
  const formId = useId();
  const [values, setValues] = useState<Values>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);

  const result = useMemo(() => validate(schema, values), [schema, values]);
  const errors: FieldErrors<Field> = result.ok ? {} : result.errors;

  const fieldId = useCallback((name: Field) => `${formId}-${name}`, [formId]);

  const field = (name: Field): FieldBinding => ({
    id: fieldId(name),
    name,
    value: values[name] ?? '',
    error: touched[name] || submitted ? errors[name] : undefined,
    onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.value })),
    onBlur: () => setTouched((current) => (current[name] ? current : { ...current, [name]: true })),
  });

  /** Wraps a submit handler: it only runs with parsed data; otherwise focus moves to the first bad field. */
  const handleSubmit = (onValid: (data: Output) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (result.ok) {
      onValid(result.data);
      return;
    }
    const firstInvalid = (Object.keys(values) as Field[]).find((name) => errors[name]);
    if (firstInvalid) document.getElementById(fieldId(firstInvalid))?.focus();
  };

  return { values, field, handleSubmit };
}
