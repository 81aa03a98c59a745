// The `?redirect=` search param of /sign-in and /sign-up: where to go after signing in.
// Only same-site paths are accepted, so a crafted link cannot send a user to another origin.
import { z } from 'zod';

export const safeRedirectPath = z.string().refine((path) => path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\'), {
  error: 'redirect must be a path on this site',
});

/** Invalid values are dropped rather than failing the route: a bad link still shows the form. */
export const authSearchSchema = z.object({
  redirect: safeRedirectPath.optional().catch(undefined),
});

export type AuthSearch = z.infer<typeof authSearchSchema>;

/** Where a successful sign-in or sign-up lands when no redirect was asked for. */
export const DEFAULT_SIGNED_IN_PATH = '/account';
