// The signed-in user's own expert application, if any: the public profile with its categories,
// and from expert_private the admin's decision note. Admins can read every expert_private row,
// so the user id filter is what makes this "mine".
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { EXPERT_WITH_CATEGORIES, type ExpertWithCategories } from './expert-types.ts';

export interface MyApplication {
  expert: ExpertWithCategories;
  decisionNote: string | null;
  decidedAt: string | null;
}

export const myApplicationQueryKey = (userId: string) => ['experts', 'mine', userId] as const;

export function myApplicationQueryOptions(userId: string) {
  return queryOptions({
    queryKey: myApplicationQueryKey(userId),
    queryFn: async (): Promise<MyApplication | null> => {
      const { data, error } = await supabase
        .from('expert_private')
        .select(`decision_note, decided_at, experts(${EXPERT_WITH_CATEGORIES})`)
        .eq('user_id', userId)
        .maybeSingle();
      if (error) throw error;
      if (!data?.experts) return null;
      return { expert: data.experts, decisionNote: data.decision_note, decidedAt: data.decided_at };
    },
  });
}

/** The caller's expert profile if it is approved: what the lead board, proposals and referrals need. */
export function approvedExpertOf(application: MyApplication | null): ExpertWithCategories | null {
  return application?.expert.status === 'approved' ? application.expert : null;
}
