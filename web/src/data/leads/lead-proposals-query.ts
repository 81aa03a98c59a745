// Proposals on a lead with each proposer's public profile. The owner sees all of them; an expert
// reads only their own (myProposalsQueryOptions), filtered explicitly since admins see every row.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { PROPOSAL_WITH_EXPERT, type Proposal, type ProposalWithExpert } from './lead-types.ts';

export const leadProposalsQueryKey = (leadId: string) => ['leads', 'detail', leadId, 'proposals'] as const;

export function leadProposalsQueryOptions(leadId: string) {
  return queryOptions({
    queryKey: leadProposalsQueryKey(leadId),
    queryFn: async (): Promise<ProposalWithExpert[]> => {
      const { data, error } = await supabase
        .from('proposals')
        .select(PROPOSAL_WITH_EXPERT)
        .eq('lead_id', leadId)
        .order('created_at', { ascending: true })
        .order('id');
      if (error) throw error;
      return data;
    },
  });
}

export const myProposalsQueryKey = (leadId: string, expertId: string) => ['leads', 'detail', leadId, 'my-proposals', expertId] as const;

/** The expert's proposals on the lead, newest first: at most one is live, older ones were withdrawn or declined. */
export function myProposalsQueryOptions(leadId: string, expertId: string) {
  return queryOptions({
    queryKey: myProposalsQueryKey(leadId, expertId),
    queryFn: async (): Promise<Proposal[]> => {
      const { data, error } = await supabase
        .from('proposals')
        .select('*')
        .eq('lead_id', leadId)
        .eq('expert_id', expertId)
        .order('created_at', { ascending: false })
        .order('id', { ascending: false });
      if (error) throw error;
      return data;
    },
  });
}
