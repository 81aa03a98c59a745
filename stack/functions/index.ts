// How the stack runs edge functions: one Deno process (serve.ts) with the environment hosted
// Supabase injects into every function, and the `deno test` / `deno check` lines for their tests.
// Deno resolves `npm:` imports from the project's node_modules (root deno.json: nodeModulesDir
// "manual"), and --cached-only makes any attempt to download something an error, not a fetch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { dbUrl, type StackConfig } from '../config.ts';
import type { StackKeys } from '../keys.ts';
import { stripeEnv } from '../stripe.ts';

export interface DenoCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface FunctionsProcess extends DenoCommand {
  name: 'functions';
  cwd: string;
  readyUrl: string;
}

/**
 * Functions reach only this machine: the gateway, Postgres and local stand-ins for third parties.
 * A function that needs a real outside host will fail with a clear PermissionDenied; add it here.
 */
export const FUNCTION_NET_HOSTS = ['127.0.0.1', 'localhost'];

const DENO_QUIET = { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' };

const denoBin = (rootDir: string) => join(rootDir, 'node_modules', '.bin', 'deno');
const functionsDir = (rootDir: string) => join(rootDir, 'supabase', 'functions');

/** Flags every Deno invocation shares: the project's config, offline, and the narrow permissions. */
function baseFlags(rootDir: string): string[] {
  return [
    '--config',
    join(rootDir, 'deno.json'),
    '--cached-only',
    '--allow-env',
    `--allow-read=${rootDir}`,
    `--allow-net=${FUNCTION_NET_HOSTS.join(',')}`,
  ];
}

/**
 * Function secrets, as `supabase functions serve` reads them from supabase/functions/.env.
 * Hosted refuses secrets named SUPABASE_*, so those are dropped rather than overriding the stack's.
 */
function functionSecrets(rootDir: string): Record<string, string> {
  const file = join(functionsDir(rootDir), '.env');
  if (!existsSync(file)) return {};
  const parsed = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(parsed).filter(([name]) => !name.startsWith('SUPABASE_')));
}

/** What hosted Supabase injects into every function, pointed at the local stack. */
export function functionsEnv(config: StackConfig, keys: StackKeys): Record<string, string> {
  return {
    ...functionSecrets(config.rootDir),
    SUPABASE_URL: config.apiUrl,
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: keys.publishableKey }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: keys.secretKey }),
    SUPABASE_JWKS: JSON.stringify(keys.jwks),
    SUPABASE_DB_URL: dbUrl(config, 'postgres'),
    SUPABASE_ANON_KEY: keys.legacyAnonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.legacyServiceRoleKey,
    // Third parties: the local Stripe, and where Checkout sends payers back.
    ...stripeEnv(config, keys),
    GUILDHALL_SITE_URL: config.webUrl,
  };
}

export function functionsProcess(config: StackConfig, keys: StackKeys): FunctionsProcess {
  const { rootDir } = config;
  const configToml = join(rootDir, 'supabase', 'config.toml');
  // The dev stack restarts the server when a function or config.toml changes; test stacks don't.
  const watch = config.profile === 'dev' ? [`--watch=${functionsDir(rootDir)},${configToml}`, '--no-clear-screen'] : [];
  return {
    name: 'functions',
    command: denoBin(rootDir),
    args: ['run', ...baseFlags(rootDir), ...watch, join(rootDir, 'stack', 'functions', 'serve.ts')],
    cwd: rootDir,
    env: {
      ...DENO_QUIET,
      ...functionsEnv(config, keys),
      GUILDHALL_FUNCTIONS_DIR: functionsDir(rootDir),
      GUILDHALL_CONFIG_TOML: configToml,
      GUILDHALL_FUNCTIONS_HOST: config.host,
      GUILDHALL_FUNCTIONS_PORT: String(config.ports.functions),
      // Only serve.ts's verify_jwt gate reads it; serve.ts hides it from functions (unless watching).
      GUILDHALL_LEGACY_JWT_SECRET: keys.legacyJwtSecret,
      ...(watch.length ? { GUILDHALL_FUNCTIONS_WATCH: '1' } : {}),
    },
    readyUrl: `http://${config.host}:${config.ports.functions}/_health`,
  };
}

/** `deno test` for everything under supabase/functions: serve.ts's routing and each function's tests. */
export function denoTestCommand(rootDir: string): DenoCommand {
  return { command: denoBin(rootDir), args: ['test', ...baseFlags(rootDir), functionsDir(rootDir)], env: { ...DENO_QUIET } };
}

/** `deno check` of the server and every function entry point, tested or not. */
export function denoCheckCommand(rootDir: string): DenoCommand {
  const entries = readdirSync(functionsDir(rootDir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^[_.]/.test(d.name) && existsSync(join(functionsDir(rootDir), d.name, 'index.ts')))
    .map((d) => join(functionsDir(rootDir), d.name, 'index.ts'));
  return {
    command: denoBin(rootDir),
    args: ['check', ...baseFlags(rootDir).slice(0, 3), join(rootDir, 'stack', 'functions', 'serve.ts'), ...entries],
    env: { ...DENO_QUIET },
  };
}
