// `npm run check`, and the first suite of `npm test`: type checks (Node, web, Deno functions),
// lint and formatting. Each check prints one "✓ name" or "✗ name" line that the runner counts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { denoCheckCommand } from './functions/index.ts';

interface Check {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export function staticChecks(rootDir: string): Check[] {
  const bin = (tool: string) => join(rootDir, 'node_modules', '.bin', tool);
  const deno = denoCheckCommand(rootDir);
  return [
    { name: 'tsc (stack, tests)', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
    { name: 'tsc (web)', command: bin('tsc'), args: ['--noEmit', '-p', 'web/tsconfig.json'] },
    { name: 'deno check (functions)', command: deno.command, args: deno.args, env: deno.env },
    { name: 'eslint', command: bin('eslint'), args: ['.'] },
    { name: 'prettier', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  ];
}

export function runStaticChecks(rootDir: string, log: (line: string) => void): boolean {
  let ok = true;
  for (const check of staticChecks(rootDir)) {
    const result = spawnSync(check.command, check.args, { cwd: rootDir, env: { ...process.env, ...check.env }, encoding: 'utf8' });
    const passed = result.status === 0;
    if (!passed) {
      ok = false;
      log(`${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd());
    }
    log(`${passed ? '✓' : '✗'} ${check.name}`);
  }
  return ok;
}

/** Counts the "✓ name" / "✗ name" lines printed above. */
export function countStaticChecks(output: string) {
  return { passed: (output.match(/^✓ /gm) ?? []).length, failed: (output.match(/^✗ /gm) ?? []).length, skipped: 0 };
}
