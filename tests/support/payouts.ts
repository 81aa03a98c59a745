// Payouts from a test's side: an expert connecting their Stripe account through the payments
// function and the local Stripe's hosted onboarding page, an admin creating a batch and running it
// through the payouts function chunk by chunk, what the product shows (the payouts and
// payout_accounts views, my_wallet), what Stripe holds (transfers by transfer_group, the expert's
// own payouts and balance), and the expert's ledger accounts as the database owner reads them.
import type { SupabaseClient } from '@supabase/supabase-js';
import type Stripe from 'stripe';
import { signUpUser, type SignedIn } from './accounts.ts';
import type { TestExpert } from './experts.ts';
import { withOwner } from './ledger.ts';
import { clockShift, restoreClockShift } from './money-clock.ts';
import { expertWithAvailableMoney, moveClockPastFreePeriod, RELEASE_DAYS_LATER } from './payout-setup.ts';
import { acceptProposal, clientPii, postConsumerLead, submitProposal } from './leads.ts';
import { eventually, startCheckout, submitCheckout } from './payments.ts';
import { signInExpert } from './signed-in-expert.ts';
import { stripeSdk, webhooksIdle } from './stripe-fake.ts';

/** A function's answer as supabase-js gives it: the body on 2xx, the error's Response otherwise. */
export interface FunctionReply<T> {
  status: number;
  body: T;
}

export async function invokeFunction<T>(client: SupabaseClient, name: string, body: unknown): Promise<FunctionReply<T>> {
  const { data, error } = await client.functions.invoke(name, { body: body as Record<string, unknown> });
  if (error) {
    const context = (error as { context?: Response }).context;
    if (!context) throw new Error(`${name}: ${error.message}`);
    return { status: context.status, body: (await context.json().catch(() => ({}))) as T };
  }
  return { status: 200, body: data as T };
}

/** Onboarding: what the payments function answers an expert asking to connect a payout account. */
export interface OnboardingLink {
  url: string;
  stripe_account_id: string;
}

export const connectOnboarding = (client: SupabaseClient, returnPath?: string) =>
  invokeFunction<OnboardingLink & { error?: string }>(client, 'payments', {
    action: 'connect_onboarding',
    ...(returnPath ? { return_path: returnPath } : {}),
  });

/**
 * What a person does on Stripe's onboarding page: open the link (plain GET), submit its form (the
 * fake's page has one form, whose action is relative to the page), and follow Stripe back to the
 * app. Returns where Stripe sent them (the link's return_url, or its refresh_url when stale).
 */
export async function completeHostedOnboarding(url: string): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status === 303) return page.headers.get('location') ?? '';
  if (page.status !== 200) throw new Error(`the onboarding page answered ${page.status}`);
  const html = await page.text();
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html);
  if (!form) throw new Error(`no form on the onboarding page: ${html.slice(0, 300)}`);
  const action = new URL(form[1]!.replace(/&amp;/g, '&'), url);
  const submitted = await fetch(action, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (submitted.status !== 303) throw new Error(`submitting the onboarding form answered ${submitted.status}`);
  return submitted.headers.get('location') ?? '';
}

export interface PayoutAccountRow {
  expert_id: string;
  stripe_account_id: string;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  transfers_active: boolean;
  requirements_due: string[];
  disabled_reason: string | null;
  ready: boolean;
}

export async function payoutAccountsOf(client: SupabaseClient): Promise<PayoutAccountRow[]> {
  const { data, error } = await client.from('payout_accounts').select('*');
  if (error) throw new Error(`reading payout_accounts failed: ${error.message}`);
  return data as PayoutAccountRow[];
}

/** An approved expert, signed in, with money available and (unless `onboard: false`) a ready payout account. */
export interface PayoutExpert {
  expert: TestExpert;
  signedIn: SignedIn;
  expertId: string;
  stripeAccountId: string;
}

export async function readyExpertWithMoney(name: string, priceCents = 100000, o: { onboard?: boolean } = {}): Promise<PayoutExpert> {
  const { expert } = await expertWithAvailableMoney(name, priceCents);
  const signedIn = await signInExpert(expert);
  if (o.onboard === false) return { expert, signedIn, expertId: expert.expertId, stripeAccountId: '' };
  const link = await connectOnboarding(signedIn.client);
  if (link.status !== 200) throw new Error(`connect_onboarding answered ${link.status}: ${JSON.stringify(link.body)}`);
  await completeHostedOnboarding(link.body.url);
  await webhooksIdle();
  const [account] = await eventually(
    () => payoutAccountsOf(signedIn.client),
    (rows) => rows[0]?.ready === true,
  );
  if (!account?.ready) throw new Error(`the payout account of ${name} is not ready: ${JSON.stringify(account)}`);
  return { expert, signedIn, expertId: expert.expertId, stripeAccountId: link.body.stripe_account_id };
}

/** The expert's wallet in ILS (my_wallet), as the wallet page shows it. */
export async function ilsWallet(client: SupabaseClient): Promise<{ available_cents: number; carry_cents: number; pending_cents: number }> {
  const { data, error } = await client.rpc('my_wallet');
  if (error) throw new Error(`my_wallet failed: ${error.message}`);
  const ils = (data as { currency: string; available_cents: number; carry_cents: number; pending_cents: number }[]).find((w) => w.currency === 'ILS');
  return { available_cents: ils?.available_cents ?? 0, carry_cents: ils?.carry_cents ?? 0, pending_cents: ils?.pending_cents ?? 0 };
}

/**
 * Another job for an expert who already has an account: a customer pays `priceCents` through
 * Checkout, the expert marks it done and the customer confirms. Its 7-day hold is not released.
 */
export async function confirmedJobFor(p: PayoutExpert, priceCents: number): Promise<void> {
  const owner = await signUpUser('payout-customer', `Customer of ${p.expert.name}`);
  const leadId = await postConsumerLead(owner, clientPii(), { title: `More garden for ${p.expert.name}`, budget_cents: priceCents });
  const payableId = await acceptProposal(owner, await submitProposal(p.signedIn, leadId, priceCents));
  const { checkout_url } = await startCheckout(owner, payableId);
  if ((await submitCheckout(checkout_url)).status !== 303) throw new Error('paying the checkout failed');
  const status = await eventually(
    async () => (await owner.client.from('payables').select('status').eq('id', payableId).single()).data?.status as string | undefined,
    (s) => s === 'paid',
  );
  if (status !== 'paid') throw new Error(`the payable is ${status} after paying, not paid`);
  await webhooksIdle();
  const done = await p.signedIn.client.rpc('mark_job_done', { lead_id: leadId });
  if (done.error) throw new Error(`mark_job_done failed: ${done.error.message}`);
  const confirmed = await owner.client.rpc('confirm_job_done', { lead_id: leadId });
  if (confirmed.error) throw new Error(`confirm_job_done failed: ${confirmed.error.message}`);
}

/**
 * The admin creates the batch for the first free period that ends after the money released by
 * expertWithAvailableMoney (the money clock moved there, then put back). With `releaseHoldsFirst`,
 * holds that have ended by then are released first, as pg_cron would between the period's end and
 * the admin's click: that money became available after the period. Returns the batch id and the
 * period's last day.
 */
export async function createBatch(admin: SignedIn, o: { releaseHoldsFirst?: boolean } = {}): Promise<{ batchId: string; periodEnd: string }> {
  const shift = await clockShift();
  try {
    const periodEnd = await moveClockPastFreePeriod(RELEASE_DAYS_LATER + 2);
    if (o.releaseHoldsFirst) await withOwner((client) => client.query('select private.release_holds()'));
    const { data, error } = await admin.client.rpc('create_payout_batch', { period_end: periodEnd });
    if (error) throw new Error(`create_payout_batch(${periodEnd}) failed: ${error.message}`);
    return { batchId: data as string, periodEnd };
  } finally {
    await restoreClockShift(shift);
  }
}

export interface PayoutRow {
  id: string;
  batch_id: string;
  expert_id: string;
  currency: string;
  amount_cents: number;
  available_cents: number;
  carry_netted_cents: number;
  status: string;
  transfer_id: string | null;
  reversed_cents: number;
  failure_reason: string | null;
}

export async function payoutsOfBatch(client: SupabaseClient, batchId: string): Promise<PayoutRow[]> {
  const { data, error } = await client.from('payouts').select('*').eq('batch_id', batchId).order('created_at').order('id');
  if (error) throw new Error(`reading payouts failed: ${error.message}`);
  return data as PayoutRow[];
}

/** The one payout of `expertId` in the batch, as that client sees it. */
export async function payoutOf(client: SupabaseClient, batchId: string, expertId: string): Promise<PayoutRow> {
  const rows = (await payoutsOfBatch(client, batchId)).filter((p) => p.expert_id === expertId);
  if (rows.length !== 1) throw new Error(`expected one payout of ${expertId} in ${batchId}, got ${rows.length}`);
  return rows[0]!;
}

export interface RunReply {
  payouts?: { payout_id: string; outcome: 'sent' | 'refused' | 'retry_later' }[];
  remaining?: number;
  error?: string;
}

/** One call of the payouts function: an admin runs a chunk of a batch, or the secret key sweeps (`{}`). */
export const runPayouts = (client: SupabaseClient, body: { batch_id?: string; max?: number } = {}) =>
  invokeFunction<RunReply>(client, 'payouts', body);

/** The admin's screen: calls again while `remaining` > 0; returns every call's answer. */
export async function runBatchToEnd(client: SupabaseClient, batchId: string, max: number, maxCalls = 50): Promise<FunctionReply<RunReply>[]> {
  const replies: FunctionReply<RunReply>[] = [];
  for (let i = 0; i < maxCalls; i++) {
    const reply = await runPayouts(client, { batch_id: batchId, max });
    replies.push(reply);
    if (reply.status !== 200 || reply.body.remaining === 0) return replies;
  }
  throw new Error(`the batch still had payouts to run after ${maxCalls} calls: ${JSON.stringify(replies.at(-1))}`);
}

/** Every outcome the function reported for one payout over several calls, in order. */
export const outcomesFor = (replies: FunctionReply<RunReply>[], payoutId: string) =>
  replies
    .flatMap((r) => r.body.payouts ?? [])
    .filter((p) => p.payout_id === payoutId)
    .map((p) => p.outcome);

/** Stripe's transfers for a payout (transfer_group = the payout's id). */
export async function transfersOf(payoutId: string): Promise<Stripe.Transfer[]> {
  return (await stripeSdk().transfers.list({ transfer_group: payoutId, limit: 100 })).data;
}

/** The bank payouts on the expert's Stripe account made for our payout (metadata.payout_id). */
export async function bankPayoutsOf(stripeAccountId: string, payoutId: string): Promise<Stripe.Payout[]> {
  const found: Stripe.Payout[] = [];
  for await (const p of stripeSdk().payouts.list({ limit: 100 }, { stripeAccount: stripeAccountId })) {
    if (p.metadata?.payout_id === payoutId) found.push(p);
  }
  return found;
}

/** What the expert's Stripe account received and paid out (ILS): transfers in, payouts out, what is left. */
export async function connectedBalance(stripeAccountId: string): Promise<{ received: number; paidOut: number; available: number }> {
  const stripe = stripeSdk();
  let received = 0;
  let paidOut = 0;
  for await (const bt of stripe.balanceTransactions.list({ limit: 100 }, { stripeAccount: stripeAccountId })) {
    if (bt.currency !== 'ils') continue;
    if (bt.type === 'payment' || bt.type === 'payment_refund') received += bt.amount;
    if (bt.type === 'payout' || bt.type === 'payout_failure') paidOut -= bt.amount;
  }
  const balance = await stripe.balance.retrieve({}, { stripeAccount: stripeAccountId });
  const available = balance.available.find((b) => b.currency === 'ils')?.amount ?? 0;
  return { received, paidOut, available };
}

/**
 * The expert's ledger accounts (ILS) as liabilities read: available and in flight are what the
 * platform owes them (credits positive); carry is what they owe (debits positive).
 */
export function expertLedger(expertId: string): Promise<{ available: number; inFlight: number; carry: number }> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ purpose: string; cents: string }>(
      `select a.purpose::text as purpose, coalesce(sum(e.amount_cents), 0)::text as cents
         from private.ledger_accounts a left join private.ledger_entries e on e.account_id = a.id
        where a.expert_id = $1 and a.currency = 'ILS'
        group by 1`,
      [expertId],
    );
    const of = (purpose: string) => Number(rows.find((r) => r.purpose === purpose)?.cents ?? 0);
    // 0 - x, not -x: a JavaScript -0 is not toEqual 0.
    return { available: 0 - of('expert_available'), inFlight: 0 - of('expert_payout_in_flight'), carry: of('expert_carry') };
  });
}

/** The ledger transactions a payout moved: kind → count, by their idempotency keys (each says which payout). */
export function payoutLedgerKinds(payoutId: string): Promise<Record<string, number>> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ kind: string; n: string }>(
      `select kind, count(*)::text as n from private.ledger_transactions
        where idempotency_key in ('transfer:' || $1, 'payout_failed:' || $1) or idempotency_key like 'payout_reversed:' || $1 || ':%'
        group by 1`,
      [payoutId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  });
}

/** Every ledger transaction balances (debits = credits per currency). */
export function unbalancedTransactions(): Promise<number> {
  return withOwner(
    async (client) =>
      (
        await client.query<{ n: string }>(
          `select count(*)::text as n from (select e.transaction_id from private.ledger_entries e
             group by e.transaction_id, e.currency having sum(e.amount_cents) <> 0) x`,
        )
      ).rows[0]!.n,
  ).then(Number);
}

/** The platform's Stripe balance must cover `cents` in ILS for the transfers (a top-up, as the README suggests). */
export async function fundPlatform(cents: number): Promise<void> {
  const stripe = stripeSdk();
  const balance = await stripe.balance.retrieve();
  const ils = balance.available.find((b) => b.currency === 'ils')?.amount ?? 0;
  if (ils < cents) await stripe.topups.create({ amount: cents - ils, currency: 'ils', description: 'payout tests' });
}

/** The payouts of a batch, polled until `check` holds (webhooks are asynchronous). */
export async function settledPayouts(client: SupabaseClient, batchId: string, check: (rows: PayoutRow[]) => boolean): Promise<PayoutRow[]> {
  await webhooksIdle();
  return eventually(() => payoutsOfBatch(client, batchId), check);
}
