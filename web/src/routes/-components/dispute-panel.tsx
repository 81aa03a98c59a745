// A job's dispute, for its payer and its performer: open one (a reason and what went wrong) from
// payment until the hold ends; then where it stands: open (the money is frozen until an admin
// decides) or resolved, with the decision, how much was refunded and the admin's note. One
// dispute per job, so once there is one the form is gone for good. The admins' page shows the same
// facts (DisputeFacts) with the job's numbers around them.
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { disputeQueryOptions } from '../../data/disputes/dispute-query.ts';
import { useOpenDisputeMutation } from '../../data/disputes/open-dispute-mutation.ts';
import type { Payable } from '../../data/leads/lead-types.ts';
import { DISPUTE_REASONS, type Dispute } from '../../data/refunds/refund-types.ts';
import { disputeSchema, emptyDispute } from '../../forms/dispute-schema.ts';
import { FormError, SubmitButton } from '../../forms/form-parts.tsx';
import { SelectField } from '../../forms/select-field.tsx';
import { TextareaField } from '../../forms/textarea-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { formatMinorAmount } from '../../lib/money.ts';
import { useNow } from '../../lib/use-now.ts';
import { disputeReasonKey, disputeReasonLabel } from './payment-labels.ts';
import { DateTimeText } from './relative-time-text.tsx';

export type DisputeViewer = 'payer' | 'performer' | 'admin';

/** open_dispute's window: paid, or completed and still on hold (the database has the last word). */
export function canOpenDispute(payable: Pick<Payable, 'status' | 'released_at' | 'hold_until'>, now: Date): boolean {
  if (payable.status === 'paid') return true;
  return (
    payable.status === 'completed' && payable.released_at === null && payable.hold_until !== null && Date.parse(payable.hold_until) > now.getTime()
  );
}

export function DisputePanel({ payable, viewer }: { payable: Payable; viewer: 'payer' | 'performer' }) {
  const { data: dispute } = useSuspenseQuery(disputeQueryOptions(payable.id));
  const now = useNow();
  if (dispute) return <DisputeSection dispute={dispute} payable={payable} viewer={viewer} />;
  if (!canOpenDispute(payable, now)) return null;
  return <OpenDispute payable={payable} viewer={viewer} />;
}

function DisputeSection({ dispute, payable, viewer }: { dispute: Dispute; payable: Payable; viewer: 'payer' | 'performer' }) {
  const t = useT();
  const id = useId();
  return (
    <section className="dispute" aria-labelledby={`${id}-heading`} data-testid="dispute">
      <h3 id={`${id}-heading`}>{t('dispute.heading')}</h3>
      <DisputeFacts dispute={dispute} payable={payable} viewer={viewer} />
    </section>
  );
}

/** Who opened it, in the reader's terms. */
function openedByKey(dispute: Dispute, payable: Pick<Payable, 'payer_kind'>, viewer: DisputeViewer): MessageKey {
  if (viewer === dispute.opened_by_role) return 'dispute.openedByYou';
  if (dispute.opened_by_role === 'performer') return 'dispute.openedByExpert';
  return payable.payer_kind === 'client' ? 'dispute.openedByClient' : 'dispute.openedByCustomer';
}

function outcomeText(t: Translate, dispute: Dispute, payable: Pick<Payable, 'amount_cents' | 'currency'>, viewer: DisputeViewer, locale: string) {
  if (dispute.outcome === 'released') return t(viewer === 'performer' ? 'dispute.outcomeReleasedYou' : 'dispute.outcomeReleased');
  const refunded = dispute.refund_cents ?? 0;
  const amount = formatMinorAmount(refunded, payable.currency, locale);
  if (refunded >= payable.amount_cents) return t('dispute.outcomeRefundedFull', { amount });
  const key =
    viewer === 'payer'
      ? 'dispute.outcomeRefundedPartPayer'
      : viewer === 'performer'
        ? 'dispute.outcomeRefundedPartPerformer'
        : 'dispute.outcomeRefundedPart';
  return t(key, { amount });
}

/** The dispute's state, who opened it and why, their message and, once resolved, the decision and the admin's note. */
export function DisputeFacts({
  dispute,
  payable,
  viewer,
}: {
  dispute: Dispute;
  payable: Pick<Payable, 'amount_cents' | 'currency' | 'payer_kind'>;
  viewer: DisputeViewer;
}) {
  const t = useT();
  const { locale } = useLocale();
  const reason = disputeReasonKey(dispute.reason);
  const open = dispute.status === 'open';
  return (
    <>
      <p className={open ? 'job-state job-state-warning' : 'job-state'} data-testid="dispute-status" data-status={dispute.status}>
        {t(open ? (viewer === 'admin' ? 'dispute.openAdmin' : 'dispute.open') : 'dispute.resolved')}
      </p>
      <dl className="details">
        <dt>{t('dispute.openedBy')}</dt>
        <dd data-testid="dispute-opened-by">{t(openedByKey(dispute, payable, viewer))}</dd>
        <dt>{t('dispute.openedOn')}</dt>
        <dd>
          <DateTimeText value={dispute.created_at} />
        </dd>
        <dt>{t('dispute.reason')}</dt>
        <dd data-testid="dispute-reason">{reason ? t(reason) : dispute.reason}</dd>
        <dt>{t('dispute.message')}</dt>
        <dd className="dispute-message" data-testid="dispute-message">
          <bdi>{dispute.message}</bdi>
        </dd>
        {open ? null : (
          <>
            <dt>{t('dispute.outcome')}</dt>
            <dd data-testid="dispute-outcome">{outcomeText(t, dispute, payable, viewer, locale)}</dd>
            <dt>{t('dispute.note')}</dt>
            <dd className="dispute-message" data-testid="dispute-note">
              {dispute.resolution_note ? <bdi>{dispute.resolution_note}</bdi> : <span className="muted">{t('dispute.noNote')}</span>}
            </dd>
            {dispute.resolved_at ? (
              <>
                <dt>{t('dispute.resolvedOn')}</dt>
                <dd>
                  <DateTimeText value={dispute.resolved_at} />
                </dd>
              </>
            ) : null}
          </>
        )}
      </dl>
    </>
  );
}

function OpenDispute({ payable, viewer }: { payable: Payable; viewer: 'payer' | 'performer' }) {
  const t = useT();
  const id = useId();
  const [opening, setOpening] = useState(false);
  return (
    <section className="dispute" aria-labelledby={`${id}-heading`} data-testid="dispute-start">
      <h3 id={`${id}-heading`}>{t('dispute.problemHeading')}</h3>
      <p className="muted">{t(viewer === 'payer' ? 'dispute.introPayer' : 'dispute.introPerformer')}</p>
      {opening ? (
        <OpenDisputeForm payableId={payable.id} viewer={viewer} onCancel={() => setOpening(false)} />
      ) : (
        <div>
          <button type="button" className="button" onClick={() => setOpening(true)}>
            {t('dispute.start')}
          </button>
        </div>
      )}
    </section>
  );
}

function OpenDisputeForm({ payableId, viewer, onCancel }: { payableId: string; viewer: 'payer' | 'performer'; onCancel: () => void }) {
  const t = useT();
  const form = useZodForm(disputeSchema, emptyDispute);
  const open = useOpenDisputeMutation(payableId);
  const error = open.isError ? databaseErrorMessage(open.error) : null;
  return (
    <form noValidate className="dispute-form" onSubmit={form.handleSubmit((input) => open.mutate(input))}>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <fieldset className="form-fields" disabled={open.isPending}>
        <SelectField label={t('dispute.reasonField')} binding={form.field('reason')}>
          <option value="">{t('dispute.chooseReason')}</option>
          {DISPUTE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(disputeReasonLabel[reason])}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={t('dispute.messageField')}
          hint={t(viewer === 'payer' ? 'dispute.messageHintPayer' : 'dispute.messageHintPerformer')}
          binding={form.field('message')}
          rows={4}
        />
      </fieldset>
      <p className="muted">{t('dispute.freezeNote')}</p>
      <div className="form-buttons">
        <SubmitButton pending={open.isPending} label={t('dispute.submit')} pendingLabel={t('dispute.submitting')} />
        <button type="button" className="button" disabled={open.isPending} onClick={onCancel}>
          {t('dispute.cancel')}
        </button>
      </div>
    </form>
  );
}
