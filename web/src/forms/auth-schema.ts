// One zod schema per auth form. Issue messages are i18n message keys, translated at render time,
// so the same schema serves every language.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { DISPLAY_NAME_MAX } from './profile-schema.ts';

const key = (error: MessageKey) => ({ error });

/** GoTrue's bcrypt hashing only reads the first 72 bytes; longer passwords would be silently truncated. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 72;

const email = z
  .string()
  .trim()
  .min(1, key('validation.emailRequired'))
  .pipe(z.email(key('validation.emailInvalid')));

const newPassword = z
  .string()
  .min(1, key('validation.passwordRequired'))
  .min(PASSWORD_MIN, key('validation.passwordTooShort'))
  .max(PASSWORD_MAX, key('validation.passwordTooLong'));

const passwordsMatch = (values: { password: string; confirmPassword: string }) => values.password === values.confirmPassword;

const mismatch = { ...key('validation.passwordsDoNotMatch'), path: ['confirmPassword'] };

// Sign-in only checks presence: accounts created under an older password policy must still get in.
export const signInSchema = z.object({
  email,
  password: z.string().min(1, key('validation.passwordRequired')),
});

// The display name is optional: it can be set later on the account page.
export const signUpSchema = z
  .object({
    displayName: z.string().trim().max(DISPLAY_NAME_MAX, key('validation.displayNameTooLong')).optional(),
    email,
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, mismatch);

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({ password: newPassword, confirmPassword: z.string() }).refine(passwordsMatch, mismatch);

export type SignInValues = z.input<typeof signInSchema>;
export type SignUpValues = z.input<typeof signUpSchema>;
export type ForgotPasswordValues = z.input<typeof forgotPasswordSchema>;
export type ResetPasswordValues = z.input<typeof resetPasswordSchema>;
