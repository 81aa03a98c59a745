// Brings up the whole local stack for a profile, in dependency order, and hands back what callers
// need (keys, URLs, a stop function). Postgres first; then bootstrap and migrations; then auth,
// PostgREST, functions, the gateway, the local Stripe and the web app together; demo data on a
// fresh database.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbUrl, type StackConfig, type StackPorts } from './config.ts';
import { startAuthServer, type AuthRateLimits } from './auth/server.ts';
import { functionsProcess } from './functions/index.ts';
import { startGateway } from './gateway.ts';
import { loadOrCreateKeys, type StackKeys } from './keys.ts';
import { applyBootstrap, applyMigrations, applySeed } from './migrate.ts';
import { assertPortsFree } from './ports.ts';
import { clusterExists, initCluster, postgresReady, postgresService, withClient } from './postgres.ts';
import { postgrestReadyUrl, postgrestService } from './postgrest.ts';
import { httpOk, Supervisor } from './supervisor.ts';
import { startScheduledFunctions } from './scheduled-functions.ts';
import { startLocalStripe } from './stripe.ts';
import { STACK_PACKAGES, ensurePackages } from './system-packages.ts';
import { webService } from './web.ts';

export interface StartOptions {
  web: boolean;
  rateLimits: AuthRateLimits;
  log: (line: string) => void;
}

export interface RunningStack {
  config: StackConfig;
  keys: StackKeys;
  freshDatabase: boolean;
  stop(): Promise<void>;
}

const pidsFile = (config: StackConfig) => join(config.dataDir, 'pids.json');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A runner killed without cleanup leaves its children behind; stop them, or refuse if it still runs. */
function reapOrphans(config: StackConfig): void {
  if (!existsSync(pidsFile(config))) return;
  const { runner, services } = JSON.parse(readFileSync(pidsFile(config), 'utf8')) as { runner: number; services: Record<string, number> };
  if (runner !== process.pid && alive(runner))
    throw new Error(`The ${config.profile} stack is already running (runner pid ${runner}). Stop it with Ctrl-C first.`);
  for (const pid of Object.values(services)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidsFile(config), { force: true });
}

export async function startStack(config: StackConfig, o: StartOptions): Promise<RunningStack> {
  const step = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    o.log(`  ✓ ${label} (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
    return result;
  };
  ensurePackages(STACK_PACKAGES, o.log);
  mkdirSync(config.dataDir, { recursive: true });
  reapOrphans(config);
  const parts: (keyof StackPorts)[] = ['gateway', 'postgres', 'postgrest', 'postgrestAdmin', 'auth', 'functions', 'stripe'];
  await assertPortsFree(config, o.web ? [...parts, 'web'] : parts);

  if (!clusterExists(config)) await step('new database cluster', () => initCluster(config));
  mkdirSync(config.logDir, { recursive: true });
  const keys = await loadOrCreateKeys(config.keysFile);
  const supervisor = new Supervisor(config.logDir);
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await supervisor.stopAll();
    rmSync(pidsFile(config), { force: true });
  };
  const savePids = () => writeFileSync(pidsFile(config), JSON.stringify({ runner: process.pid, services: supervisor.pids() }));

  try {
    const pgProc = supervisor.start(postgresService(config));
    savePids();
    await step('postgres', () => supervisor.waitReady(pgProc, () => postgresReady(config)));
    const freshDatabase = await withClient(dbUrl(config, 'supabase_admin'), async (c) => {
      const { rows } = await c.query<{ fresh: boolean }>(`select to_regclass('supabase_migrations.schema_migrations') is null as fresh`);
      return rows[0]!.fresh;
    });
    await step('bootstrap and migrations', async () => {
      await applyBootstrap(config);
      await applyMigrations(config, (line) => o.log(`    ${line}`));
    });

    const services = [postgrestService(config, keys), functionsProcess(config, keys)];
    const [rest, fns] = services.map((s) => supervisor.start(s));
    const webProc = o.web ? supervisor.start(webService(config, keys)) : undefined;
    savePids();
    const auth = await startAuthServer({
      host: config.host,
      port: config.ports.auth,
      dbUrl: dbUrl(config, 'supabase_auth_admin'),
      keys,
      apiUrl: config.apiUrl,
      siteUrl: config.webUrl,
      mailboxDir: config.mailboxDir,
      rateLimits: o.rateLimits,
    });
    closers.push(() => auth.close());
    const gateway = await startGateway({
      host: config.host,
      port: config.ports.gateway,
      keys,
      issuer: `${config.apiUrl}/auth/v1`,
      upstreams: { rest: config.ports.postgrest, auth: config.ports.auth, functions: config.ports.functions },
    });
    closers.push(() => gateway.close());
    const stripe = await startLocalStripe(config, keys, (line) => appendFileSync(join(config.logDir, 'stripe.log'), `${line}\n`));
    closers.push(() => stripe.close());
    await step('postgrest, auth, functions, gateway', () =>
      Promise.all([
        supervisor.waitReady(rest!, () => httpOk(postgrestReadyUrl(config))),
        supervisor.waitReady(fns!, () => httpOk(`http://${config.host}:${config.ports.functions}/_health`)),
      ]),
    );
    if (freshDatabase) {
      await step('demo data', () => applySeed(config));
    }
    if (webProc) await step('web app', () => supervisor.waitReady(webProc, () => httpOk(config.webUrl), 60_000));
    if (config.profile === 'dev') {
      closers.push(startScheduledFunctions(config, keys, (line) => appendFileSync(join(config.logDir, 'scheduled.log'), `${line}\n`)));
    }
    return { config, keys, freshDatabase, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
