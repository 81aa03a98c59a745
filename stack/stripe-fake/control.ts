// The fake's own levers, not Stripe's: inject failures, bend webhook delivery, act as the payer or
// the bank (or the cardholder's bank, with a chargeback), and read back what was delivered. The same operations are offered in-process (the
// `control` of a started fake) and over HTTP under `/_fake/` (control-http.ts) for tests in other
// processes, such as Deno tests of the edge functions or browser tests.
import { invalidRequest } from './errors.ts';
import type { EventObject, FakeContext } from './fake-context.ts';
import type { FailureInjector, FailureRule } from './failure-injection.ts';
import { onboardAccount, restrictAccount, type Account } from './resources/accounts.ts';
import {
  declineCheckoutSession,
  payCheckoutSession,
  payCheckoutSessionLater,
  settleAsyncPayment,
  type PayerInput,
} from './resources/checkout-outcomes.ts';
import type { CheckoutSession } from './resources/checkout-sessions.ts';
import { decideDispute, disputeCharge, type Dispute } from './resources/disputes.ts';
import { settlePayout, type Payout } from './resources/payouts.ts';
import { failRefund, type Refund } from './resources/refunds.ts';
import type { DeliveryAttempt, DeliveryPlan, WebhookEndpoint } from './webhook-delivery.ts';

export class FakeControl {
  constructor(
    private readonly fake: FakeContext,
    private readonly failures: FailureInjector,
  ) {}

  // Failures -------------------------------------------------------------------------------------

  /** The next matching request(s) fail: card_declined (402), server_error (500), rate_limit (429) or network (dropped connection). */
  failNext(rule: FailureRule): void {
    this.failures.add(rule);
  }

  pendingFailures(): FailureRule[] {
    return this.failures.pending();
  }

  clearFailures(): void {
    this.failures.clear();
  }

  // Webhook delivery -----------------------------------------------------------------------------

  /** The next `count` events (default 1) are delivered late, several times, or several times at once. */
  planWebhooks(plan: DeliveryPlan & { count?: number }): void {
    const { count = 1, ...rest } = plan;
    if (!Number.isInteger(count) || count < 1) throw invalidRequest('count must be a positive integer', { param: 'count' });
    if (rest.copies !== undefined && (!Number.isInteger(rest.copies) || rest.copies < 1))
      throw invalidRequest('copies must be a positive integer', { param: 'copies' });
    if (rest.delayMs !== undefined && (typeof rest.delayMs !== 'number' || rest.delayMs < 0))
      throw invalidRequest('delayMs must be a number of ms', { param: 'delayMs' });
    this.fake.dispatcher.plan(count, rest);
  }

  /** Park every event from now on until releaseWebhooks(). */
  holdWebhooks(): void {
    this.fake.dispatcher.hold();
  }

  /** Deliver the parked events, oldest first or newest first; returns their ids in sending order. */
  releaseWebhooks(order: 'fifo' | 'reverse' = 'fifo'): string[] {
    if (order !== 'fifo' && order !== 'reverse') throw invalidRequest('order must be fifo or reverse', { param: 'order' });
    return this.fake.dispatcher.release(order);
  }

  heldWebhooks(): string[] {
    return this.fake.dispatcher.heldEvents();
  }

  /** Send a stored event again, to one endpoint URL or to every endpoint it is meant for. */
  resendEvent(eventId: string, endpoint?: string): number {
    const entry = this.fake.store.entry(eventId);
    if (!entry || entry.obj.object !== 'event') throw invalidRequest(`No such event: '${eventId}'`, { code: 'resource_missing', param: 'id' }, 404);
    const event = entry.obj as EventObject;
    return this.fake.dispatcher.resend({ id: event.id, type: event.type, account: event.account }, JSON.stringify(event, null, 2), endpoint);
  }

  webhookAttempts(filter: { eventId?: string; endpoint?: string } = {}): DeliveryAttempt[] {
    return this.fake.dispatcher.attempts(filter);
  }

  clearWebhookAttempts(): void {
    this.fake.dispatcher.clearAttempts();
  }

  /** Resolves when every delivery (retries included) is over; held events do not count. */
  async webhooksIdle(): Promise<void> {
    await this.fake.quiet();
    await this.fake.dispatcher.idle();
  }

  webhookEndpoints(): WebhookEndpoint[] {
    return this.fake.dispatcher.getEndpoints();
  }

  setWebhookEndpoints(endpoints: WebhookEndpoint[]): void {
    for (const e of endpoints) {
      if (!e || typeof e.url !== 'string' || typeof e.secret !== 'string')
        throw invalidRequest('each endpoint needs a url and a secret', { param: 'endpoints' });
    }
    this.fake.dispatcher.setEndpoints(endpoints);
  }

  // Acting as the payer, the bank, the connected account ------------------------------------------

  /** What the hosted page's Pay button does. */
  pay(sessionId: string, input?: PayerInput): CheckoutSession {
    return payCheckoutSession(this.fake, sessionId, input);
  }

  /** What the hosted page's Decline button does. */
  decline(sessionId: string, input?: PayerInput & { declineCode?: string }): CheckoutSession {
    return declineCheckoutSession(this.fake, sessionId, input);
  }

  /** Pay with a delayed method (bank debit): the session completes unpaid until settleAsync(). */
  payLater(sessionId: string, input?: PayerInput): CheckoutSession {
    return payCheckoutSessionLater(this.fake, sessionId, input);
  }

  settleAsync(sessionId: string, outcome: 'succeeded' | 'failed'): CheckoutSession {
    if (outcome !== 'succeeded' && outcome !== 'failed') throw invalidRequest('outcome must be succeeded or failed', { param: 'outcome' });
    return settleAsyncPayment(this.fake, sessionId, outcome);
  }

  /** What finishing the hosted onboarding does. */
  onboardAccount(accountId: string): Account {
    return onboardAccount(this.fake, accountId);
  }

  /**
   * Stripe restricts a connected account (verification failed, information past due): its capabilities
   * go inactive, payouts_enabled false, `requirements` lists what is due (default
   * individual.verification.document), and account.updated goes to Connect endpoints. Transfers to it
   * then fail (insufficient_capabilities_for_transfer), as do its payouts (payouts_not_allowed);
   * onboardAccount() lifts the restriction.
   */
  restrictAccount(accountId: string, requirements?: string[]): Account {
    return restrictAccount(this.fake, accountId, requirements);
  }

  settlePayout(payoutId: string, outcome: 'paid' | 'failed', failureCode?: string): Payout {
    if (outcome !== 'paid' && outcome !== 'failed') throw invalidRequest('outcome must be paid or failed', { param: 'outcome' });
    return settlePayout(this.fake, payoutId, outcome, failureCode);
  }

  /** The next automatically settled payout fails with this code (default account_closed). */
  failNextPayout(failureCode = 'account_closed'): void {
    this.fake.payoutFailures.push(failureCode);
  }

  failRefund(refundId: string, failureReason?: string): Refund {
    return failRefund(this.fake, refundId, failureReason);
  }

  /**
   * The cardholder disputes a succeeded charge: a `needs_response` dispute, the amount (default: what
   * is unrefunded) and the 15.00 fee withdrawn; charge.dispute.created and charge.dispute.funds_withdrawn.
   */
  disputeCharge(chargeId: string, options: { reason?: string; amount?: number } = {}): Dispute {
    return disputeCharge(this.fake, chargeId, options);
  }

  /** The bank decides an open dispute: 'won' reinstates the amount (charge.dispute.funds_reinstated), then charge.dispute.closed. */
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Dispute {
    if (outcome !== 'won' && outcome !== 'lost') throw invalidRequest('outcome must be won or lost', { param: 'outcome' });
    return decideDispute(this.fake, disputeId, outcome);
  }

  /**
   * Forgets every stored Idempotency-Key answer, as Stripe does 24 hours after a key's first use: a
   * retry with the same key then runs again. Returns how many were dropped.
   */
  forgetIdempotencyKeys(): number {
    const count = this.fake.store.idempotency.size;
    this.fake.store.idempotency.clear();
    this.fake.store.changed();
    return count;
  }

  /** Forget every object, event, idempotency key, injected failure and delivery plan. */
  reset(): void {
    this.fake.store.clear();
    this.failures.clear();
    this.fake.payoutFailures.length = 0;
    this.fake.dispatcher.resetControls();
    this.fake.dispatcher.clearAttempts();
  }
}
