// `npm test`: every suite against its own throwaway stack (own data folder and ports, so it runs
// beside `npm start`), then one summary. Fails if any suite fails or runs no test.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_RATE_LIMITS } from './auth/server.ts';
import { dbUrl, stackConfig } from './config.ts';
import { stackEnvVars } from './env-file.ts';
import { denoTestCommand } from './functions/index.ts';
import { startStack, type RunningStack } from './stack.ts';
import { STACK_PACKAGES, TEST_PACKAGES, ensurePackages } from './system-packages.ts';
import { countStaticChecks } from './static-checks.ts';
import { countDeno, countPgProve, run, vitestSuite, type Suite, type SuiteResult } from './test-suites.ts';

function summary(results: SuiteResult[], log: (line: string) => void): boolean {
  log('\n━━ Summary ━━');
  let ok = true;
  for (const r of results) {
    const status = r.exitCode !== 0 || r.failed > 0 ? 'FAIL' : r.passed === 0 ? 'FAIL (ran no test)' : 'pass';
    if (status !== 'pass') ok = false;
    const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
    log(`  ${status.padEnd(18)} ${r.name.padEnd(20)} ${r.passed} passed, ${r.failed} failed${skipped}  (${r.seconds.toFixed(1)}s)`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0) + results.filter((r) => r.exitCode !== 0 && r.failed === 0).length;
  log(`\n${ok ? 'All suites passed.' : 'Some suites failed.'}`);
  log(`${passed} passed, ${failed} failed`);
  return ok;
}

export async function runAllTests(log: (line: string) => void): Promise<number> {
  const config = stackConfig('test');
  ensurePackages([...STACK_PACKAGES, ...TEST_PACKAGES], log);
  const reportDir = join(config.rootDir, 'test-results');
  mkdirSync(reportDir, { recursive: true });
  log(`Starting a throwaway test stack on ${config.apiUrl} (data in ${config.dataDir})`);
  let stack: RunningStack | undefined;
  const cleanup = async () => {
    await stack?.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    stack = await startStack(config, { web: true, rateLimits: TEST_RATE_LIMITS, log });
    const env = { ...stackEnvVars(config, stack.keys), GUILDHALL_TEST_DATA_DIR: config.dataDir };
    const url = new URL(dbUrl(config, 'postgres'));
    const deno = denoTestCommand(config.rootDir);
    const suites: Suite[] = [
      {
        name: 'static checks',
        command: process.execPath,
        args: [join(config.rootDir, 'node_modules/tsx/dist/cli.mjs'), 'stack/cli.ts', 'check'],
        count: countStaticChecks,
      },
      {
        name: 'pgTAP',
        command: 'pg_prove',
        args: ['--host', url.hostname, '--port', url.port, '--username', 'postgres', '--dbname', config.database, '--ext', '.sql', 'supabase/tests/'],
        env: { PGPASSWORD: decodeURIComponent(url.password) },
        count: countPgProve,
      },
      { name: 'deno functions', command: deno.command, args: deno.args, env: { ...deno.env, ...env }, count: countDeno },
      vitestSuite(config.rootDir, 'unit', reportDir),
      vitestSuite(config.rootDir, 'integration', reportDir, env),
      vitestSuite(config.rootDir, 'browser', reportDir, env),
    ];
    const results: SuiteResult[] = [];
    for (const suite of suites) results.push(await run(suite, config.rootDir, log));
    return summary(results, log) ? 0 : 1;
  } catch (error) {
    log(`\n✗ The test stack could not start: ${error instanceof Error ? error.message : String(error)}`);
    log('0 passed, 1 failed');
    return 1;
  } finally {
    await cleanup();
  }
}
