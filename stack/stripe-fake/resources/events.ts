// Events as stored when they happened (see FakeContext.emit): retrieve, and list by `type` (with
// Stripe's `*` wildcard, e.g. `charge.*`), `types[]`, `created` and `delivery_success`. A connected
// account's events are listed with its Stripe-Account header, as in Stripe.
import { invalidRequest } from '../errors.ts';
import type { EventObject } from '../fake-context.ts';
import type { ApiRoute } from '../router.ts';
import { listHandler, retrieveHandler, type ObjectKind } from './common.ts';

export const EVENT: ObjectKind = { object: 'event', param: 'id', url: '/v1/events' };

function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (t) => t === pattern;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^]*')}$`,
  );
  return (t) => re.test(t);
}

export const eventRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/events/:id', handler: retrieveHandler(EVENT) },
  {
    method: 'GET',
    path: '/v1/events',
    handler: listHandler<EventObject>(EVENT, {
      type: (p) => {
        const matches = typeMatcher(p.requiredString('type'));
        return (e) => matches(e.type);
      },
      types: (p) => {
        const types = p.stringArray('types') ?? [];
        if (p.has('type')) throw invalidRequest('You may only specify one of these parameters: type, types.', { param: 'types' });
        if (types.length > 20) throw invalidRequest('You may pass at most 20 types.', { param: 'types' });
        return (e) => types.includes(e.type);
      },
      delivery_success: (p) => {
        const delivered = p.bool('delivery_success');
        return (e) => (e.pending_webhooks === 0) === delivered;
      },
    }),
  },
];
