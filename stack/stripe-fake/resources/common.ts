// Shared handler pieces: fetch an object or answer Stripe's "No such …" 404, and the standard
// retrieve and list handlers most resources are made of.
import { noSuchObject } from '../errors.ts';
import type { FakeContext } from '../fake-context.ts';
import { createdFilter, LIST_PARAMS, paginate } from '../lists.ts';
import type { Params } from '../params.ts';
import type { ApiHandler } from '../router.ts';
import type { StripeObject } from '../store.ts';

export interface ObjectKind {
  /** The `object` field, e.g. `payment_intent`. */
  object: string;
  /** Stripe's name for the parameter in "No such …" errors, e.g. `intent` for PaymentIntents. */
  param: string;
  /** The collection URL, e.g. `/v1/payment_intents`. */
  url: string;
}

export function mustGet<T extends StripeObject>(fake: FakeContext, kind: ObjectKind, id: string, account: string | null, param = kind.param): T {
  const obj = fake.store.get<T>(id, account, kind.object);
  if (!obj) throw noSuchObject(kind.object, id, param);
  return obj;
}

export function retrieveHandler(kind: ObjectKind): ApiHandler {
  return (fake, req) => {
    req.params.allowOnly(['expand']);
    const obj = mustGet(fake, kind, req.path.id ?? '', req.info.account);
    return fake.expand(obj, req.params.expand(), req.info.account);
  };
}

/**
 * A list handler: `filters` maps each supported filter parameter to a predicate builder, on top of
 * `created`, pagination and `expand[]=data.…`. A filter parameter named in `indexed` is an equality
 * on a field of the same name that never changes (a transfer's transfer_group): the store looks its
 * candidates up in an index instead of scanning every object of the type.
 */
export function listHandler<T extends StripeObject>(
  kind: ObjectKind,
  filters: Record<string, (params: Params) => (o: T) => boolean> = {},
  indexed: readonly (keyof T & string)[] = [],
): ApiHandler {
  return (fake, req) => {
    const { params } = req;
    params.allowOnly([...LIST_PARAMS, 'created', ...Object.keys(filters)]);
    const predicates = [
      createdFilter(params),
      ...Object.entries(filters)
        .filter(([k]) => params.has(k))
        .map(([, build]) => build(params)),
    ];
    const field = indexed.find((f) => params.has(f));
    const where = field ? { field, value: params.string(field) } : undefined;
    const items = fake.store.list<T>(kind.object, req.info.account, (o) => predicates.every((p) => p(o)), where);
    return fake.expand(paginate(items, params, kind.url, kind.object), params.expand(), req.info.account);
  };
}

/** A filter on a field that must equal the parameter's value. */
export const equals =
  <T extends StripeObject>(field: keyof T & string, param: string = field) =>
  (params: Params) => {
    const value = params.string(param);
    return (o: T) => o[field] === value;
  };
