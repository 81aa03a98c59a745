// Minimal form state for small forms: values, validation with a zod schema, and when to show errors.
// Errors appear after a field is left (blur) or after a submit attempt, then update as the user types,
// so nobody is scolded while still typing their first character.
import { useCallback, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { validate, type FieldErrors } from './field-errors.ts';

/** Text inputs, selects and textareas hold a string; a group of checkboxes holds the checked values. */
export type FormValue = string | readonly string[];

type EditableElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldBinding {
  id: string;
  name: string;
  value: string;
  error: MessageKey | undefined;
  onChange: (event: ChangeEvent<EditableElement>) => void;
  onBlur: () => void;
}

export interface ChoicesBinding {
  id: string;
  name: string;
  selected: readonly string[];
  error: MessageKey | undefined;
  toggle: (value: string, checked: boolean) => void;
  onBlur: () => void;
}

/** The names of the fields holding a T, optional ones included (the intersection keeps them usable as field names). */
type KeysOfType<Values, T> = Extract<keyof Values, string> & { [K in keyof Values]-?: Values[K] extends T | undefined ? K : never }[keyof Values];

export function useZodForm<Values extends Record<string, FormValue>, Output>(schema: z.ZodType<Output, Values>, initialValues: Values) {
  type Field = Extract<keyof Values, string>;
  const formId = useId();
  const [values, setValues] = useState<Values>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);

  const result = useMemo(() => validate(schema, values), [schema, values]);
  const errors: FieldErrors<Field> = result.ok ? {} : result.errors;

  const fieldId = useCallback((name: Field) => `${formId}-${name}`, [formId]);
  const visibleError = (name: Field) => (touched[name] || submitted ? errors[name] : undefined);
  const markTouched = (name: Field) => () => setTouched((current) => (current[name] ? current : { ...current, [name]: true }));

  const field = (name: KeysOfType<Values, string>): FieldBinding => ({
    id: fieldId(name),
    name,
    value: (values[name] as string | undefined) ?? '',
    error: visibleError(name),
    onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.value })),
    onBlur: markTouched(name),
  });

  const choices = (name: KeysOfType<Values, readonly string[]>): ChoicesBinding => ({
    id: fieldId(name),
    name,
    selected: (values[name] as readonly string[] | undefined) ?? [],
    error: visibleError(name),
    toggle: (value, checked) =>
      setValues((current) => {
        const without = ((current[name] as readonly string[] | undefined) ?? []).filter((selected) => selected !== value);
        return { ...current, [name]: checked ? [...without, value] : without };
      }),
    onBlur: markTouched(name),
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

  return { values, field, choices, handleSubmit };
}
