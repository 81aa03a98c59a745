// The project's runner: `npm start`, `npm run db:reset`, `npm run gen:types` and `npm test`.
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_RATE_LIMITS } from './auth/server.ts';
import { stackConfig, type StackConfig } from './config.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { stackEnvVars, writeEnvFile } from './env-file.ts';
import { writeGeneratedTypes } from './gen-types.ts';
import type { StackKeys } from './keys.ts';
import { resetDatabase } from './reset.ts';
import { startStack, type RunningStack } from './stack.ts';
import { runStaticChecks } from './static-checks.ts';
import { stripeSettings } from './stripe.ts';
import { runAllTests } from './test-runner.ts';

const log = (line: string) => console.log(line);

function printSummary(config: StackConfig, keys: StackKeys, envFile: string): void {
  const env = stackEnvVars(config, keys);
  const rows: [string, string][] = [
    ['Web app', config.webUrl],
    ['API URL', env.SUPABASE_URL!],
    ['Database', env.SUPABASE_DB_URL!],
    ['Mailbox', `${config.apiUrl}/mailbox`],
    ['Local Stripe', `${stripeSettings(config, keys).url} (test-mode key in .env.local)`],
    ['Publishable key', env.SUPABASE_PUBLISHABLE_KEY!],
    ['Secret key', env.SUPABASE_SECRET_KEY!],
    ['Logs', config.logDir],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  log('\nGuildhall is running.\n');
  for (const [k, v] of rows) log(`  ${k.padEnd(width)}  ${v}`);
  log(`\n  Demo logins (password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) log(`    ${u.email.padEnd(24)} ${u.role}`);
  log(`\n  Keys and URLs written to ${envFile}\n  Press Ctrl-C to stop.\n`);
}

/** Runs `fn` against this profile's stack: the one already running, or a temporary headless one. */
async function withStack(config: StackConfig, fn: (keys: StackKeys) => Promise<void>): Promise<void> {
  const runningKeys = existsSync(`${config.dataDir}/pids.json`) && existsSync(config.keysFile);
  if (runningKeys) {
    const { runner } = JSON.parse(readFileSync(`${config.dataDir}/pids.json`, 'utf8')) as { runner: number };
    let up = true;
    try {
      process.kill(runner, 0);
    } catch {
      up = false;
    }
    if (up) return fn(JSON.parse(readFileSync(config.keysFile, 'utf8')) as StackKeys);
  }
  const stack = await startStack(config, { web: false, rateLimits: DEFAULT_RATE_LIMITS, log });
  try {
    await fn(stack.keys);
  } finally {
    await stack.stop();
  }
}

async function start(): Promise<void> {
  const config = stackConfig('dev');
  log(`Starting Guildhall's local stack (data in ${config.dataDir})`);
  // A holder rather than a `let`: the signal handlers must exist before the stack does.
  const running: { stack?: RunningStack } = {};
  const shutdown = async () => {
    log('\nStopping…');
    await running.stack?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const stack = await startStack(config, { web: true, rateLimits: DEFAULT_RATE_LIMITS, log });
  running.stack = stack;
  printSummary(config, stack.keys, writeEnvFile(config, stack.keys));
}

const commands: Record<string, () => Promise<void>> = {
  start,
  'db-reset': async () => {
    const config = stackConfig('dev');
    await withStack(config, async (keys) => {
      await resetDatabase(config, keys, log);
      log('Database rebuilt from migrations and seed.');
    });
  },
  'gen-types': async () => {
    const config = stackConfig('dev');
    await withStack(config, async () => {
      for (const file of await writeGeneratedTypes(config)) log(`wrote ${file}`);
    });
  },
  check: async () => process.exit(runStaticChecks(stackConfig('dev').rootDir, log) ? 0 : 1),
  test: async () => process.exit(await runAllTests(log)),
};

const name = process.argv[2] ?? 'start';
const command = commands[name];
if (!command) {
  console.error(`Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
