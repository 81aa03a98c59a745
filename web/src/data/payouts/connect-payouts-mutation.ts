// "Connect payouts" / "Continue onboarding": the payments function creates the expert's Stripe
// Express account the first time (the same one ever after) and answers a fresh link to Stripe's
// hosted onboarding; the browser leaves for it. Stripe sends the expert back to `/wallet` with
// `?connect=return` when they finish (or leave), or `?connect=refresh` when the link had expired
// or was used, and the wallet then offers a new link. The account's state arrives separately, in
// Stripe's account.updated webhook.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '../../lib/supabase.ts';
import { readCheckoutFailure } from '../payments/checkout-error.ts';
import { connectErrorMessage, PayoutFunctionError } from './payout-function-error.ts';

const answer = z.object({ url: z.url({ protocol: /^https?$/ }), stripe_account_id: z.string().startsWith('acct_') });

/** Where Stripe sends the expert back: the wallet (a path in this app; the function refuses anything else). */
export const CONNECT_RETURN_PATH = '/wallet';

export function useConnectPayoutsMutation() {
  return useMutation({
    mutationKey: ['payouts', 'connect'],
    mutationFn: async (): Promise<z.infer<typeof answer>> => {
      const { data, error } = await supabase.functions.invoke('payments', {
        body: { action: 'connect_onboarding', return_path: CONNECT_RETURN_PATH },
      });
      if (error) throw new PayoutFunctionError(connectErrorMessage(await readCheckoutFailure(error)));
      const parsed = answer.safeParse(data);
      if (!parsed.success) throw new PayoutFunctionError({ key: 'dbError.unknown' });
      return parsed.data;
    },
    // A full navigation: the app is left behind, and loaded fresh when Stripe sends the expert back.
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
