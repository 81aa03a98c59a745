// Request bodies, as supabase-js sends them. Unknown fields (gotrue_meta_security, code_challenge…)
// are accepted and dropped; wrong types are a 400 `validation_failed`.
import { z } from 'zod';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from './context.ts';
import { AuthError, validationFailed, weakPassword } from './errors.ts';

const optionalString = z.string().max(1024).nullish();
export const metadata = z.record(z.string(), z.unknown());

// GoTrue's check: something@something.tld, no spaces, at most 255 characters.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Lower-cased, trimmed address, or GoTrue's 400 (the message never repeats the input). */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 255 || !EMAIL.test(email)) throw validationFailed('Unable to validate email address: invalid format');
  return email;
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw weakPassword(PASSWORD_MIN_LENGTH);
  if (Buffer.byteLength(password) > PASSWORD_MAX_BYTES) {
    throw new AuthError(422, 'validation_failed', `Password cannot be longer than ${PASSWORD_MAX_BYTES} characters`);
  }
}

export const signupBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata.nullish(),
});

export const passwordGrantBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
});

export const refreshGrantBody = z.object({ refresh_token: z.string().min(1).max(1024) });

export const updateUserBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata.nullish(),
});

export const recoverBody = z.object({ email: z.string().max(1024) });

export const verifyBody = z.object({
  type: z.string().max(64),
  email: optionalString,
  phone: optionalString,
  token: optionalString,
  token_hash: optionalString,
});

export const adminUserBody = z.object({
  id: z.guid().optional(),
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  email_confirm: z.boolean().nullish(),
  phone_confirm: z.boolean().nullish(),
  user_metadata: metadata.nullish(),
  app_metadata: metadata.nullish(),
  ban_duration: z.string().max(64).nullish(),
  role: optionalString,
});

/** GoTrue takes Go durations ("24h", "30m", "876000h") or "none" to lift a ban. */
export function parseBanDuration(value: string): Date | null {
  if (value === 'none') return null;
  const match = /^(\d{1,7})(h|m|s)$/.exec(value);
  if (!match) throw validationFailed('ban_duration must be "none" or a duration like "24h"');
  const unit = { h: 3_600_000, m: 60_000, s: 1000 }[match[2] as 'h' | 'm' | 's'];
  return new Date(Date.now() + Number(match[1]) * unit);
}
