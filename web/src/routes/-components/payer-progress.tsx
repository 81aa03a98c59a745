// The payer's side of a job after acceptance, in the order it happens: pay (Stripe Checkout), wait
// for the payment to be confirmed, the receipt (with any refunds); then confirm the work once the
// performer marked it done (or let it confirm itself after 7 days); then rate the performer. From
// payment until the hold ends the payer can open a dispute, which freezes the money (nothing is
// confirmed) until an admin decides. Used on the lead page by a customer who pays for their own
// job, and on /pay/<token> by the client of a referral lead.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { Lead, Payable } from '../../data/leads/lead-types.ts';
import { disputeQueryOptions } from '../../data/disputes/dispute-query.ts';
import { useConfirmJobDoneMutation } from '../../data/payments/completion-mutations.ts';
import type { CheckoutReturn } from '../../data/payments/payment-types.ts';
import { useSettlementWait } from '../../data/payments/settlement-wait.ts';
import { leadReviewQueryOptions } from '../../data/reviews/lead-review-query.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ConfirmAction } from './confirm-action.tsx';
import { DisputePanel } from './dispute-panel.tsx';
import { PayButton } from './pay-button.tsx';
import { PaymentReceipt } from './payment-receipt.tsx';
import { RatingForm } from './rating-form.tsx';
import { ReviewCard } from './review-list.tsx';

interface PayerProgressProps {
  payable: Payable;
  /** The job, when the payer may see it (a referral's client cannot, yet): its status says whether the work is marked done. */
  lead: Lead | null;
  performerName: string;
  /** Where Checkout sends the payer back. */
  returnPath: string;
  checkoutReturn: CheckoutReturn | undefined;
  refetchPayable: () => Promise<unknown>;
  /** Re-reads what a settled payment changed (the lead's status, the receipt). */
  onPaymentSettled: () => void;
}

export function PayerProgress({ payable, lead, performerName, returnPath, checkoutReturn, refetchPayable, onPaymentSettled }: PayerProgressProps) {
  const t = useT();
  const wait = useSettlementWait({
    status: payable.status,
    returnedFromCheckout: checkoutReturn === 'success',
    refetch: refetchPayable,
    onSettled: onPaymentSettled,
  });
  const settled = payable.status === 'paid' || payable.status === 'completed';
  const completed = payable.status === 'completed' || lead?.status === 'completed';

  return (
    <div className="job-progress" data-testid="payer-progress">
      {checkoutReturn === 'success' && settled ? <FormNotice>{t('payment.received')}</FormNotice> : null}
      {wait.waiting ? (
        <p className="lead-state-message waiting" role="status" data-testid="payment-waiting">
          <span className="spinner" aria-hidden="true" /> {t('payment.waiting')}
        </p>
      ) : null}
      {wait.timedOut ? (
        <p className="lead-state-message" role="status" data-testid="payment-waiting">
          {t('payment.slow')}
        </p>
      ) : null}
      {checkoutReturn === 'cancelled' && payable.status === 'due' ? (
        <p className="lead-state-message" role="status" data-testid="payment-cancelled">
          {t('payment.cancelled')}
        </p>
      ) : null}

      {payable.status === 'due' && checkoutReturn !== 'success' ? <PayButton payable={payable} returnPath={returnPath} /> : null}
      {payable.status === 'due' && checkoutReturn === 'success' && wait.timedOut ? <PayButton payable={payable} returnPath={returnPath} /> : null}
      {payable.status === 'cancelled' ? <p className="lead-state-message">{t('payment.payableCancelled')}</p> : null}
      {payable.status === 'refunded' ? (
        <p className="job-state" data-testid="payment-state">
          {t('payment.refundedInFull')}
        </p>
      ) : null}

      {settled && !completed ? (
        <p className="job-state" data-testid="payment-state">
          {t('payment.heldInEscrow')}
        </p>
      ) : null}
      {settled ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <ConfirmStep payable={payable} lead={lead} performerName={performerName} />
        </Suspense>
      ) : null}
      {completed ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <RatingStep leadId={payable.lead_id} performerName={performerName} />
        </Suspense>
      ) : null}
      {payable.status !== 'cancelled' ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <PaymentReceipt payableId={payable.id} what={lead?.title ?? null} />
        </Suspense>
      ) : null}
      {settled || payable.status === 'refunded' ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <DisputePanel payable={payable} viewer="payer" />
        </Suspense>
      ) : null}
    </div>
  );
}

function ConfirmStep({ payable, lead, performerName }: { payable: Payable; lead: Lead | null; performerName: string }) {
  const t = useT();
  const confirm = useConfirmJobDoneMutation(payable.lead_id);
  const { data: dispute } = useSuspenseQuery(disputeQueryOptions(payable.id));
  const error = confirm.isError ? databaseErrorMessage(confirm.error) : null;

  if (payable.status === 'completed' || lead?.status === 'completed') {
    return (
      <p className="job-state" data-testid="completion-state">
        {t(dispute?.status === 'resolved' ? 'completion.settledByDispute' : 'completion.payerCompleted')}
      </p>
    );
  }
  // A dispute freezes the money: nothing is confirmed until an admin decides.
  if (dispute?.status === 'open') {
    return (
      <p className="job-state" data-testid="completion-state">
        {t('completion.frozenByDispute')}
      </p>
    );
  }
  if (lead?.status === 'done') {
    return (
      <section className="completion-step" aria-labelledby="confirm-heading">
        <h3 id="confirm-heading">{t('completion.confirmHeading')}</h3>
        <p data-testid="completion-state">{t('completion.markedDone', { name: performerName })}</p>
        <p className="muted">{t('completion.autoConfirm')}</p>
        <FormError>{error ? t(error.key, error.values) : null}</FormError>
        <ConfirmAction
          label={t('completion.confirm')}
          question={t('completion.confirmQuestion', { name: performerName })}
          confirmLabel={t('completion.confirmYes')}
          keepLabel={t('completion.confirmKeep')}
          pending={confirm.isPending}
          pendingLabel={t('completion.confirming')}
          onConfirm={() => confirm.mutate()}
        />
      </section>
    );
  }
  return (
    <p className="job-state" data-testid="completion-state">
      {t(lead ? 'completion.waitingForDone' : 'completion.confirmHereLater', { name: performerName })}
    </p>
  );
}

function RatingStep({ leadId, performerName }: { leadId: string; performerName: string }) {
  const t = useT();
  const { data: review } = useSuspenseQuery(leadReviewQueryOptions(leadId));
  const [justRated, setJustRated] = useState(false);
  return (
    <section className="rating-step" aria-labelledby="rating-heading" data-testid="rating-step">
      <h3 id="rating-heading">{review ? t('review.yours') : t('review.heading', { name: performerName })}</h3>
      {justRated ? <FormNotice>{t('review.thanks', { name: performerName })}</FormNotice> : null}
      {review ? <ReviewCard review={review} /> : <RatingForm leadId={leadId} performerName={performerName} onRated={() => setJustRated(true)} />}
    </section>
  );
}
