// The accounting exports' columns, pure: a batch's payouts and a period's ledger movements as CSV
// text (see lib/csv.ts). Column names are stable English identifiers whatever the screen's language,
// so spreadsheets and scripts built on them keep working; names and ids are written as they are
// stored, dates as the database's ISO 8601 timestamps (UTC offset included), amounts as exact decimal
// text in major units ("900.00"), signed where the ledger's amounts are.
import { buildCsv, minorUnitsToDecimal } from '../../lib/csv.ts';
import type { BatchPayout } from './batch-payouts-query.ts';
import type { LedgerMovement } from './ledger-movements.ts';

export const BATCH_CSV_HEADER = [
  'payout_id',
  'period_end',
  'expert_id',
  'expert_name',
  'currency',
  'amount',
  'available',
  'carry_netted',
  'reversed',
  'status',
  'transfer_id',
  'created_at',
  'transferred_at',
  'paid_at',
  'failed_at',
  'failure_reason',
] as const;

export function batchPayoutsCsv(periodEnd: string, payouts: readonly BatchPayout[]): string {
  return buildCsv(
    BATCH_CSV_HEADER,
    payouts.map((p) => [
      p.id,
      periodEnd,
      p.expert_id,
      p.expert?.display_name ?? null,
      p.currency,
      minorUnitsToDecimal(p.amount_cents),
      minorUnitsToDecimal(p.available_cents),
      minorUnitsToDecimal(p.carry_netted_cents),
      minorUnitsToDecimal(p.reversed_cents),
      p.status,
      p.transfer_id,
      p.created_at,
      p.transferred_at,
      p.paid_at,
      p.failed_at,
      p.failure_reason,
    ]),
  );
}

/** Debits are positive and credits negative, as in the ledger: each transaction's amounts sum to zero per currency. */
export const LEDGER_CSV_HEADER = ['transaction_id', 'kind', 'effective_at', 'account', 'expert_id', 'currency', 'amount', 'payable_id'] as const;

export function ledgerMovementsCsv(movements: readonly LedgerMovement[]): string {
  return buildCsv(
    LEDGER_CSV_HEADER,
    movements.map((m) => [
      String(m.transaction_id),
      m.kind,
      m.effective_at,
      m.account,
      m.expert_id,
      m.currency,
      minorUnitsToDecimal(m.amount_cents),
      m.payable_id,
    ]),
  );
}

export const batchCsvFileName = (periodEnd: string) => `guildhall-payouts-${periodEnd}.csv`;
export const ledgerCsvFileName = (fromDay: string, toDay: string) => `guildhall-ledger-${fromDay}-to-${toDay}.csv`;
