// Delivers stored events to the configured endpoints as Stripe does: a POST of the event JSON with a
// fresh Stripe-Signature per attempt, retried with backoff on anything but a 2xx (a redirect counts
// as a failure, as in Stripe). Each endpoint gets first attempts in event order, so in-order delivery
// is the baseline; retries run beside the queue, so one failing event does not block the rest.
//
// Tests can bend delivery, because real Stripe delivers late, twice and out of order: `plan()` makes
// the next events arrive after a delay or in several copies, `hold()`/`release()` park events and
// let them go in reverse, and `resend()` sends a stored event again. Every attempt is recorded.
import { signWebhookPayload } from './webhook-signature.ts';

export interface WebhookEndpoint {
  url: string;
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** A Connect endpoint: it receives events of connected accounts (with `account` set), not the platform's own. */
  connect?: boolean;
  /** Event types to send (Stripe's `enabled_events`); every type when absent. */
  events?: string[];
}

export interface DeliveryPlan {
  /** Hold each of these events back this long before its first attempt. */
  delayMs?: number;
  /** Deliver each of these events this many times (2 = a duplicate). */
  copies?: number;
  /** Send the copies at the same moment instead of one after another. */
  concurrent?: boolean;
}

export interface DeliveryAttempt {
  id: number;
  eventId: string;
  eventType: string;
  endpoint: string;
  /** 1 for the first try, 2 and up for retries after a failure. */
  attempt: number;
  /** Which copy of a duplicated delivery this is (1 unless duplicated). */
  copy: number;
  /** Why the event was sent: first delivery, a re-send asked for through the control API, or a release of held events. */
  reason: 'event' | 'resend' | 'release';
  /** The endpoint's HTTP status, or null when the request failed (connection refused, timeout). */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** The start of the endpoint's answer, for finding out why it refused an event. */
  responseBody: string | null;
  startedAt: number;
  durationMs: number;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each further one. */
  backoffMs: number;
}

export interface DeliverableEvent {
  id: string;
  type: string;
  account?: string;
}

interface Delivery {
  event: DeliverableEvent;
  payload: string;
  endpoint: WebhookEndpoint;
  plan: DeliveryPlan;
  reason: DeliveryAttempt['reason'];
}

interface DispatcherOptions {
  endpoints: WebhookEndpoint[];
  retry: RetryPolicy;
  timeoutMs: number;
  /** The first successful delivery of an event to an endpoint (Stripe lowers `pending_webhooks`). */
  onDelivered: (eventId: string, endpoint: string) => void;
  log: (line: string) => void;
}

const MAX_ATTEMPTS_KEPT = 10_000;

export class WebhookDispatcher {
  private endpoints: WebhookEndpoint[];
  private readonly plans: { remaining: number; plan: DeliveryPlan }[] = [];
  private holding = false;
  private held: { event: DeliverableEvent; payload: string; plan: DeliveryPlan }[] = [];
  private readonly attemptLog: DeliveryAttempt[] = [];
  private attemptSeq = 0;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly abort = new AbortController();

  constructor(private readonly o: DispatcherOptions) {
    this.endpoints = [...o.endpoints];
  }

  setEndpoints(endpoints: WebhookEndpoint[]): void {
    this.endpoints = [...endpoints];
  }

  getEndpoints(): WebhookEndpoint[] {
    return [...this.endpoints];
  }

  /** Endpoints an event goes to: Connect endpoints for connected-account events, the others for the platform's. */
  endpointsFor(event: DeliverableEvent): WebhookEndpoint[] {
    return this.endpoints.filter(
      (e) => Boolean(e.connect) === Boolean(event.account) && (!e.events || e.events.includes('*') || e.events.includes(event.type)),
    );
  }

  /**
   * Bends the delivery of the next `count` events (that have an endpoint to go to). Plans queue up:
   * the next one starts when this one is used up.
   */
  plan(count: number, plan: DeliveryPlan): void {
    this.plans.push({ remaining: count, plan });
  }

  hold(): void {
    this.holding = true;
  }

  /** Stops holding and delivers what was held, oldest first or in reverse. Returns the released event ids in sending order. */
  release(order: 'fifo' | 'reverse' = 'fifo'): string[] {
    this.holding = false;
    const batch = order === 'reverse' ? [...this.held].reverse() : [...this.held];
    this.held = [];
    for (const h of batch) this.fanOut(h.event, h.payload, h.plan, 'release');
    return batch.map((h) => h.event.id);
  }

  heldEvents(): string[] {
    return this.held.map((h) => h.event.id);
  }

  dispatch(event: DeliverableEvent, payload: string): void {
    // Plans and holds count events that go somewhere; one no endpoint subscribes to passes unseen.
    if (this.endpointsFor(event).length === 0) return;
    const plan = this.takePlan();
    if (this.holding) {
      this.held.push({ event, payload, plan });
      return;
    }
    this.fanOut(event, payload, plan, 'event');
  }

  /** Sends a stored event again (to one endpoint, or every endpoint it is meant for). */
  resend(event: DeliverableEvent, payload: string, endpointUrl?: string): number {
    const targets = this.endpointsFor(event).filter((e) => !endpointUrl || e.url === endpointUrl);
    for (const endpoint of targets) this.enqueue({ event, payload, endpoint, plan: {}, reason: 'resend' });
    return targets.length;
  }

  attempts(filter: { eventId?: string; endpoint?: string } = {}): DeliveryAttempt[] {
    return this.attemptLog.filter((a) => (!filter.eventId || a.eventId === filter.eventId) && (!filter.endpoint || a.endpoint === filter.endpoint));
  }

  clearAttempts(): void {
    this.attemptLog.length = 0;
  }

  /** Forgets plans and held events (held events are dropped, not delivered). */
  resetControls(): void {
    this.plans.length = 0;
    this.holding = false;
    this.held = [];
  }

  /** Resolves once nothing is queued, delayed, in flight or waiting for a retry (held events do not count). */
  idle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.busy = 0;
    this.settleIdle();
  }

  private takePlan(): DeliveryPlan {
    const head = this.plans[0];
    if (!head) return {};
    head.remaining -= 1;
    if (head.remaining <= 0) this.plans.shift();
    return head.plan;
  }

  private fanOut(event: DeliverableEvent, payload: string, plan: DeliveryPlan, reason: Delivery['reason']): void {
    for (const endpoint of this.endpointsFor(event)) this.enqueue({ event, payload, endpoint, plan, reason });
  }

  private enqueue(d: Delivery): void {
    const copies = Math.max(1, d.plan.copies ?? 1);
    this.busy += copies;
    const send = async () => {
      if (d.plan.concurrent) {
        await Promise.all(Array.from({ length: copies }, (_, i) => this.attempt(d, i + 1, 1)));
      } else {
        for (let copy = 1; copy <= copies; copy++) await this.attempt(d, copy, 1);
      }
    };
    if (d.plan.delayMs && d.plan.delayMs > 0) {
      // A late event skips the endpoint's queue: it arrives after whatever was sent meanwhile.
      this.later(d.plan.delayMs, () => void send());
      return;
    }
    const previous = this.queues.get(d.endpoint.url) ?? Promise.resolve();
    this.queues.set(d.endpoint.url, previous.then(send));
  }

  private later(ms: number, fn: () => void): void {
    if (this.abort.signal.aborted) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** One attempt; on failure schedules the next. Resolves once this attempt is over (not the retries). */
  private async attempt(d: Delivery, copy: number, attempt: number): Promise<void> {
    if (this.abort.signal.aborted) return;
    const startedAt = Date.now();
    const record: DeliveryAttempt = {
      id: ++this.attemptSeq,
      eventId: d.event.id,
      eventType: d.event.type,
      endpoint: d.endpoint.url,
      attempt,
      copy,
      reason: d.reason,
      status: null,
      ok: false,
      error: null,
      responseBody: null,
      startedAt,
      durationMs: 0,
    };
    try {
      const res = await fetch(d.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signWebhookPayload(d.payload, d.endpoint.secret),
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs)]),
      });
      record.status = res.status;
      record.ok = res.status >= 200 && res.status < 300;
      record.responseBody = (await res.text()).slice(0, 1000);
    } catch (e) {
      record.error = (e as Error).message;
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code || cause?.message) record.error += ` (${cause.code ?? cause.message})`;
    }
    if (this.abort.signal.aborted) return;
    record.durationMs = Date.now() - startedAt;
    this.attemptLog.push(record);
    if (this.attemptLog.length > MAX_ATTEMPTS_KEPT) this.attemptLog.splice(0, this.attemptLog.length - MAX_ATTEMPTS_KEPT);

    if (record.ok) {
      this.o.onDelivered(d.event.id, d.endpoint.url);
      this.done();
      return;
    }
    const why = record.status === null ? record.error : `HTTP ${record.status}`;
    if (attempt < this.o.retry.attempts) {
      const wait = this.o.retry.backoffMs * 2 ** (attempt - 1);
      this.o.log(`stripe-fake: ${d.event.type} ${d.event.id} → ${d.endpoint.url} failed (${why}); retry ${attempt} in ${wait} ms`);
      this.later(wait, () => void this.attempt(d, copy, attempt + 1));
    } else {
      this.o.log(`stripe-fake: ${d.event.type} ${d.event.id} → ${d.endpoint.url} failed (${why}); giving up after ${attempt} attempts`);
      this.done();
    }
  }

  private done(): void {
    this.busy = Math.max(0, this.busy - 1);
    if (this.busy === 0) this.settleIdle();
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
