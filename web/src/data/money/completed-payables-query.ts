// Completed jobs for the admins' "release the hold early" list, newest first, with the job's title
// and the performer's name. The payables view says `completed` both while the hold runs and after
// it ended (it shows neither hold_until nor released_at), so this list cannot leave released ones
// out: release_hold_early refuses those, and the page says so.
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
        .order('created_at', { ascending: false })
        .order('id')
        .limit(COMPLETED_PAYABLES_SHOWN);
      if (error) throw error;
      return data;
    },
  });
}
