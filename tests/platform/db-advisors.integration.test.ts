// Supabase's database advisors (security and performance lints) at warning level find nothing.
// A finding we accept on purpose goes into ACCEPTED with the reason next to it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { rootDir } from '../../stack/config.ts';
import { stackEnv } from '../support/env.ts';

/** cache_key of each accepted finding → why it is acceptable. */
const ACCEPTED: Record<string, string> = {};

interface Finding {
  name: string;
  level: string;
  detail: string;
  cache_key: string;
}

it('supabase db advisors reports nothing at warning level', async () => {
  const { stdout } = await promisify(execFile)(
    join(rootDir, 'node_modules/.bin/supabase'),
    ['db', 'advisors', `--remote=${stackEnv().SUPABASE_DB_URL}`, '--level', 'warn', '--output-format', 'json'],
    { cwd: rootDir },
  );
  const { results } = JSON.parse(stdout) as { results: Finding[] };
  const unexpected = results.filter((f) => !(f.cache_key in ACCEPTED)).map((f) => `${f.level} ${f.name}: ${f.detail}`);
  expect(unexpected).toEqual([]);
});
