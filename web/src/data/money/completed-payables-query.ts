// Completed jobs still on hold, for the admins' "release the hold early" list, newest first, with
// the job's title and the performer's name. A job whose hold ended, or that an admin's dispute
// resolution released at once, has `released_at` and is left out; one frozen by an open dispute or
// chargeback is listed, and release_hold_early refuses it with a message.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ExpertName, Payable } from '../leads/lead-types.ts';

export type CompletedPayable = Pick<Payable, 'id' | 'lead_id' | 'amount_cents' | 'currency' | 'created_at'> & {
  lead: { id: string; title: string } | null;
  performer: ExpertName | null;
};

export const COMPLETED_PAYABLES_SHOWN = 20;

export function completedPayablesQueryOptions() {
  return queryOptions({
    queryKey: ['money', 'completed-payables'],
    queryFn: async (): Promise<CompletedPayable[]> => {
      const { data, error } = await supabase
        .from('payables')
        .select(
          'id, lead_id, amount_cents, currency, created_at, lead:leads(id, title), performer:experts!payables_performer_expert_id_fkey(id, display_name)',
        )
        .eq('status', 'completed')
        .is('released_at', null)
        .order('created_at', { ascending: false })
        .order('id')
        .limit(COMPLETED_PAYABLES_SHOWN);
      if (error) throw error;
      return data;
    },
  });
}
