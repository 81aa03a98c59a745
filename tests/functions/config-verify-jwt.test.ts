// Every edge function checks its callers itself (@supabase/server), so each must turn hosted's
// platform JWT check off: verify_jwt defaults to true and rejects the new sb_* keys, which are not
// JWTs. A function deployed without its section would refuse every secret- or publishable-key call.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../stack/config.ts';

const functionsDir = join(rootDir, 'supabase', 'functions');

/** Same rule as stack/functions/serve.ts: a folder with an index.ts, not starting with _ or . */
const functionNames = readdirSync(functionsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !/^[_.]/.test(d.name) && existsSync(join(functionsDir, d.name, 'index.ts')))
  .map((d) => d.name);

const config = parse(readFileSync(join(rootDir, 'supabase', 'config.toml'), 'utf8'));
const sections = (config.functions ?? {}) as Record<string, { verify_jwt?: unknown }>;

describe('supabase/config.toml [functions.*]', () => {
  it('finds the functions folder populated', () => {
    expect(functionNames).toContain('whoami');
  });

  it.each(functionNames)('%s sets verify_jwt = false', (name) => {
    expect(sections[name], `add [functions.${name}] verify_jwt = false to supabase/config.toml`).toBeDefined();
    expect(sections[name]?.verify_jwt, `[functions.${name}] must set verify_jwt = false`).toBe(false);
  });

  it('has no section for a function that does not exist', () => {
    expect(Object.keys(sections).filter((name) => !functionNames.includes(name))).toEqual([]);
  });
});
