// The signed-in expert's referrals: invitations they received and ones they sent, newest first.
// RLS shows an expert both kinds (and admins everything), so each list filters on the expert id.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { REFERRAL_WITH_PARTIES, type Referral } from './referral-types.ts';

export interface MyReferrals {
  received: Referral[];
  sent: Referral[];
}

export const myReferralsQueryKey = (expertId: string) => ['referrals', 'mine', expertId] as const;

export function myReferralsQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: myReferralsQueryKey(expertId),
    queryFn: async (): Promise<MyReferrals> => {
      const list = (column: 'to_expert_id' | 'from_expert_id') =>
        supabase
          .from('referrals')
          .select(REFERRAL_WITH_PARTIES)
          .eq(column, expertId)
          .order('created_at', { ascending: false })
          .order('id', { ascending: false });
      const [received, sent] = await Promise.all([list('to_expert_id'), list('from_expert_id')]);
      if (received.error) throw received.error;
      if (sent.error) throw sent.error;
      return { received: received.data, sent: sent.data };
    },
  });
}
