// Where each part of the local stack listens and keeps its data, per profile.
// `dev` is what `npm start` runs; `test` is the throwaway stack `npm test` runs beside it; `bench`
// is the throwaway stack `npm run bench` measures.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Profile = 'dev' | 'test' | 'bench';

export interface StackPorts {
  gateway: number;
  postgres: number;
  web: number;
  postgrest: number;
  postgrestAdmin: number;
  auth: number;
  functions: number;
  /** The local Stripe stand-in (stack/stripe.ts). */
  stripe: number;
}

export interface StackConfig {
  profile: Profile;
  rootDir: string;
  dataDir: string;
  pgDataDir: string;
  pgSocketDir: string;
  logDir: string;
  mailboxDir: string;
  keysFile: string;
  ports: StackPorts;
  host: string;
  apiUrl: string;
  webUrl: string;
  /** Run Postgres as the `postgres` OS user: initdb refuses root. */
  runAsPostgresUser: boolean;
  /** Postgres's default commit path (fsync, synchronous_commit, full_page_writes on) instead of the
      local stack's fast one: for benchmarks whose figures must hold for a real server. */
  durable: boolean;
  database: string;
}

export const rootDir = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Ports sit at fixed offsets from a base, so a profile (or a test's own stack) moves them together. */
export function portsFrom(base: number, web: number): StackPorts {
  return {
    gateway: base,
    postgres: base + 1,
    web,
    postgrest: base + 10,
    postgrestAdmin: base + 11,
    auth: base + 12,
    functions: base + 13,
    stripe: base + 14,
  };
}

const PORTS: Record<Profile, StackPorts> = {
  dev: portsFrom(54321, 5173),
  // Below the kernel's ephemeral range (32768+), so outgoing connections never hold a test port.
  test: portsFrom(25321, 25173),
  bench: portsFrom(28321, 28173),
};

/** Two checkouts never share a cluster: the data folder is keyed by the checkout's path. */
export function checkoutKey(dir = rootDir): string {
  return createHash('sha256').update(dir).digest('hex').slice(0, 12);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function defaultDataDir(profile: Profile): string {
  const name = profile === 'dev' ? profile : `${profile}-${process.pid}`;
  // As root the server runs as `postgres`, which cannot enter /root (mode 700).
  if (isRoot()) return join('/var/lib/guildhall', checkoutKey(), name);
  return join(rootDir, '.stack', name);
}

export function stackConfig(profile: Profile, overrides: { dataDir?: string; ports?: StackPorts; durable?: boolean } = {}): StackConfig {
  const dataDir = overrides.dataDir ?? defaultDataDir(profile);
  const ports = overrides.ports ?? { ...PORTS[profile] };
  const host = '127.0.0.1';
  return {
    profile,
    rootDir,
    dataDir,
    pgDataDir: join(dataDir, 'pgdata'),
    pgSocketDir: join(dataDir, 'pgsocket'),
    logDir: join(dataDir, 'logs'),
    mailboxDir: join(dataDir, 'mailbox'),
    keysFile: join(dataDir, 'keys.json'),
    ports,
    host,
    apiUrl: `http://${host}:${ports.gateway}`,
    webUrl: `http://${host}:${ports.web}`,
    runAsPostgresUser: isRoot(),
    durable: overrides.durable ?? false,
    database: 'postgres',
  };
}

/** Connection strings for the roles the stack uses. Local-only passwords. */
export function dbUrl(config: StackConfig, role: 'supabase_admin' | 'postgres' | 'authenticator' | 'supabase_auth_admin' = 'postgres'): string {
  return `postgresql://${role}:${DB_PASSWORDS[role]}@${config.host}:${config.ports.postgres}/${config.database}?sslmode=disable`;
}

export const DB_PASSWORDS = {
  supabase_admin: 'postgres',
  postgres: 'postgres',
  authenticator: 'postgres',
  supabase_auth_admin: 'postgres',
} as const;
