// The local URLs and keys, written to a git-ignored .env.local for tools and scripts, and printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbUrl, type StackConfig } from './config.ts';
import type { StackKeys } from './keys.ts';
import { stripeEnv } from './stripe.ts';

export function stackEnvVars(config: StackConfig, keys: StackKeys): Record<string, string> {
  return {
    SUPABASE_URL: config.apiUrl,
    SUPABASE_PUBLISHABLE_KEY: keys.publishableKey,
    SUPABASE_SECRET_KEY: keys.secretKey,
    SUPABASE_JWKS: JSON.stringify(keys.jwks),
    SUPABASE_DB_URL: dbUrl(config, 'postgres'),
    SUPABASE_ANON_KEY: keys.legacyAnonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.legacyServiceRoleKey,
    GUILDHALL_WEB_URL: config.webUrl,
    ...stripeEnv(config, keys),
  };
}

export function writeEnvFile(config: StackConfig, keys: StackKeys): string {
  const file = join(config.rootDir, '.env.local');
  const lines = Object.entries(stackEnvVars(config, keys)).map(([k, v]) => `${k}='${v}'`);
  writeFileSync(file, `# Written by \`npm start\`: the local stack's URLs and keys. Not for production.\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}
