// "New batch": the day a payout period ends (yesterday, UTC, unless the admin picks an earlier one),
// then create_payout_batch. The database decides whether the period has ended (on its money clock)
// and refuses a second batch for a period; its refusal is shown translated.
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useCreatePayoutBatchMutation } from '../../data/payouts/create-payout-batch-mutation.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { payoutBatchFormValues, payoutBatchSchema } from '../../forms/payout-schema.ts';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

export function NewPayoutBatchForm({ onCreated }: { onCreated: (batchId: string, periodEnd: string) => void }) {
  const t = useT();
  const form = useZodForm(payoutBatchSchema, payoutBatchFormValues());
  const create = useCreatePayoutBatchMutation();
  const error = create.isError ? databaseErrorMessage(create.error) : null;
  return (
    <section className="card" aria-labelledby="new-batch-heading">
      <h2 id="new-batch-heading">{t('adminPayouts.newBatchHeading')}</h2>
      <p className="muted">{t('adminPayouts.newBatchIntro')}</p>
      <form
        noValidate
        className="payout-batch-form"
        data-testid="new-payout-batch"
        onSubmit={form.handleSubmit(({ periodEnd }) => create.mutate(periodEnd, { onSuccess: (batchId) => onCreated(batchId, periodEnd) }))}
      >
        <FormError>{error ? t(error.key, error.values) : null}</FormError>
        <fieldset className="form-fields" disabled={create.isPending}>
          <TextField type="date" label={t('adminPayouts.periodEnd')} hint={t('adminPayouts.periodEndHint')} binding={form.field('periodEnd')} />
        </fieldset>
        <div className="form-buttons">
          <SubmitButton pending={create.isPending} label={t('adminPayouts.createBatch')} pendingLabel={t('adminPayouts.creatingBatch')} />
        </div>
      </form>
    </section>
  );
}
