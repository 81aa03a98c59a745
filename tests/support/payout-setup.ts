// Fixtures for payout tests: an approved expert with money available to pay out (a customer's job
// paid through the local Stripe's Checkout, marked done, confirmed, and its 7-day hold released on
// the money clock, all through the API), and the money clock moved past the end of a payout period
// that has no batch yet.
//
// Why the clock: a batch for the period ending on day D takes what was available before D+1 00:00
// UTC (build_payout_batch), and only a period that has ended may be batched. The hold release is
// stamped 8 days ahead on the clock (releaseHoldsDaysLater), so the period must end after that, and
// the clock must be past the period's end when the admin creates the batch. Batches are unique per
// period, so each run takes the first period from there on that has none (demo data and earlier runs
// may have some).
import { createApprovedExpert, type TestExpert } from './experts.ts';
import { withOwner } from './ledger.ts';
import { clientPii, postConsumerLead, submitProposal, acceptProposal } from './leads.ts';
import { releaseHoldsDaysLater } from './money-clock.ts';
import { eventually, startCheckout, submitCheckout } from './payments.ts';
import { signUpUser } from './accounts.ts';
import { signInExpert } from './signed-in-expert.ts';
import { webhooksIdle } from './stripe-fake.ts';

export interface ExpertWithMoney {
  expert: TestExpert;
  payableId: string;
  leadId: string;
}

/** Days the hold release is stamped ahead of now on the money clock (the hold is 7 days). */
export const RELEASE_DAYS_LATER = 8;

/**
 * A new approved expert whose `priceCents` job (ILS) is paid, confirmed and released: their share is
 * available, stamped RELEASE_DAYS_LATER days ahead on the money clock.
 */
export async function expertWithAvailableMoney(name: string, priceCents = 100000): Promise<ExpertWithMoney> {
  const [owner, expert] = await Promise.all([
    signUpUser('payout-customer', `Customer of ${name}`),
    // Gardening in Eilat, like the other fixtures: no demo expert has the lead on their board.
    createApprovedExpert({ name, categories: ['gardening'], city: 'eilat' }),
  ]);
  const performer = await signInExpert(expert);
  const leadId = await postConsumerLead(owner, clientPii(), { title: `Garden for ${name}`, budget_cents: priceCents });
  const payableId = await acceptProposal(owner, await submitProposal(performer, leadId, priceCents));

  const { checkout_url } = await startCheckout(owner, payableId);
  const paid = await submitCheckout(checkout_url);
  if (paid.status !== 303) throw new Error(`paying the checkout answered ${paid.status}`);
  const status = await eventually(
    async () => (await owner.client.from('payables').select('status').eq('id', payableId).single()).data?.status as string | undefined,
    (s) => s === 'paid',
  );
  if (status !== 'paid') throw new Error(`the payable is ${status} after paying, not paid`);
  await webhooksIdle();

  const done = await performer.client.rpc('mark_job_done', { lead_id: leadId });
  if (done.error) throw new Error(`mark_job_done failed: ${done.error.message}`);
  const confirmed = await owner.client.rpc('confirm_job_done', { lead_id: leadId });
  if (confirmed.error) throw new Error(`confirm_job_done failed: ${confirmed.error.message}`);
  if ((await releaseHoldsDaysLater(RELEASE_DAYS_LATER)) < 1) throw new Error('no hold was released');
  await Promise.all([owner.client.auth.signOut({ scope: 'local' }), performer.client.auth.signOut({ scope: 'local' })]);
  return { expert, payableId, leadId };
}

/**
 * Moves the money clock ahead (at least `minDays` days from its current reading) to the first day
 * whose previous day (UTC) has no payout batch, and returns that previous day (YYYY-MM-DD): the
 * period an admin can batch now. The caller puts the clock back (restoreClockShift).
 */
export async function moveClockPastFreePeriod(minDays: number): Promise<string> {
  return (await moveClockToFreePeriod(minDays)).periodEnd;
}

/**
 * As moveClockPastFreePeriod, and also says how many days the clock moved, so the caller can move it
 * back by as much (moveClockBack): that leaves in place any move another test on a shared stack made
 * meanwhile, which restoring a saved offset would undo.
 */
export function moveClockToFreePeriod(minDays: number): Promise<{ periodEnd: string; days: number }> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ days: number; period_end: string }>(
      `select k as days, to_char(((private.clock() + make_interval(days => k)) at time zone 'UTC')::date - 1, 'YYYY-MM-DD') as period_end
         from generate_series($1::integer, $1::integer + 3650) k
        where not exists (select 1 from private.payout_batches b
                           where b.period_end = ((private.clock() + make_interval(days => k)) at time zone 'UTC')::date - 1)
        order by k
        limit 1`,
      [minDays],
    );
    const free = rows[0];
    if (!free) throw new Error('no free payout period in ten years');
    await client.query('update private.clock_offset set shift = shift + make_interval(days => $1)', [free.days]);
    return { periodEnd: free.period_end, days: free.days };
  });
}

/** Moves the money clock back by `days` days (what moveClockPastFreePeriod moved it). */
export function moveClockBack(days: number): Promise<void> {
  return withOwner(async (client) => {
    await client.query('update private.clock_offset set shift = shift - make_interval(days => $1)', [days]);
  });
}

/** Which batch (period end) holds the expert's payout, if any: to explain a payout found elsewhere. */
export function batchOfExpertPayout(expertId: string): Promise<string[]> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ period_end: string; created_by: string | null }>(
      `select to_char(b.period_end, 'YYYY-MM-DD') as period_end, b.created_by::text as created_by
         from private.payouts p join private.payout_batches b on b.id = p.batch_id where p.expert_id = $1`,
      [expertId],
    );
    return rows.map((r) => `${r.period_end} (created by ${r.created_by ?? 'the scheduler'})`);
  });
}
