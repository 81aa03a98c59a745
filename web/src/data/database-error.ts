// Maps errors from PostgREST and the RPCs to translated messages. The RPCs refuse bad input with
// SQLSTATE 22023 and a plain English sentence; the sentences we know get a translation, and any
// other 22023 sentence is still shown (it was written for users) inside a translated frame.
import type { MessageKey } from '../i18n/en.ts';
import type { MessageValues } from '../i18n/translate.ts';

export interface ErrorMessage {
  key: MessageKey;
  values?: MessageValues;
}

/** Prefixes of the RPCs' 22023 messages (supabase/migrations/*_expert_onboarding.sql). */
const invalidInputByPrefix: readonly (readonly [string, MessageKey])[] = [
  ['display name must be', 'validation.displayNameLength'],
  ['bio is required', 'validation.bioRequired'],
  ['headline must be', 'validation.headlineTooLong'],
  ['choose 1 to 10 categories', 'validation.categoriesCount'],
  ['unknown category', 'dbError.unknownCategory'],
  ['unknown city', 'dbError.unknownCity'],
  ['unknown language', 'dbError.unknownLanguage'],
  ['at most 20 specialties', 'validation.specialtiesLimits'],
  ['service radius must be', 'validation.radiusRange'],
  ['hourly rate must be', 'validation.rateInvalid'],
  ['currency must be', 'validation.currencyInvalid'],
  ['public profile text must not contain', 'validation.noContactDetails'],
  ['the note must be', 'validation.noteTooLong'],
  ['the application is not pending', 'dbError.notPending'],
  ['no such expert application', 'dbError.noSuchApplication'],
];

interface ErrorShape {
  code?: unknown;
  message?: unknown;
}

export function databaseErrorMessage(error: unknown): ErrorMessage {
  if (typeof error !== 'object' || error === null) return { key: 'dbError.unknown' };
  const { code, message } = error as ErrorShape;
  const text = typeof message === 'string' ? message : '';
  if (code === '22023') {
    const known = invalidInputByPrefix.find(([prefix]) => text.startsWith(prefix));
    return known ? { key: known[1] } : { key: 'dbError.invalidInput', values: { detail: text } };
  }
  // 42501: RLS or an RPC's own check. PGRST301/303: the token is missing, expired or invalid.
  if (code === '42501') return { key: 'dbError.notAllowed' };
  if (code === 'PGRST301' || code === 'PGRST303') return { key: 'authError.sessionExpired' };
  // 23514: a check constraint the client-side validation did not foresee.
  if (code === '23514') return { key: 'validation.invalid' };
  // supabase-js turns a failed fetch into an error with an empty code and "TypeError: …" text.
  if ((code === '' || code === undefined) && /fetch|network/i.test(text)) return { key: 'authError.network' };
  if (error instanceof TypeError) return { key: 'authError.network' };
  return { key: 'dbError.unknown' };
}
