// `npm run db:reset`: drop the project database and rebuild it from the bootstrap, migrations
// and seed, like `supabase db reset`. Works against a running stack: PostgREST and auth reconnect.
import type { StackConfig } from './config.ts';
import type { StackKeys } from './keys.ts';
import { applyBootstrap, applyMigrations, applySeed, recreateDatabase } from './migrate.ts';

export async function resetDatabase(config: StackConfig, keys: StackKeys, log: (line: string) => void): Promise<void> {
  await recreateDatabase(config);
  await applyBootstrap(config);
  await applyMigrations(config, (line) => log(`  ${line}`));
  await applySeed(config);
}
