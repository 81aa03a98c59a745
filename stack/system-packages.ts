// The Debian packages the stack needs. Installed with apt when running as root (as CI does);
// otherwise we stop with the exact command to run, rather than half-starting.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isRoot } from './config.ts';

export interface SystemPackage {
  name: string;
  /** A file the package installs; its presence means the package is there. */
  probe: string;
  why: string;
}

export const PG_VERSION = 15;
export const PG_BIN = process.env.GUILDHALL_PG_BINDIR ?? `/usr/lib/postgresql/${PG_VERSION}/bin`;
const PG_SHARE = `/usr/share/postgresql/${PG_VERSION}`;

export const STACK_PACKAGES: SystemPackage[] = [
  { name: `postgresql-${PG_VERSION}`, probe: `${PG_BIN}/postgres`, why: 'the database' },
  { name: `postgresql-${PG_VERSION}-cron`, probe: `${PG_SHARE}/extension/pg_cron.control`, why: 'scheduled jobs (pg_cron)' },
  { name: `postgresql-${PG_VERSION}-pgtap`, probe: `${PG_SHARE}/extension/pgtap.control`, why: 'database tests (pgTAP)' },
];

export const TEST_PACKAGES: SystemPackage[] = [
  { name: 'libtap-parser-sourcehandler-pgtap-perl', probe: '/usr/bin/pg_prove', why: 'pg_prove, the pgTAP runner' },
  { name: 'chromium', probe: '/usr/bin/chromium', why: 'browser tests' },
];

export function missingPackages(packages: SystemPackage[], exists = existsSync): SystemPackage[] {
  // A custom Postgres (GUILDHALL_PG_BINDIR) is the developer's to provide with its extensions.
  return packages.filter((p) => !exists(p.probe) && !(process.env.GUILDHALL_PG_BINDIR && p.name.startsWith('postgresql')));
}

export function installCommand(packages: SystemPackage[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${packages.map((p) => p.name).join(' ')}`;
}

export class MissingPackagesError extends Error {}

/** Installs what is missing when we are root; otherwise explains exactly what to run. */
export function ensurePackages(packages: SystemPackage[], log: (line: string) => void, root = isRoot()): void {
  const missing = missingPackages(packages);
  if (missing.length === 0) return;
  const list = missing.map((p) => `  ${p.name} (${p.why})`).join('\n');
  if (!root) {
    throw new MissingPackagesError(
      `Missing system packages:\n${list}\nInstall them with:\n  ${installCommand(missing)}\n` +
        `(On other systems: PostgreSQL ${PG_VERSION}+ with pgTAP and pg_cron; set GUILDHALL_PG_BINDIR to its bin folder.)`,
    );
  }
  log(`Installing system packages with apt: ${missing.map((p) => p.name).join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing.map((p) => p.name)], { stdio: 'inherit', env });
  const still = missingPackages(missing);
  if (still.length > 0) throw new MissingPackagesError(`apt could not install: ${still.map((p) => p.name).join(', ')}`);
}
