// Every ledger entry of a period for accounting (admin_ledger_movements: admins only, at most 400
// days, the export recorded in the audit log once). The period is whole UTC days: from the start of
// `fromDay` to the end of `toDay`. The function answers 1,000 entries at a time after a cursor (the
// last entry id read), so pages never overlap or skip.
import { supabase } from '../../lib/supabase.ts';
import type { Database } from '../database.types.ts';

export type LedgerMovement = Database['public']['Functions']['admin_ledger_movements']['Returns'][number];

/** YYYY-MM-DD (a UTC day) → the instant it starts, as the RPC takes it. */
export const startOfUtcDay = (day: string): string => `${day}T00:00:00Z`;

/** YYYY-MM-DD → the instant the next UTC day starts: the end of `day`, exclusive. */
export function endOfUtcDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace('.000Z', 'Z');
}

/** What the function answers at most per call. */
export const LEDGER_PAGE_SIZE = 1000;

export async function fetchLedgerMovements(fromDay: string, toDay: string): Promise<LedgerMovement[]> {
  const from_at = startOfUtcDay(fromDay);
  const to_at = endOfUtcDay(toDay);
  const rows: LedgerMovement[] = [];
  for (;;) {
    const after = rows.at(-1)?.entry_id;
    const { data, error } = await supabase.rpc('admin_ledger_movements', { from_at, to_at, ...(after ? { after_entry_id: after } : {}) });
    if (error) throw error;
    rows.push(...data);
    if (data.length < LEDGER_PAGE_SIZE) return rows;
  }
}
