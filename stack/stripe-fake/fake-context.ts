// What every handler works with: the store, the clock, the fee schedule, the public URL of the
// hosted pages, and `emit`, which records an Event (a snapshot of the object as it is now) in the
// account it happened in and hands it to webhook delivery.
import { expand } from './expand.ts';
import { newId, PREFIX } from './ids.ts';
import type { FeeSchedule } from './money.ts';
import type { Store, StripeObject } from './store.ts';
import type { WebhookDispatcher } from './webhook-delivery.ts';

/** Who asked: the account the request acts in (Stripe-Account header) and the request that caused an event. */
export interface RequestInfo {
  account: string | null;
  requestId: string | null;
  idempotencyKey: string | null;
}

/** Changes made by the hosted pages and the fake's own timers: no API request behind them, as in Stripe. */
export const automatic = (account: string | null): RequestInfo => ({ account, requestId: null, idempotencyKey: null });

export interface EventObject extends StripeObject {
  object: 'event';
  type: string;
  account?: string;
  pending_webhooks: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
}

export interface FakeContextOptions {
  store: Store;
  dispatcher: WebhookDispatcher;
  fees: FeeSchedule;
  apiVersion: string;
  nowMs: () => number;
  publicUrl: () => string;
  autoPayouts: boolean;
  log: (line: string) => void;
}

export class FakeContext {
  readonly store: Store;
  readonly dispatcher: WebhookDispatcher;
  readonly fees: FeeSchedule;
  readonly apiVersion: string;
  readonly autoPayouts: boolean;
  /** Failure codes for the next automatically settled payouts (control API). */
  readonly payoutFailures: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private readonly nowMs: () => number;
  private readonly baseUrl: () => string;
  private readonly log: (line: string) => void;

  constructor(o: FakeContextOptions) {
    this.store = o.store;
    this.dispatcher = o.dispatcher;
    this.fees = o.fees;
    this.apiVersion = o.apiVersion;
    this.autoPayouts = o.autoPayouts;
    this.nowMs = o.nowMs;
    this.baseUrl = o.publicUrl;
    this.log = o.log;
  }

  /** Unix seconds, Stripe's unit for `created` and every other timestamp. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Base URL of the hosted pages (no trailing slash). */
  publicUrl(): string {
    return this.baseUrl().replace(/\/+$/, '');
  }

  /** Replaces id fields named in `expand[]` with their objects, looked up in the caller's account. */
  expand<T extends object>(obj: T, paths: string[], account: string | null): T {
    return expand(obj, paths, (id) => this.store.get(id, account));
  }

  emit(type: string, obj: StripeObject, info: RequestInfo, previous?: Record<string, unknown>): EventObject {
    const account = info.account ?? undefined;
    const event: EventObject = {
      id: newId(PREFIX.event),
      object: 'event',
      ...(account ? { account } : {}),
      api_version: this.apiVersion,
      created: this.now(),
      data: { object: structuredClone(obj), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: this.dispatcher.endpointsFor({ id: '', type, account }).length,
      request: { id: info.requestId, idempotency_key: info.idempotencyKey },
      type,
    };
    this.store.insert(event, info.account, { deliveredTo: [] });
    this.dispatcher.dispatch({ id: event.id, type, account }, JSON.stringify(event, null, 2));
    return event;
  }

  /** An endpoint acknowledged an event: Stripe counts down `pending_webhooks` once per endpoint. */
  delivered(eventId: string, endpoint: string): void {
    const entry = this.store.entry(eventId);
    if (!entry) return;
    const deliveredTo = (entry.internal.deliveredTo ??= []) as string[];
    if (deliveredTo.includes(endpoint)) return;
    deliveredTo.push(endpoint);
    const event = entry.obj as EventObject;
    event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    this.store.changed();
  }

  /** Runs `fn` after the current request has been answered (automatic payout settlement). */
  later(fn: () => void, ms = 0): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        fn();
      } catch (e) {
        // A timer has nobody to answer to: report, never crash the process.
        this.log(`stripe-fake: scheduled work failed: ${(e as Error).message}`);
      } finally {
        if (this.timers.size === 0) this.settleWaiters();
      }
    }, ms);
    this.timers.add(t);
  }

  /** Resolves when nothing scheduled with later() is left, so "wait for webhooks" includes the events it will emit. */
  async quiet(): Promise<void> {
    while (this.timers.size > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private settleWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.settleWaiters();
  }
}
