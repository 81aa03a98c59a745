// A paid job on the admins' disputes page, refundable outside a dispute (refund_payable, audited):
// "Refund…" opens a form with the amount (prefilled with all that is left, in major units, sent as
// exact minor units) and a note, required because both parties see it beside the refund.
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { RefundablePayable } from '../../data/refunds/refundable-payables-query.ts';
import { useRefundPayableMutation } from '../../data/refunds/refund-payable-mutation.ts';
import type { PushOutcome } from '../../data/refunds/push-refunds.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { adminRefundFormValues, adminRefundSchema } from '../../forms/refund-schema.ts';
import { TextField } from '../../forms/text-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { payableStatusLabel } from './payment-labels.ts';

export interface RefundedNotice {
  title: string;
  amountCents: number;
  currency: string;
  push: PushOutcome;
}

export function AdminRefundCard({ payable, onRefunded }: { payable: RefundablePayable; onRefunded: (notice: RefundedNotice) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [refunding, setRefunding] = useState(false);
  const title = payable.lead?.title ?? t('money.untitledJob');
  const money = (minor: number) => formatMinorAmount(minor, payable.currency, locale);
  return (
    <article className="held-payable" aria-labelledby={`${id}-title`} data-testid="refundable-payable">
      <h3 id={`${id}-title`}>
        {payable.lead ? (
          <Link to="/jobs/$leadId" params={{ leadId: payable.lead.id }}>
            <bdi>{title}</bdi>
          </Link>
        ) : (
          title
        )}
      </h3>
      <p className="held-payable-meta muted">
        {money(payable.amount_cents)} · {t(payableStatusLabel[payable.status])}
        {payable.refunded_cents > 0 ? <> · {t('adminDisputes.refundedAlready', { amount: money(payable.refunded_cents) })}</> : null}
        {payable.performer ? (
          <>
            {' · '}
            <bdi>{payable.performer.display_name}</bdi>
          </>
        ) : null}
      </p>
      {refunding ? (
        <AdminRefundForm
          payable={payable}
          onCancel={() => setRefunding(false)}
          onRefunded={(amountCents, push) => {
            setRefunding(false);
            onRefunded({ title, amountCents, currency: payable.currency, push });
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setRefunding(true)}>
          {t('adminDisputes.refundJob')}
        </button>
      )}
    </article>
  );
}

interface AdminRefundFormProps {
  payable: RefundablePayable;
  onCancel: () => void;
  onRefunded: (amountCents: number, push: PushOutcome) => void;
}

function AdminRefundForm({ payable, onCancel, onRefunded }: AdminRefundFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const remaining = payable.amount_cents - payable.refunded_cents;
  const form = useZodForm(adminRefundSchema(remaining), adminRefundFormValues(remaining));
  const refund = useRefundPayableMutation();
  const error = refund.isError ? databaseErrorMessage(refund.error) : null;
  return (
    <form
      noValidate
      className="refund-form"
      onSubmit={form.handleSubmit(({ amount, note }) =>
        refund.mutate({ payableId: payable.id, amountCents: amount, note }, { onSuccess: (push) => onRefunded(amount, push) }),
      )}
    >
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <fieldset className="form-fields" disabled={refund.isPending}>
        <TextField
          label={t('adminDisputes.refundAmount', { currency: payable.currency })}
          hint={t('adminDisputes.refundAmountHint', { max: formatMinorAmount(remaining, payable.currency, locale) })}
          inputMode="decimal"
          binding={form.field('amount')}
        />
        <TextareaField label={t('adminDisputes.refundNote')} hint={t('adminDisputes.refundNoteHint')} binding={form.field('note')} rows={3} />
      </fieldset>
      <div className="form-buttons">
        <SubmitButton pending={refund.isPending} label={t('adminDisputes.sendRefund')} pendingLabel={t('adminDisputes.refunding')} />
        <button type="button" className="button" disabled={refund.isPending} onClick={onCancel}>
          {t('adminDisputes.cancelRefund')}
        </button>
      </div>
    </form>
  );
}
