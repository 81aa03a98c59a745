import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('accepts the gateway URL and a publishable key', () => {
    const result = parseEnv({
      VITE_SUPABASE_URL: 'http://127.0.0.1:54321',
      VITE_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_abc',
    });
    expect(result.ok).toBe(true);
  });

  it('names each missing or wrong variable', () => {
    const result = parseEnv({ VITE_SUPABASE_URL: 'not a url' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/VITE_SUPABASE_URL/);
    expect(result.problems.join('\n')).toMatch(/VITE_SUPABASE_PUBLISHABLE_KEY/);
  });

  it('refuses a secret key, which must never ship to a browser', () => {
    const result = parseEnv({
      VITE_SUPABASE_URL: 'http://127.0.0.1:54321',
      VITE_SUPABASE_PUBLISHABLE_KEY: 'sb_secret_abc',
    });
    expect(result.ok).toBe(false);
  });
});
