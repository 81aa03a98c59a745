// Looks up a message and fills `{name}` placeholders. Unknown placeholders stay visible, so a
// missing value shows up in review instead of silently disappearing.
import type { MessageKey, Messages } from './en.ts';

export type MessageValues = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function formatMessage(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}

export function createTranslate(messages: Messages): Translate {
  return (key, values) => formatMessage(messages[key], values);
}

/** Zod issues carry message keys (see forms/auth-schema.ts); anything else falls back to a generic hint. */
export function isMessageKey(messages: Messages, value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messages, value);
}
