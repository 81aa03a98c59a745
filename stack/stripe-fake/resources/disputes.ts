// Disputes (chargebacks) of a succeeded charge. Only the cardholder's bank opens one in Stripe, so
// here the control API does (disputeCharge) and decides it (closeDispute); the API retrieves, lists,
// updates (metadata, evidence) and closes them, closing meaning the platform accepts the loss.
// Money moves as in Stripe: opening withdraws the disputed amount plus a 15.00 dispute fee in one
// `adjustment` balance transaction; a win reinstates the amount (the fee is kept, see README);
// `balance_transactions` carries these transactions expanded, as Stripe's dispute object does.
import { invalidRequest, noSuchObject } from '../errors.ts';
import { automatic, type FakeContext, type RequestInfo } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { formatAmount } from '../money.ts';
import { applyMetadata, type Metadata } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { recordBalanceTransaction, type BalanceTransaction } from './balance.ts';
import { equals, listHandler, mustGet, retrieveHandler, type ObjectKind } from './common.ts';
import { emptyEvidence, parseEvidence, type Evidence } from './dispute-evidence.ts';
import type { Charge } from './payments.ts';

export const DISPUTE: ObjectKind = { object: 'dispute', param: 'dispute', url: '/v1/disputes' };

/** Stripe's dispute fee in the US (15.00), taken from the balance when a dispute opens. */
export const DISPUTE_FEE = 1500;

// The bank's deadline for evidence varies by network; a week is within Stripe's usual range.
const EVIDENCE_WINDOW_S = 7 * 24 * 3600;

export const DISPUTE_REASONS = [
  'bank_cannot_process',
  'check_returned',
  'credit_not_processed',
  'customer_initiated',
  'debit_not_authorized',
  'duplicate',
  'fraudulent',
  'general',
  'incorrect_account_details',
  'insufficient_funds',
  'noncompliant',
  'product_not_received',
  'product_unacceptable',
  'subscription_canceled',
  'unrecognized',
] as const;

export type DisputeStatus = 'needs_response' | 'under_review' | 'won' | 'lost';

export interface Dispute extends StripeObject {
  object: 'dispute';
  amount: number;
  balance_transactions: BalanceTransaction[];
  charge: string;
  currency: string;
  evidence: Evidence;
  evidence_details: {
    due_by: number | null;
    enhanced_eligibility: Record<string, unknown>;
    has_evidence: boolean;
    past_due: boolean;
    submission_count: number;
    submission_method: string;
  };
  metadata: Metadata;
  payment_intent: string | null;
  reason: string;
  status: DisputeStatus;
}

const isClosed = (d: Dispute) => d.status === 'won' || d.status === 'lost';

/** The dispute of a charge, if it has one (a charge is disputed at most once here). */
export function disputeOf(fake: FakeContext, charge: Charge, account: string | null): Dispute | undefined {
  return fake.store.list<Dispute>('dispute', account, (d) => d.charge === charge.id)[0];
}

function cardDetails(charge: Charge): Record<string, unknown> {
  const details = charge.payment_method_details as { type?: string; card?: { brand?: string } } | undefined;
  if (details?.type !== 'card') return {};
  const brand = details.card?.brand ?? 'unknown';
  return { payment_method_details: { card: { brand, case_type: 'chargeback', network: brand, network_reason_code: null }, type: 'card' } };
}

/** The cardholder disputes a succeeded charge: the amount (default: what is unrefunded) and the fee leave the balance. */
export function disputeCharge(fake: FakeContext, chargeId: string, o: { reason?: string; amount?: number } = {}): Dispute {
  const entry = fake.store.entry(chargeId);
  if (!entry || entry.obj.object !== 'charge') throw noSuchObject('charge', chargeId, 'charge');
  const charge = entry.obj as Charge;
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has status ${charge.status}; only a succeeded charge can be disputed.`, { param: 'charge' });
  }
  const earlier = disputeOf(fake, charge, entry.account);
  if (earlier) throw invalidRequest(`Charge ${charge.id} has already been disputed (${earlier.id}).`, { param: 'charge' });
  const left = charge.amount - charge.amount_refunded;
  if (left <= 0) throw invalidRequest(`Charge ${charge.id} has been fully refunded and cannot be disputed.`, { param: 'charge' });
  const amount = o.amount ?? left;
  if (!Number.isInteger(amount) || amount < 1 || amount > left) {
    throw invalidRequest(`amount must be a whole number from 1 to the unrefunded ${formatAmount(left, charge.currency)} (${left}).`, {
      param: 'amount',
    });
  }
  const reason = o.reason ?? 'fraudulent';
  if (!(DISPUTE_REASONS as readonly string[]).includes(reason)) {
    throw invalidRequest(`reason must be one of ${DISPUTE_REASONS.join(', ')}`, { param: 'reason' });
  }

  const id = newId(PREFIX.dispute);
  const withdrawal = recordBalanceTransaction(fake, entry.account, {
    amount: -amount,
    currency: charge.currency,
    type: 'adjustment',
    reportingCategory: 'dispute',
    source: id,
    description: `Chargeback withdrawal for ${charge.id}`,
    fee: DISPUTE_FEE,
    feeDescription: 'Dispute fee',
  });
  const created = fake.now();
  const dispute = fake.store.insert<Dispute>(
    {
      id,
      object: 'dispute',
      amount,
      balance_transactions: [structuredClone(withdrawal)],
      charge: charge.id,
      created,
      currency: charge.currency,
      enhanced_eligibility_types: [],
      evidence: emptyEvidence(),
      evidence_details: {
        due_by: created + EVIDENCE_WINDOW_S,
        enhanced_eligibility: {},
        has_evidence: false,
        past_due: false,
        submission_count: 0,
        submission_method: 'not_submitted',
      },
      intended_submission_method: null,
      // Stripe allows a refund only while a dispute is an inquiry (warning_*); a chargeback has taken the money.
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      ...cardDetails(charge),
      reason,
      status: 'needs_response',
    },
    entry.account,
  );
  charge.disputed = true;
  fake.store.changed();
  const info = automatic(entry.account);
  fake.emit('charge.dispute.created', dispute, info);
  fake.emit('charge.dispute.funds_withdrawn', dispute, info);
  return dispute;
}

/** The bank decides ('won': the amount comes back, not the fee), or the platform accepts the dispute ('lost'). */
export function closeDispute(fake: FakeContext, dispute: Dispute, account: string | null, outcome: 'won' | 'lost', info: RequestInfo): Dispute {
  if (isClosed(dispute)) throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`, { param: 'dispute' });
  const previous = { status: dispute.status };
  dispute.status = outcome;
  if (outcome === 'won') {
    const reinstated = recordBalanceTransaction(fake, account, {
      amount: dispute.amount,
      currency: dispute.currency,
      type: 'adjustment',
      reportingCategory: 'dispute_reversal',
      source: dispute.id,
      description: `Chargeback reversal for ${dispute.charge}`,
    });
    dispute.balance_transactions.push(structuredClone(reinstated));
    fake.store.changed();
    fake.emit('charge.dispute.funds_reinstated', dispute, info);
  }
  fake.store.changed();
  fake.emit('charge.dispute.closed', dispute, info, previous);
  return dispute;
}

/** The control API's way in: any account's dispute, decided by the bank. */
export function decideDispute(fake: FakeContext, disputeId: string, outcome: 'won' | 'lost'): Dispute {
  const entry = fake.store.entry(disputeId);
  if (!entry || entry.obj.object !== 'dispute') throw noSuchObject('dispute', disputeId, 'dispute');
  return closeDispute(fake, entry.obj as Dispute, entry.account, outcome, automatic(entry.account));
}

/** What changed at the top level, and inside nested hashes only the keys that changed, as Stripe's previous_attributes. */
function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, was] of Object.entries(before)) {
    const now = after[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const nested = key !== 'metadata' && was && now && typeof was === 'object' && typeof now === 'object' && !Array.isArray(was);
    out[key] = nested ? previousAttributes(was as Record<string, unknown>, now as Record<string, unknown>) : was;
  }
  return Object.keys(out).length ? out : undefined;
}

function update(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly(['evidence', 'expand', 'intended_submission_method', 'metadata', 'submit']);
  const dispute = mustGet<Dispute>(fake, DISPUTE, req.path.id ?? '', info.account);
  const evidenceParams = params.object('evidence');
  const evidence = evidenceParams ? parseEvidence(evidenceParams) : undefined;
  const submit = params.bool('submit');
  const method = params.oneOf('intended_submission_method', ['manual', 'prefer_manual', 'prefer_smart_disputes', 'smart_disputes']);
  const metadata = params.metadata();
  // Evidence goes to the bank once; after that (or once decided) only metadata may change.
  if ((evidence || submit === true) && dispute.status !== 'needs_response') {
    const why = isClosed(dispute) ? `is already closed (${dispute.status})` : 'has already had evidence submitted';
    throw invalidRequest(`Dispute ${dispute.id} ${why}; its evidence can no longer be changed.`, { param: evidence ? 'evidence' : 'submit' });
  }
  if (submit === true && !evidence && !dispute.evidence_details.has_evidence) {
    throw invalidRequest(`Dispute ${dispute.id} has no evidence to submit.`, { param: 'submit' });
  }

  const before = structuredClone(dispute) as Record<string, unknown>;
  dispute.metadata = applyMetadata(dispute.metadata, metadata);
  if (method) dispute.intended_submission_method = method;
  if (evidence) {
    Object.assign(dispute.evidence, evidence);
    dispute.evidence_details.has_evidence = true;
  }
  // `submit` defaults to true when evidence is sent; false stages it for a later submission.
  if ((evidence && submit !== false) || submit === true) {
    dispute.status = 'under_review';
    dispute.evidence_details.submission_count += 1;
    dispute.evidence_details.submission_method = 'manual';
  }
  fake.store.changed();
  fake.emit('charge.dispute.updated', dispute, info, previousAttributes(before, dispute));
  return fake.expand(dispute, params.expand(), info.account);
}

export const disputeRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/disputes/:id', handler: retrieveHandler(DISPUTE) },
  { method: 'POST', path: '/v1/disputes/:id', handler: update },
  {
    method: 'POST',
    path: '/v1/disputes/:id/close',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const dispute = mustGet<Dispute>(fake, DISPUTE, req.path.id ?? '', req.info.account);
      closeDispute(fake, dispute, req.info.account, 'lost', req.info);
      return fake.expand(dispute, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/disputes',
    handler: listHandler<Dispute>(DISPUTE, { charge: equals('charge'), payment_intent: equals('payment_intent') }),
  },
];
