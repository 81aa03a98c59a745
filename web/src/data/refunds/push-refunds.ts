// After cancel_lead (on a paid job), resolve_dispute or refund_payable, the refund is booked but
// not yet sent: the `refunds` edge function sends the job's pending refunds to Stripe, as the
// caller (the database checks they are a party to the job or an admin). A failed push is not the
// decision failing: the refund stays pending, the scheduled sweep sends it within a minute, and the
// refunds list shows where it stands. So this never throws; it says whether everything was sent.
import { z } from 'zod';
import { supabase } from '../../lib/supabase.ts';

const answer = z.object({
  refunds: z.array(z.object({ refund_id: z.string(), outcome: z.enum(['submitted', 'refused', 'retry_later']) })),
});

export type PushOutcome = 'sent' | 'later';

export async function pushRefunds(payableId: string): Promise<PushOutcome> {
  try {
    const { data, error } = await supabase.functions.invoke('refunds', { body: { payable_id: payableId } });
    if (error) return 'later';
    const parsed = answer.safeParse(data);
    if (!parsed.success) return 'later';
    return parsed.data.refunds.every((refund) => refund.outcome === 'submitted') ? 'sent' : 'later';
  } catch {
    return 'later';
  }
}
