// An admin runs a batch they reviewed: the `payouts` function sends the next payouts (at most 20 a
// call: a transfer to each expert's Stripe account, then a payout to their bank) and answers how
// many are left. The screen calls again while some are left and the last call got somewhere; a
// payout Stripe could not take right now ("retry later") stays for the next run. Each payout's last
// outcome is counted once, however many calls it took. Afterwards the batch, its payouts, wallets
// and positions are re-read; Stripe's webhooks then move each payout to paid.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { supabase } from '../../lib/supabase.ts';
import { readCheckoutFailure } from '../payments/checkout-error.ts';
import { PayoutFunctionError, runErrorMessage } from './payout-function-error.ts';
import { runAnswer, runUntilDone, type RunProgress } from './payout-run.ts';

export type { RunProgress } from './payout-run.ts';

export const PAYOUTS_PER_CALL = 20;

export function useRunPayoutBatchMutation() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const mutation = useMutation({
    mutationKey: ['payouts', 'run-batch'],
    mutationFn: (batchId: string): Promise<RunProgress> => {
      setProgress(null);
      return runUntilDone(async () => {
        const { data, error } = await supabase.functions.invoke('payouts', { body: { batch_id: batchId, max: PAYOUTS_PER_CALL } });
        if (error) throw new PayoutFunctionError(runErrorMessage(await readCheckoutFailure(error)));
        const parsed = runAnswer.safeParse(data);
        if (!parsed.success) throw new PayoutFunctionError({ key: 'dbError.unknown' });
        return parsed.data;
      }, setProgress);
    },
    onSettled: () => Promise.all([['payouts'], ['money'], ['wallet']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return { ...mutation, progress };
}
