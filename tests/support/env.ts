// The running stack's URLs and keys for integration and browser tests: from the environment
// (`npm test` sets it for its throwaway stack), else from the `.env.local` that `npm start` writes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { rootDir } from '../../stack/config.ts';

const schema = z.object({
  SUPABASE_URL: z.url(),
  SUPABASE_PUBLISHABLE_KEY: z.string().startsWith('sb_publishable_'),
  SUPABASE_SECRET_KEY: z.string().startsWith('sb_secret_'),
  SUPABASE_ANON_KEY: z.string().min(20),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20),
  SUPABASE_JWKS: z.string().min(2),
  SUPABASE_DB_URL: z.string().startsWith('postgresql://'),
  GUILDHALL_WEB_URL: z.url(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_test_'),
  STRIPE_API_PORT: z.coerce.number().int(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_'),
});

export type StackEnv = z.infer<typeof schema>;

function readDotenv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]!.replace(/^'(.*)'$/, '$1')]);
  return Object.fromEntries(entries);
}

export function stackEnv(): StackEnv {
  const source = process.env.SUPABASE_URL ? process.env : readDotenv(join(rootDir, '.env.local'));
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`No running stack found: start one with \`npm start\` or run \`npm test\`.\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
