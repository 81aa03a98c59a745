// Each test suite `npm test` runs: how to start it and how to read its pass/fail counts from
// its own output. A suite that runs no test counts as failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
  seconds: number;
}

export interface Suite {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads counts from the captured output (and any report file the suite wrote). */
  count: (output: string) => { passed: number; failed: number; skipped: number };
}

export function run(suite: Suite, cwd: string, log: (line: string) => void): Promise<SuiteResult> {
  const t0 = performance.now();
  log(`\n━━ ${suite.name} ━━`);
  return new Promise((resolve) => {
    const child = spawn(suite.command, suite.args, { cwd, env: { ...process.env, ...suite.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const finish = (exitCode: number) => {
      let counts = { passed: 0, failed: 0, skipped: 0 };
      try {
        counts = suite.count(output);
      } catch {
        /* counts stay zero: the suite then fails as "ran no test" */
      }
      resolve({ name: suite.name, ...counts, exitCode, seconds: (performance.now() - t0) / 1000 });
    };
    child.on('error', () => finish(127));
    child.on('exit', (code) => finish(code ?? 1));
  });
}

/** pg_prove's closing lines: "Files=2, Tests=14, …" and "Result: PASS|FAIL"; failures listed per file. */
export function countPgProve(output: string) {
  const total = Number(/Files=\d+, Tests=(\d+)/.exec(output)?.[1] ?? 0);
  const failed = [...output.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: total - failed, failed, skipped: 0 };
}

/** deno test's closing line: "ok | 5 passed | 0 failed (…)" or "FAILED | 4 passed | 1 failed". */
export function countDeno(output: string) {
  const m = /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \| (\d+) ignored)?/.exec(output);
  return { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), skipped: Number(m?.[3] ?? 0) };
}

/** vitest's JSON report, written next to the default reporter's output. */
export function countVitestReport(file: string) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
    const r = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  };
}

export function vitestSuite(rootDir: string, project: string, reportDir: string, env?: Record<string, string>): Suite {
  const report = join(reportDir, `vitest-${project}.json`);
  return {
    name: `vitest ${project}`,
    command: process.execPath,
    args: [
      join(rootDir, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
    count: countVitestReport(report),
  };
}
