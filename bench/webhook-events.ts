// What the webhook benchmark sends: one `checkout.session.completed` per prepared payment, shaped
// as Stripe sends it and as the stripe-webhook function accepts it, and the order deliveries go out
// in, with a share of duplicates as Stripe's at-least-once delivery produces them.

export interface PaymentToSettle {
  id: string;
  amountCents: number;
}

/** The event Stripe sends when a Checkout session is paid; metadata.payment_id is what the payments function set. */
export function paidEvent(eventId: string, payment: PaymentToSettle, created: number): Record<string, unknown> {
  return {
    id: eventId,
    object: 'event',
    api_version: '2025-10-29.clover',
    type: 'checkout.session.completed',
    created,
    livemode: false,
    pending_webhooks: 1,
    data: {
      object: {
        id: `cs_test_${eventId.slice(4)}`,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
        amount_total: payment.amountCents,
        currency: 'ils',
        payment_intent: `pi_test_${eventId.slice(4)}`,
        metadata: { payment_id: payment.id },
      },
    },
  };
}

/** A small seeded generator (mulberry32): the same schedule every run, so runs compare. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order of deliveries, as event indexes: every event once, in order, with `duplicateShare` of
 * all deliveries being repeats. Half the repeats are of one of the last `recentWindow` events, which
 * with that many senders are usually still in flight (Stripe retrying while the first delivery is
 * being applied); the other half repeat any earlier event (a retry long after the first succeeded).
 */
export function deliveryOrder(events: number, duplicateShare: number, recentWindow: number, random: () => number): number[] {
  const order: number[] = [];
  let next = 0;
  while (next < events) {
    if (next > 0 && random() < duplicateShare) {
      const back = random() < 0.5 ? 1 + Math.floor(random() * Math.min(recentWindow, next)) : 1 + Math.floor(random() * next);
      order.push(next - back);
    } else {
      order.push(next++);
    }
  }
  return order;
}
