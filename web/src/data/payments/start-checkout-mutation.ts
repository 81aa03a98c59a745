// Pay: the payments edge function checks that the caller is the payable's payer, records the
// attempt and opens a Stripe Checkout session; the browser then leaves for Checkout's hosted page.
// Checkout sends the payer back to `return_path` with `?payment=success&session_id=…` (or
// `?payment=cancelled`); the payment itself settles when Stripe's webhook reaches the database.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '../../lib/supabase.ts';
import { CheckoutError, checkoutErrorMessage, readCheckoutFailure } from './checkout-error.ts';

const session = z.object({ payment_id: z.guid(), checkout_url: z.url({ protocol: /^https?$/ }), session_id: z.string().min(1) });

export interface StartCheckoutInput {
  payableId: string;
  /** A path in this app (the function refuses anything else), e.g. `/jobs/<lead id>` or `/pay/<token>`. */
  returnPath: string;
}

export function useStartCheckoutMutation() {
  return useMutation({
    mutationKey: ['payments', 'checkout'],
    mutationFn: async ({ payableId, returnPath }: StartCheckoutInput): Promise<z.infer<typeof session>> => {
      const { data, error } = await supabase.functions.invoke('payments', { body: { payable_id: payableId, return_path: returnPath } });
      if (error) throw new CheckoutError(checkoutErrorMessage(await readCheckoutFailure(error)));
      const parsed = session.safeParse(data);
      if (!parsed.success) throw new CheckoutError({ key: 'dbError.unknown' });
      return parsed.data;
    },
    // A full navigation: the app is left behind, and reloaded fresh when Checkout sends the payer back.
    onSuccess: ({ checkout_url }) => window.location.assign(checkout_url),
  });
}
