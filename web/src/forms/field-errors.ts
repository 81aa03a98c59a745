// Turns a zod result into at most one message key per field: the first problem is the one to fix.
import type { z } from 'zod';
import { en, type MessageKey } from '../i18n/en.ts';
import { isMessageKey } from '../i18n/translate.ts';

export type FieldErrors<Field extends string> = Partial<Record<Field, MessageKey>>;

export function fieldErrors<Field extends string>(issues: readonly z.core.$ZodIssue[]): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || field in errors) continue;
    errors[field as Field] = isMessageKey(en, issue.message) ? issue.message : 'validation.invalid';
  }
  return errors;
}

export function validate<Values extends Record<string, unknown>, Output>(
  schema: z.ZodType<Output, Values>,
  values: Values,
): { ok: true; data: Output } | { ok: false; errors: FieldErrors<Extract<keyof Values, string>> } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}
