// Starts the stack's child processes with their output in one log file each, waits until each
// answers, and stops them all (newest first) on Ctrl-C. A part that dies while starting is
// reported by name with the tail of its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Signal that stops it cleanly (Postgres: SIGINT, a fast shutdown). */
  stopSignal?: NodeJS.Signals;
}

export class ServiceFailedError extends Error {
  constructor(
    readonly service: string,
    readonly logFile: string,
    message: string,
  ) {
    super(`${service} failed: ${message}\n  log: ${logFile}\n${tail(logFile)}`);
  }
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((l) => `  | ${l}`)
      .join('\n');
  } catch {
    return '';
  }
}

interface Running {
  spec: ServiceSpec;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

export class Supervisor {
  private readonly running: Running[] = [];
  private stopping = false;

  constructor(private readonly logDir: string) {}

  start(spec: ServiceSpec): Running {
    const logFile = join(this.logDir, `${spec.name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', fd, fd],
      uid: spec.uid,
      gid: spec.gid,
    });
    closeSync(fd);
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.on('error', () => resolve(-1));
    });
    const entry = { spec, child, logFile, exited };
    this.running.push(entry);
    return entry;
  }

  /** Polls `check` until it passes; fails fast, naming the part, if the process exits first. */
  async waitReady(entry: Running, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void entry.exited.then((code) => (exitCode = code));
    for (;;) {
      if (exitCode !== undefined) throw new ServiceFailedError(entry.spec.name, entry.logFile, `exited with code ${exitCode} while starting`);
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new ServiceFailedError(entry.spec.name, entry.logFile, `did not answer within ${timeoutMs / 1000}s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  pids(): Record<string, number> {
    return Object.fromEntries(this.running.filter((r) => r.child.pid).map((r) => [r.spec.name, r.child.pid!]));
  }

  async stopAll(timeoutMs = 10_000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const entry of [...this.running].reverse()) {
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) continue;
      entry.child.kill(entry.spec.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => entry.child.kill('SIGKILL'), timeoutMs);
      await entry.exited;
      clearTimeout(timer);
    }
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await res.body?.cancel();
  return res.status < 500;
}
