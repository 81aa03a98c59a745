// One dispute on the admins' page: the job (title, amount, currency, what was refunded so far, the
// expert), who opened it, why and their message; an open one is resolved here. Release gives the
// experts their shares now; refund returns an amount to the payer (prefilled with all that is left,
// typed in major units and sent as exact minor units) and releases the rest. The note (optional)
// is shown to both parties with the decision.
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { AdminDispute } from '../../data/disputes/admin-disputes-query.ts';
import { useResolveDisputeMutation } from '../../data/disputes/resolve-dispute-mutation.ts';
import type { PushOutcome } from '../../data/refunds/push-refunds.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { RadioGroup, RadioOption } from '../../forms/radio-group.tsx';
import { resolveDisputeFormValues, resolveDisputeSchema, type Resolution } from '../../forms/refund-schema.ts';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { DisputeFacts } from './dispute-panel.tsx';
import { payableStatusLabel } from './payment-labels.ts';

type Payable = NonNullable<AdminDispute['payable']>;

export interface ResolvedNotice {
  title: string;
  resolution: Resolution;
  currency: string;
  push: PushOutcome | null;
}

export function AdminDisputeCard({ dispute, onResolved }: { dispute: AdminDispute; onResolved?: (notice: ResolvedNotice) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const { payable } = dispute;
  const title = payable?.lead?.title ?? t('money.untitledJob');
  const money = (minor: number) => (payable ? formatMinorAmount(minor, payable.currency, locale) : '—');
  return (
    <article className="card admin-dispute" aria-labelledby={`${id}-title`} data-testid="admin-dispute" data-status={dispute.status}>
      <h3 id={`${id}-title`}>
        {payable?.lead ? (
          <Link to="/jobs/$leadId" params={{ leadId: payable.lead.id }}>
            <bdi>{title}</bdi>
          </Link>
        ) : (
          title
        )}
      </h3>
      {payable ? (
        <dl className="details">
          <dt>{t('adminDisputes.jobAmount')}</dt>
          <dd data-testid="dispute-job-amount">{money(payable.amount_cents)}</dd>
          <dt>{t('adminDisputes.currency')}</dt>
          <dd data-testid="dispute-currency">{payable.currency}</dd>
          <dt>{t('adminDisputes.refundedSoFar')}</dt>
          <dd data-testid="dispute-refunded">{money(payable.refunded_cents)}</dd>
          <dt>{t('adminDisputes.expert')}</dt>
          <dd>{payable.performer ? <bdi>{payable.performer.display_name}</bdi> : '—'}</dd>
          <dt>{t('payable.status')}</dt>
          <dd>{t(payableStatusLabel[payable.status])}</dd>
        </dl>
      ) : null}
      {payable ? <DisputeFacts dispute={dispute} payable={payable} viewer="admin" /> : null}
      {dispute.status === 'open' && payable ? <ResolveDisputeForm dispute={dispute} payable={payable} title={title} onResolved={onResolved} /> : null}
    </article>
  );
}

interface ResolveDisputeFormProps {
  dispute: AdminDispute;
  payable: Payable;
  title: string;
  onResolved: ((notice: ResolvedNotice) => void) | undefined;
}

function ResolveDisputeForm({ dispute, payable, title, onResolved }: ResolveDisputeFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const remaining = payable.amount_cents - payable.refunded_cents;
  const form = useZodForm(resolveDisputeSchema(remaining), resolveDisputeFormValues(remaining));
  const resolve = useResolveDisputeMutation();
  const error = resolve.isError ? databaseErrorMessage(resolve.error) : null;
  const outcome = form.field('outcome');

  const submit = (resolution: Resolution) =>
    resolve.mutate(
      { ...resolution, disputeId: dispute.id, payableId: payable.id },
      { onSuccess: (push) => onResolved?.({ title, resolution, currency: payable.currency, push }) },
    );

  return (
    <form noValidate className="resolve-form" onSubmit={form.handleSubmit(submit)} aria-label={t('adminDisputes.resolveHeading')}>
      <h4>{t('adminDisputes.resolveHeading')}</h4>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <fieldset className="form-fields" disabled={resolve.isPending}>
        <RadioGroup legend={t('adminDisputes.decision')} binding={outcome}>
          <RadioOption binding={outcome} value="release" label={t('adminDisputes.release')} description={t('adminDisputes.releaseExplained')} />
          <RadioOption binding={outcome} value="refund" label={t('adminDisputes.refund')} description={t('adminDisputes.refundExplained')} />
        </RadioGroup>
        {form.values.outcome === 'refund' ? (
          <TextField
            label={t('adminDisputes.refundAmount', { currency: payable.currency })}
            hint={t('adminDisputes.refundAmountHint', {
              max: formatMinorAmount(remaining, payable.currency, locale),
            })}
            inputMode="decimal"
            binding={form.field('amount')}
          />
        ) : null}
        <TextareaField label={t('adminDisputes.note')} hint={t('adminDisputes.noteHint')} binding={form.field('note')} rows={3} />
      </fieldset>
      <div className="form-buttons">
        <SubmitButton pending={resolve.isPending} label={t('adminDisputes.resolve')} pendingLabel={t('adminDisputes.resolving')} />
      </div>
    </form>
  );
}
