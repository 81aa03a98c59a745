// Stripe's idempotent requests: the first response to a POST with an `Idempotency-Key` (status and
// body) is stored for 24 hours and replayed for the same key; the same key on another endpoint or
// with other parameters is an `idempotency_error` (400). Keys are scoped to the account the request
// acts in. Only responses of requests that ran are stored (successes and card errors), not
// validation errors, as Stripe documents; injected 500s and dropped connections count as "did not
// run", so a retry with the same key runs for real.
import { StripeFakeError } from './errors.ts';
import type { IdempotentResult, Store } from './store.ts';

const TTL_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 255;

export interface IdempotentRequest {
  key: string;
  account: string | null;
  method: string;
  path: string;
  /** Canonical form of the parsed parameters. */
  params: string;
}

const scopeKey = (r: IdempotentRequest) => `${r.account ?? 'platform'}\u0000${r.key}`;

function idempotencyError(message: string): StripeFakeError {
  return new StripeFakeError(400, 'idempotency_error', message);
}

/** The stored result to replay, undefined for a new key; throws for a key reused differently. */
export function findReplay(store: Store, r: IdempotentRequest, now: number): IdempotentResult | undefined {
  if (r.key.length > MAX_KEY_LENGTH) {
    throw new StripeFakeError(400, 'invalid_request_error', `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`, {
      param: 'Idempotency-Key',
    });
  }
  const found = store.idempotency.get(scopeKey(r));
  if (!found) return undefined;
  if (found.createdAt + TTL_SECONDS < now) {
    store.idempotency.delete(found.scopeKey);
    return undefined;
  }
  if (found.method !== r.method || found.path !== r.path) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${found.method} ${found.path}' vs '${r.method} ${r.path}'). Try using a key other than '${r.key}' if you meant to execute a different request.`,
    );
  }
  if (found.params !== r.params) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${r.key}' if you meant to execute a different request.`,
    );
  }
  return found;
}

export function saveResult(store: Store, r: IdempotentRequest, result: { status: number; body: string; requestId: string }, now: number): void {
  const key = scopeKey(r);
  store.idempotency.set(key, { scopeKey: key, method: r.method, path: r.path, params: r.params, ...result, createdAt: now });
  // Drop expired keys now and then, so a long-running fake does not grow without bound.
  if (store.idempotency.size % 500 === 0) {
    for (const [k, v] of store.idempotency) if (v.createdAt + TTL_SECONDS < now) store.idempotency.delete(k);
  }
  store.changed();
}

/** Whether a response is one Stripe keeps for replay: the endpoint ran (a success, or a card error). */
export const isStoredOutcome = (status: number) => (status >= 200 && status < 300) || status === 402;
