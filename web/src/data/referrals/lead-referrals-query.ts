// The invitations made for one referral lead, for its owner's lead page.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { REFERRAL_WITH_PARTIES, type Referral } from './referral-types.ts';

export const leadReferralsQueryKey = (leadId: string) => ['leads', 'detail', leadId, 'referrals'] as const;

export function leadReferralsQueryOptions(leadId: string) {
  return queryOptions({
    queryKey: leadReferralsQueryKey(leadId),
    queryFn: async (): Promise<Referral[]> => {
      const { data, error } = await supabase.from('referrals').select(REFERRAL_WITH_PARTIES).eq('lead_id', leadId).order('created_at').order('id');
      if (error) throw error;
      return data;
    },
  });
}

export const myLeadReferralQueryKey = (leadId: string, expertId: string) => ['referrals', 'for-lead', leadId, expertId] as const;

/** The invitation the expert received for this lead, if any: a private lead takes proposals only once it is accepted. */
export function myLeadReferralQueryOptions(leadId: string, expertId: string) {
  return queryOptions({
    queryKey: myLeadReferralQueryKey(leadId, expertId),
    queryFn: async (): Promise<Referral | null> => {
      const { data, error } = await supabase
        .from('referrals')
        .select(REFERRAL_WITH_PARTIES)
        .eq('lead_id', leadId)
        .eq('to_expert_id', expertId)
        .maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
