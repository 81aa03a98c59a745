// The admins' payout forms: the day a payout period ends (a batch for it), and the days an
// accounting export covers. Days are UTC calendar days, typed or picked as YYYY-MM-DD. Whether a
// period has ended is the database's call (it goes by its money clock, which tests move), so the
// form only checks that a day is a day; an export's period must run forwards and span at most 400
// days, as admin_ledger_movements requires.
import { z } from 'zod';
import { LEDGER_EXPORT_MAX_DAYS } from '../data/payouts/payout-types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { isUtcDay, previousUtcMonth, utcDaysInclusive, yesterdayUtc } from '../lib/utc-day.ts';

const key = (error: MessageKey) => ({ error });

const day = (required: MessageKey) => z.string().trim().min(1, key(required)).refine(isUtcDay, key('validation.dayInvalid'));

export const payoutBatchSchema = z.object({ periodEnd: day('validation.periodEndRequired') });

export type PayoutBatchValues = z.input<typeof payoutBatchSchema>;

export function payoutBatchFormValues(now?: Date): PayoutBatchValues {
  return { periodEnd: yesterdayUtc(now) };
}

export const ledgerExportSchema = z
  .object({ from: day('validation.fromDayRequired'), to: day('validation.toDayRequired') })
  .superRefine(({ from, to }, ctx) => {
    if (!isUtcDay(from) || !isUtcDay(to)) return;
    const days = utcDaysInclusive(from, to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodBackwards' });
    else if (days > LEDGER_EXPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodTooLong' });
  });

export type LedgerExportValues = z.input<typeof ledgerExportSchema>;

/** Last month, the usual accounting period. */
export function ledgerExportFormValues(now?: Date): LedgerExportValues {
  return previousUtcMonth(now);
}
