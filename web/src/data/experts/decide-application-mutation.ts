// An admin approves or rejects a pending application, with an optional note for the applicant.
// Afterwards the queue, the directory and any cached profile are re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Enums } from '../database.types.ts';

export interface DecideApplicationInput {
  expertId: string;
  approve: boolean;
  note: string;
}

export function useDecideApplicationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['experts', 'decide'],
    mutationFn: async ({ expertId, approve, note }: DecideApplicationInput): Promise<Enums<'expert_status'>> => {
      const trimmed = note.trim();
      const { data, error } = await supabase.rpc('decide_expert_application', {
        expert_id: expertId,
        approve,
        ...(trimmed ? { note: trimmed } : {}),
      });
      if (error) throw error;
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['experts'] }),
  });
}
