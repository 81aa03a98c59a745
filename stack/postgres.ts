// Postgres 15 from the system binaries, set up like hosted Supabase: `supabase_admin` is the
// superuser, pg_cron is preloaded for the project database. As root the server runs as the
// `postgres` OS user, because initdb and postgres refuse to run as root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DB_PASSWORDS, dbUrl, type StackConfig } from './config.ts';
import { PG_BIN } from './system-packages.ts';
import type { ServiceSpec } from './supervisor.ts';

export interface OsUser {
  uid: number;
  gid: number;
}

function postgresOsUser(config: StackConfig): OsUser | undefined {
  if (!config.runAsPostgresUser) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export function clusterExists(config: StackConfig): boolean {
  return existsSync(join(config.pgDataDir, 'PG_VERSION'));
}

function ensureDir(dir: string, owner: OsUser | undefined, mode: number): void {
  mkdirSync(dir, { recursive: true, mode });
  if (owner) chownSync(dir, owner.uid, owner.gid);
}

/** Creates an empty cluster (about half a second) whose superuser is `supabase_admin`. */
export function initCluster(config: StackConfig): void {
  const owner = postgresOsUser(config);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
  mkdirSync(config.logDir, { recursive: true });
  ensureDir(config.pgDataDir, owner, 0o700);
  ensureDir(config.pgSocketDir, owner, 0o700);
  const pwfile = join(config.pgSocketDir, 'initdb.pw');
  writeFileSync(pwfile, DB_PASSWORDS.supabase_admin, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  try {
    execFileSync(
      `${PG_BIN}/initdb`,
      [
        '-D',
        config.pgDataDir,
        '-U',
        'supabase_admin',
        `--pwfile=${pwfile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], uid: owner?.uid, gid: owner?.gid },
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

export function postgresService(config: StackConfig): ServiceSpec {
  const owner = postgresOsUser(config);
  const settings: Record<string, string> = {
    port: String(config.ports.postgres),
    listen_addresses: config.host,
    unix_socket_directories: config.pgSocketDir,
    shared_preload_libraries: 'pg_cron',
    'cron.database_name': config.database,
    'cron.use_background_workers': 'on',
    max_worker_processes: '16',
    // Development-only durability trade-offs: a throwaway local database starts and resets faster.
    // A benchmark asks for `durable` and gets Postgres's defaults (all three on), as a server has.
    ...(config.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    wal_level: 'logical',
    max_connections: '100',
    shared_buffers: '64MB',
  };
  return {
    name: 'postgres',
    command: `${PG_BIN}/postgres`,
    args: ['-D', config.pgDataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    uid: owner?.uid,
    gid: owner?.gid,
    cwd: '/',
    stopSignal: 'SIGINT',
  };
}

export async function postgresReady(config: StackConfig): Promise<boolean> {
  const client = new pg.Client({ connectionString: dbUrl(config, 'supabase_admin'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL on one connection and closes it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
