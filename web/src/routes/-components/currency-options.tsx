// The currency <option>s, named in the reader's language.
import { useT } from '../../i18n/i18n-provider.tsx';
import { CURRENCIES } from '../../lib/money.ts';

const currencyLabel = { ILS: 'currency.ILS', USD: 'currency.USD', EUR: 'currency.EUR' } as const;

export function CurrencyOptions() {
  const t = useT();
  return (
    <>
      {CURRENCIES.map((currency) => (
        <option key={currency} value={currency}>
          {t(currencyLabel[currency])}
        </option>
      ))}
    </>
  );
}
