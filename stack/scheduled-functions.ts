// Functions hosted Supabase would call on a schedule (pg_cron + pg_net, which the local stack does
// not have): the runner calls them with the secret key instead, in the dev stack only, so tests
// decide for themselves when a sweep runs. Failures are logged, never fatal: the next tick retries.
import type { StackConfig } from './config.ts';
import type { StackKeys } from './keys.ts';

export const SCHEDULED_FUNCTIONS = [
  // Refunds decided but not yet sent to Stripe (a push from the screen that failed midway).
  { name: 'refunds', everyMs: 60_000 },
] as const;

export function startScheduledFunctions(config: StackConfig, keys: StackKeys, log: (line: string) => void): () => Promise<void> {
  const timers = SCHEDULED_FUNCTIONS.map(({ name, everyMs }) =>
    setInterval(() => {
      fetch(`${config.apiUrl}/functions/v1/${name}`, {
        method: 'POST',
        headers: { apikey: keys.secretKey, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (res) => {
          if (!res.ok) log(`scheduled ${name}: ${res.status} ${(await res.text()).slice(0, 200)}`);
        })
        .catch((error: Error) => log(`scheduled ${name}: ${error.message}`));
    }, everyMs),
  );
  return async () => timers.forEach((t) => clearInterval(t));
}
