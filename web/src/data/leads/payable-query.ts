// What is owed for the lead's accepted proposal, with the split it was priced with. Visible to the
// lead's owner, the payer and the performer (and admins); there is at most one per lead.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Payable } from './lead-types.ts';

export const payableQueryKey = (leadId: string) => ['leads', 'detail', leadId, 'payable'] as const;

export function payableQueryOptions(leadId: string) {
  return queryOptions({
    queryKey: payableQueryKey(leadId),
    queryFn: async (): Promise<Payable | null> => {
      const { data, error } = await supabase.from('payables').select('*').eq('lead_id', leadId).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
