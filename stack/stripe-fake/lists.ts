// Stripe's list envelope and cursor pagination: newest first, `limit` 1–100 (default 10),
// `starting_after` pages towards older objects, `ending_before` towards newer ones, `has_more` says
// whether another page exists in that direction. `created` filters take an exact timestamp or a
// range hash (`created[gte]=…`).
import { invalidRequest } from './errors.ts';
import type { Params } from './params.ts';
import type { StripeObject } from './store.ts';

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'expand'] as const;

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function rangeFilter(params: Params, key: string): (value: number | null | undefined) => boolean {
  if (!params.has(key)) return () => true;
  const range = typeof params.raw[key] === 'string' ? undefined : params.object(key);
  if (!range) {
    const exact = params.int(key);
    return (v) => v === exact;
  }
  range.allowOnly(['gt', 'gte', 'lt', 'lte']);
  const gt = range.int('gt');
  const gte = range.int('gte');
  const lt = range.int('lt');
  const lte = range.int('lte');
  return (v) =>
    typeof v === 'number' &&
    (gt === undefined || v > gt) &&
    (gte === undefined || v >= gte) &&
    (lt === undefined || v < lt) &&
    (lte === undefined || v <= lte);
}

export function createdFilter(params: Params): (o: StripeObject) => boolean {
  const inRange = rangeFilter(params, 'created');
  return (o) => inRange(o.created);
}

export function paginate<T extends StripeObject>(items: T[], params: Params, url: string, objectName = 'object'): StripeList<T> {
  const limit = params.int('limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', { param: 'ending_before' });
  }
  const cursor = startingAfter ?? endingBefore;
  if (!cursor) return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
  const at = items.findIndex((o) => o.id === cursor);
  if (at < 0) {
    const param = startingAfter ? 'starting_after' : 'ending_before';
    throw invalidRequest(`No such ${objectName}: '${cursor}'`, { code: 'resource_missing', param });
  }
  if (startingAfter) {
    return { object: 'list', data: items.slice(at + 1, at + 1 + limit), has_more: items.length > at + 1 + limit, url };
  }
  const from = Math.max(0, at - limit);
  return { object: 'list', data: items.slice(from, at), has_more: from > 0, url };
}
