// What the runner says when the machine is not ready: a port in use, a package missing.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { portsFrom, stackConfig } from './config.ts';
import { assertPortsFree } from './ports.ts';
import { MissingPackagesError, STACK_PACKAGES, ensurePackages, installCommand, missingPackages } from './system-packages.ts';
import { splitStatements } from './sql-split.ts';

describe('runner messages', () => {
  it('names the busy port, the part that needs it and what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const config = stackConfig('dev', { dataDir: '/tmp/unused', ports: { ...portsFrom(port - 1, 1), gateway: port } });
    try {
      await expect(assertPortsFree(config, ['gateway'])).rejects.toThrow(`Port already in use: ${port} (gateway). Is \`npm start\``);
    } finally {
      blocker.close();
    }
  });

  it('tells a non-root user the exact apt command for missing packages', () => {
    const fake = [{ name: 'postgresql-15-cron', probe: '/nonexistent/pg_cron.control', why: 'scheduled jobs (pg_cron)' }];
    expect(missingPackages(fake)).toEqual(fake);
    expect(() => ensurePackages(fake, () => {}, false)).toThrow(MissingPackagesError);
    expect(() => ensurePackages(fake, () => {}, false)).toThrow('sudo apt-get update && sudo apt-get install -y postgresql-15-cron');
  });

  it('lists every package the stack needs in the install command', () => {
    expect(installCommand(STACK_PACKAGES)).toBe(
      'sudo apt-get update && sudo apt-get install -y postgresql-15 postgresql-15-cron postgresql-15-pgtap',
    );
  });
});

describe('migration statements as the CLI records them', () => {
  it('splits on top-level semicolons only', () => {
    const sql = `-- a; comment
create table t (a text default 'x;y');
create function f() returns int language sql as $$ select 1; $$;
/* block; */ select "odd;name" from t;`;
    expect(splitStatements(sql)).toEqual([
      "-- a; comment\ncreate table t (a text default 'x;y');",
      'create function f() returns int language sql as $$ select 1; $$;',
      '/* block; */ select "odd;name" from t;',
    ]);
  });
});
