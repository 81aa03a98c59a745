// Opening a pay link: claim_pay_link makes the signed-in session (a guest's is enough) the payable's
// payer and returns the payable's id. It is read as a query although it writes on the first call:
// for the session that claimed it, every later call changes nothing and answers the same id, so the
// page can ask again on each visit (after Checkout, or days later to confirm the work). A link that
// is unknown, replaced, or claimed by another session is refused with 42501: that is "not valid"
// (null), not an error to retry.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export const claimPayLinkQueryKey = (token: string, userId: string) => ['pay-links', 'claim', token, userId] as const;

export function claimPayLinkQueryOptions(token: string, userId: string) {
  return queryOptions({
    queryKey: claimPayLinkQueryKey(token, userId),
    queryFn: async (): Promise<string | null> => {
      const { data, error } = await supabase.rpc('claim_pay_link', { token });
      if (error?.code === '42501') return null;
      if (error) throw error;
      return data;
    },
    staleTime: Infinity,
    retry: false,
  });
}
