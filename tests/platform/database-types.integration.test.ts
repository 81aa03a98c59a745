// The committed database types must be what `supabase gen types` makes of the migrated database;
// when a migration changes the schema, `npm run gen:types` regenerates them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../stack/config.ts';
import { TYPES_FILES, generateTypes } from '../../stack/gen-types.ts';
import { stackEnv } from '../support/env.ts';

describe('generated database types', () => {
  it.each(TYPES_FILES)('%s is up to date with the migrations (run `npm run gen:types` if not)', async (file) => {
    const generated = await generateTypes(rootDir, stackEnv().SUPABASE_DB_URL);
    expect(generated).toContain('export type Database');
    expect(readFileSync(join(rootDir, file), 'utf8')).toBe(generated);
  });
});
