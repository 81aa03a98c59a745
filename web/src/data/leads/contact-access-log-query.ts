// Who saw the lead's contact details, which fields and when, newest first: the owner's view of
// contact_access_logs (admins also get the account, IP and user agent; this screen does not ask).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { AccessLogEntry } from './lead-types.ts';

export const contactAccessLogQueryKey = (leadId: string) => ['leads', 'detail', leadId, 'access-log'] as const;

export function contactAccessLogQueryOptions(leadId: string) {
  return queryOptions({
    queryKey: contactAccessLogQueryKey(leadId),
    queryFn: async (): Promise<AccessLogEntry[]> => {
      const { data, error } = await supabase
        .from('contact_access_logs')
        .select('id, revealer_role, revealer_expert_id, fields, created_at, expert:experts(id, display_name)')
        .eq('lead_id', leadId)
        .order('id', { ascending: false });
      if (error) throw error;
      return data;
    },
  });
}
