// "Accounting export": every ledger entry of a period (whole UTC days, at most 400) as a CSV file,
// for the accountants. The database records each export in the audit log.
import { useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useExportLedgerMutation } from '../../data/payouts/export-mutations.ts';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { ledgerExportFormValues, ledgerExportSchema } from '../../forms/payout-schema.ts';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';

export function LedgerExportForm() {
  const t = useT();
  const { locale } = useLocale();
  const form = useZodForm(ledgerExportSchema, ledgerExportFormValues());
  const exportLedger = useExportLedgerMutation();
  const [rows, setRows] = useState<number | null>(null);
  const error = exportLedger.isError ? databaseErrorMessage(exportLedger.error) : null;
  return (
    <section className="card" aria-labelledby="ledger-export-heading">
      <h2 id="ledger-export-heading">{t('adminPayouts.ledgerHeading')}</h2>
      <p className="muted">{t('adminPayouts.ledgerIntro')}</p>
      <form
        noValidate
        className="ledger-export-form"
        data-testid="ledger-export"
        onSubmit={form.handleSubmit((period) => {
          setRows(null);
          exportLedger.mutate(period, { onSuccess: setRows });
        })}
      >
        <FormError>{error ? t(error.key, error.values) : null}</FormError>
        {rows !== null && !exportLedger.isPending ? (
          <FormNotice>{t('adminPayouts.ledgerExported', { count: new Intl.NumberFormat(locale).format(rows) })}</FormNotice>
        ) : null}
        <fieldset className="form-fields ledger-export-days" disabled={exportLedger.isPending}>
          <TextField type="date" label={t('adminPayouts.ledgerFrom')} binding={form.field('from')} />
          <TextField type="date" label={t('adminPayouts.ledgerTo')} binding={form.field('to')} />
        </fieldset>
        <div className="form-buttons">
          <SubmitButton pending={exportLedger.isPending} label={t('adminPayouts.ledgerDownload')} pendingLabel={t('adminPayouts.exporting')} />
        </div>
      </form>
    </section>
  );
}
