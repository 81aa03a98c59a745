// Brings a database to the state `supabase db reset` would: the Supabase-compatible bootstrap
// (as the superuser), then supabase/migrations in order (as `postgres`, recorded where the CLI
// records them, so `supabase db push` later sees the same history), then seed.sql on a fresh one.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dbUrl, type StackConfig } from './config.ts';
import { withClient } from './postgres.ts';
import { splitStatements } from './sql-split.ts';

export interface Migration {
  version: string;
  name: string;
  file: string;
}

const HISTORY_DDL = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
`;

export function listMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const [, version, name] = /^(\d+)_(.+)\.sql$/.exec(f)!;
      return { version: version!, name: name!, file: join(dir, f) };
    });
}

export async function applyBootstrap(config: StackConfig): Promise<void> {
  const sql = readFileSync(join(config.rootDir, 'stack/sql/bootstrap.sql'), 'utf8');
  await withClient(dbUrl(config, 'supabase_admin'), (c) => c.query(sql));
}

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export async function applyMigrations(config: StackConfig, log: (line: string) => void = () => {}): Promise<string[]> {
  const migrations = listMigrations(join(config.rootDir, 'supabase/migrations'));
  return withClient(dbUrl(config, 'postgres'), async (client) => {
    await client.query(HISTORY_DDL);
    const { rows } = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: string[] = [];
    for (const m of migrations.filter((x) => !applied.has(x.version))) {
      const sql = readFileSync(m.file, 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          m.version,
          m.name,
          splitStatements(sql),
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        const e = error as { message?: string; position?: string };
        throw new Error(`Migration ${m.version}_${m.name}.sql failed: ${e.message ?? String(error)}`);
      }
      log(`applied migration ${m.version}_${m.name}`);
      done.push(m.version);
    }
    return done;
  });
}

export async function applySeed(config: StackConfig): Promise<void> {
  const sql = readFileSync(join(config.rootDir, 'supabase/seed.sql'), 'utf8');
  await withClient(dbUrl(config, 'postgres'), async (client) => {
    try {
      await client.query(sql);
    } catch (error) {
      throw new Error(`supabase/seed.sql failed: ${(error as Error).message}`);
    }
  });
}

/** Drops and recreates the project database, so migrations and seed start from nothing. */
export async function recreateDatabase(config: StackConfig): Promise<void> {
  const adminUrl = dbUrl(config, 'supabase_admin').replace(`/${config.database}?`, '/template1?');
  await withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists ${config.database} with (force)`);
    await c.query(`create database ${config.database}`);
  });
}
