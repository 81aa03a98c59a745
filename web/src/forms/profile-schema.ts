// The account page's profile form. Mirrors the profiles table's checks: a name of at most 80
// characters, 'en' or 'he', and an optional http(s) avatar URL of at most 2048 characters.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { LOCALES } from '../i18n/locale.ts';

const key = (error: MessageKey) => ({ error });

export const DISPLAY_NAME_MAX = 80;

/** The same pattern as the column's check, so the database never refuses what the form accepted. */
const HTTP_URL = /^https?:\/\/\S+$/;

export const profileSchema = z.object({
  displayName: z.string().trim().max(DISPLAY_NAME_MAX, key('validation.displayNameTooLong')),
  locale: z.string().pipe(z.enum(LOCALES, key('validation.invalid'))),
  avatarUrl: z
    .string()
    .trim()
    .refine((url) => url === '' || (url.length <= 2048 && HTTP_URL.test(url) && URL.canParse(url)), key('validation.avatarUrlInvalid'))
    .transform((url) => (url === '' ? null : url)),
});

export type ProfileFormValues = z.input<typeof profileSchema>;
export type ProfileUpdate = z.output<typeof profileSchema>;
