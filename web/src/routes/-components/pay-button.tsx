// "Pay ₪1,000.00": asks the payments function for a Checkout session and leaves for Stripe's hosted
// page. The button stays busy after success too: the browser is on its way to Checkout.
import { useStartCheckoutMutation } from '../../data/payments/start-checkout-mutation.ts';
import { CheckoutError } from '../../data/payments/checkout-error.ts';
import type { Payable } from '../../data/leads/lead-types.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

export function PayButton({ payable, returnPath }: { payable: Payable; returnPath: string }) {
  const t = useT();
  const { locale } = useLocale();
  const checkout = useStartCheckoutMutation();
  const busy = checkout.isPending || checkout.isSuccess;
  const error = checkout.error instanceof CheckoutError ? checkout.error.display : checkout.isError ? { key: 'dbError.unknown' as const } : null;

  return (
    <div className="pay-action">
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => checkout.mutate({ payableId: payable.id, returnPath })}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('payment.opening') : t('payment.pay', { amount: formatMinorAmount(payable.amount_cents, payable.currency, locale) })}
        </button>
      </div>
      <p className="muted">{t('payment.payNote')}</p>
    </div>
  );
}
