// The browser's configuration, read from Vite's build-time env and validated once at startup.
// A missing or malformed value shows a configuration screen instead of failing on the first request.
import { z } from 'zod';

export const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({ error: 'must be the API gateway URL, e.g. http://127.0.0.1:54321' }),
  // Only the publishable key may ship to browsers; a secret key here would be a leak.
  VITE_SUPABASE_PUBLISHABLE_KEY: z
    .string({ error: 'is required' })
    .min(1, { error: 'is required' })
    .refine((key) => !key.startsWith('sb_secret_'), { error: 'must be the publishable key, not a secret key' }),
});

export type AppEnv = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: AppEnv } | { ok: false; problems: string[] };

export function parseEnv(source: Record<string, unknown>): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  return { ok: false, problems };
}

let cached: AppEnv | undefined;

/** The validated env; main.tsx checks `parseEnv` before any module that calls this is loaded. */
export function appEnv(): AppEnv {
  if (cached) return cached;
  const result = parseEnv(import.meta.env);
  if (!result.ok) throw new Error(`Invalid configuration: ${result.problems.join('; ')}`);
  cached = result.env;
  return cached;
}
