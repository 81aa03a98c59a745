// The client's contact details through reveal_lead_contact: the only way to them, for the owner,
// the winning expert (while their grant lasts) or an admin. Every call is logged, so it is a
// mutation run on an explicit click, never a query that could refetch on its own; supabase-js
// sends rpc() as POST, which the function requires. The answer lives in component state only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { contactAccessLogQueryKey } from './contact-access-log-query.ts';
import type { LeadContact } from './lead-types.ts';

export function useRevealContactMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'reveal', leadId],
    mutationFn: async (): Promise<LeadContact> => {
      const { data, error } = await supabase.rpc('reveal_lead_contact', { lead_id: leadId }).single();
      if (error) throw error;
      return data;
    },
    // The reveal wrote a log row: the owner's log shows it at once.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactAccessLogQueryKey(leadId) }),
    // Keep the contact details out of the mutation cache once the component is gone.
    gcTime: 0,
  });
}
