import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv } from '../../lib/csv.ts';
import type { BatchPayout } from './batch-payouts-query.ts';
import type { LedgerMovement } from './ledger-movements.ts';
import { BATCH_CSV_HEADER, batchCsvFileName, batchPayoutsCsv, LEDGER_CSV_HEADER, ledgerCsvFileName, ledgerMovementsCsv } from './payout-csv.ts';

const payout = (overrides: Partial<BatchPayout> = {}): BatchPayout => ({
  id: '0328a9f6-d2b0-4df3-b9f5-09a7cb5b6004',
  batch_id: '18809b08-bd6d-467c-9381-2058751cfd51',
  expert_id: '454820dd-e839-4478-acec-639e83a859a7',
  currency: 'ILS',
  amount_cents: 90000,
  available_cents: 90000,
  carry_netted_cents: 0,
  status: 'paid',
  transfer_id: 'tr_oOqrxbk9ZUPnaLr19R8SC1I0',
  reversed_cents: 0,
  failure_reason: null,
  created_at: '2026-11-25T20:23:04.178711+00:00',
  transferred_at: '2026-11-25T20:23:04.338371+00:00',
  paid_at: '2026-11-25T20:23:04.381239+00:00',
  failed_at: null,
  expert: { id: '454820dd-e839-4478-acec-639e83a859a7', display_name: 'דנה לוי, אינסטלציה' },
  ...overrides,
});

describe('batchPayoutsCsv', () => {
  it('writes one line per payout under the header, amounts in major units', () => {
    const text = batchPayoutsCsv('2026-12-03', [
      payout(),
      payout({
        id: 'b',
        expert_id: 'e2',
        expert: { id: 'e2', display_name: '=cmd' },
        amount_cents: 4005,
        available_cents: 10005,
        carry_netted_cents: 6000,
        status: 'pending',
        transfer_id: null,
        transferred_at: null,
        paid_at: null,
      }),
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const [header, first, second] = parseCsv(text);
    expect(header).toEqual([...BATCH_CSV_HEADER]);
    const row = (cells: string[] | undefined) => Object.fromEntries(BATCH_CSV_HEADER.map((name, i) => [name, cells?.[i]]));
    expect(row(first)).toMatchObject({
      payout_id: '0328a9f6-d2b0-4df3-b9f5-09a7cb5b6004',
      period_end: '2026-12-03',
      expert_name: 'דנה לוי, אינסטלציה',
      currency: 'ILS',
      amount: '900.00',
      available: '900.00',
      carry_netted: '0.00',
      reversed: '0.00',
      status: 'paid',
      transfer_id: 'tr_oOqrxbk9ZUPnaLr19R8SC1I0',
      paid_at: '2026-11-25T20:23:04.381239+00:00',
      failed_at: '',
      failure_reason: '',
    });
    expect(row(second)).toMatchObject({ expert_name: "'=cmd", amount: '40.05', available: '100.05', carry_netted: '60.00', transfer_id: '' });
  });

  it('names the expert by id when their name cannot be read', () => {
    const [, cells] = parseCsv(batchPayoutsCsv('2026-12-03', [payout({ expert: null })]));
    expect(cells?.[2]).toBe('454820dd-e839-4478-acec-639e83a859a7');
    expect(cells?.[3]).toBe('');
  });
});

describe('ledgerMovementsCsv', () => {
  it('keeps the ledger’s signs, so each transaction sums to zero', () => {
    const movement = (overrides: Partial<LedgerMovement>): LedgerMovement => ({
      entry_id: 70,
      transaction_id: 7,
      kind: 'payout',
      effective_at: '2026-12-04T00:00:00+00:00',
      account: 'expert_available',
      expert_id: 'e1',
      currency: 'ILS',
      amount_cents: 90000,
      payable_id: null as unknown as string,
      ...overrides,
    });
    const rows = parseCsv(ledgerMovementsCsv([movement({}), movement({ account: 'expert_payout_in_flight', amount_cents: -90000 })]));
    expect(rows[0]).toEqual([...LEDGER_CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['7', 'payout', '2026-12-04T00:00:00+00:00', 'expert_available', 'e1', 'ILS', '900.00', ''],
      ['7', 'payout', '2026-12-04T00:00:00+00:00', 'expert_payout_in_flight', 'e1', 'ILS', '-900.00', ''],
    ]);
  });
});

describe('file names', () => {
  it('say what the file holds', () => {
    expect(batchCsvFileName('2026-12-03')).toBe('guildhall-payouts-2026-12-03.csv');
    expect(ledgerCsvFileName('2026-10-01', '2026-10-31')).toBe('guildhall-ledger-2026-10-01-to-2026-10-31.csv');
  });
});
