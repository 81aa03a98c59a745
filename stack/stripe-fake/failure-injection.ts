// Failures on request, so tests can see how product code copes with what Stripe does on a bad day:
// a declined card (402 card_error), a 500 (api_error), a 429, or a connection dropped without an
// answer — before the request is processed, or after (the change happened but the caller never
// heard; its retry with the same Idempotency-Key then gets the stored answer).
//
// Rules match by method and path (`*` matches within one path segment, `**` across segments) and
// are used up in order. Note that stripe-node retries a dropped connection once even with
// `maxNetworkRetries: 0`, so a dropped connection reaches the caller only with `times: 2`.
import { invalidRequest } from './errors.ts';

export type FailureType = 'card_declined' | 'network' | 'server_error' | 'rate_limit';

export interface FailureRule {
  type: FailureType;
  /** Request path such as `/v1/refunds` or `/v1/checkout/sessions/*\/expire`; every API call when absent. */
  path?: string;
  method?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For `network`: process the request, then drop the connection instead of answering. */
  afterProcessing?: boolean;
  /** For `card_declined`: Stripe's decline_code (default `generic_decline`). */
  declineCode?: string;
}

const TYPES: FailureType[] = ['card_declined', 'network', 'server_error', 'rate_limit'];

interface ActiveRule extends FailureRule {
  remaining: number;
  pattern: RegExp | null;
}

function compile(path: string): RegExp {
  const source = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}

export class FailureInjector {
  private rules: ActiveRule[] = [];

  add(rule: FailureRule): void {
    if (!TYPES.includes(rule.type)) throw invalidRequest(`type must be one of ${TYPES.join(', ')}`, { param: 'type' });
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw invalidRequest('times must be a positive integer', { param: 'times' });
    if (rule.path !== undefined && (typeof rule.path !== 'string' || !rule.path.startsWith('/'))) {
      throw invalidRequest('path must start with /', { param: 'path' });
    }
    this.rules.push({ ...rule, method: rule.method?.toUpperCase(), remaining: times, pattern: rule.path ? compile(rule.path) : null });
  }

  /** The rule that applies to this request, used up by one. */
  take(method: string, path: string): FailureRule | undefined {
    const i = this.rules.findIndex((r) => (!r.method || r.method === method) && (r.pattern ? r.pattern.test(path) : path.startsWith('/v1/')));
    const rule = this.rules[i];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(i, 1);
    return rule;
  }

  pending(): FailureRule[] {
    return this.rules.map((r) => ({
      type: r.type,
      path: r.path,
      method: r.method,
      times: r.remaining,
      afterProcessing: r.afterProcessing,
      declineCode: r.declineCode,
    }));
  }

  clear(): void {
    this.rules = [];
  }
}
