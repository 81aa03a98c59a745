// The shapes the payout screens read, from the `payout_accounts`, `payouts` and `payout_batches`
// views (RLS: an expert their own account and payouts, admins everything; batches admins only). The
// views type their enum-like columns as text, so the values the database allows are listed here and
// anything else is shown as the database names it.
import type { Json, Tables } from '../database.types.ts';

export type PayoutAccount = Tables<'payout_accounts'>;
export type Payout = Tables<'payouts'>;
export type PayoutBatch = Tables<'payout_batches'>;

/**
 * pending: in a batch, not sent yet; transferred: in the expert's Stripe account, on its way to their
 * bank; paid: the bank has it; payout_failed: the bank refused it (it waits in the Stripe balance);
 * failed: Stripe refused the transfer (the money is available again); reversed: the transfer was taken back.
 */
export const PAYOUT_STATUSES = ['pending', 'transferred', 'paid', 'payout_failed', 'failed', 'reversed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** Still moving: the screens re-read while any payout is in one of these. */
export function isPayoutInFlight(payout: Pick<Payout, 'status'>): boolean {
  return payout.status === 'pending' || payout.status === 'transferred';
}

/** A batch's `totals` ({"ILS": 90000, …}) as currency → minor units, sorted by currency; anything malformed is left out. */
export function batchTotals(totals: Json | null): [currency: string, cents: number][] {
  if (typeof totals !== 'object' || totals === null || Array.isArray(totals)) return [];
  return Object.entries(totals)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isSafeInteger(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b));
}

/** admin_ledger_movements' limit on one export's period. */
export const LEDGER_EXPORT_MAX_DAYS = 400;
