// The owner of a referral lead gets a one-time pay link for the client (create_pay_link). Only a
// hash of the token is stored, so the token is shown once: it lives in this mutation's result, never
// in the query cache, and is gone when the page is left (a new one replaces it while unclaimed).
import { useMutation } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export function useCreatePayLinkMutation(payableId: string) {
  return useMutation({
    mutationKey: ['pay-links', 'create', payableId],
    mutationFn: async (): Promise<string> => {
      const { data, error } = await supabase.rpc('create_pay_link', { payable_id: payableId });
      if (error) throw error;
      return data;
    },
    gcTime: 0,
  });
}

/** The address the client opens: this site's /pay/<token>. */
export function payLinkUrl(origin: string, token: string): string {
  return `${origin}/pay/${encodeURIComponent(token)}`;
}
