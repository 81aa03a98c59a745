// A lead as its owner sees it: the public part, the proposals with Accept, after acceptance what is
// owed and how the job goes on (a customer pays, confirms and rates here; a referring expert creates
// the client's pay link and follows the job), the client's contact details behind a logged button,
// the log of who saw them, invitations (referral leads) and Cancel: before payment the request is
// simply off; after payment and before the work is marked done, "Cancel and refund" gives the
// payer all of the money back (not while a dispute is open). Sections follow the order the owner
// needs them in.
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { disputeQueryOptions } from '../../data/disputes/dispute-query.ts';
import { leadProposalsQueryOptions } from '../../data/leads/lead-proposals-query.ts';
import { leadQueryKey } from '../../data/leads/lead-query.ts';
import type { Lead, Payable } from '../../data/leads/lead-types.ts';
import { useCancelLeadMutation } from '../../data/leads/owner-mutations.ts';
import { payableQueryOptions } from '../../data/leads/payable-query.ts';
import type { CheckoutReturn } from '../../data/payments/payment-types.ts';
import { paymentsQueryKey } from '../../data/payments/payments-query.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { ContactAccessLog } from './contact-access-log.tsx';
import { ContactReveal } from './contact-reveal.tsx';
import { LeadInvitations } from './lead-invitations.tsx';
import { LeadOverview } from './lead-overview.tsx';
import { OwnerProposals } from './owner-proposals.tsx';
import { PayableSummary } from './payable-summary.tsx';
import { PayerProgress } from './payer-progress.tsx';
import { ReferrerProgress } from './referrer-progress.tsx';
import { formatDateTime } from './relative-time-text.tsx';

interface OwnerLeadViewProps {
  lead: Lead;
  justPosted: boolean;
  /** Set when Checkout just sent the owner back here. */
  checkoutReturn: CheckoutReturn | undefined;
}

export function OwnerLeadView({ lead, justPosted, checkoutReturn }: OwnerLeadViewProps) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const { data: payable, refetch: refetchPayable } = useSuspenseQuery(payableQueryOptions(lead.id));
  const { data: proposals } = useSuspenseQuery(leadProposalsQueryOptions(lead.id));
  useDocumentTitle(lead.title);
  const performerName = proposals.find((proposal) => proposal.id === payable?.proposal_id)?.expert?.display_name ?? t('owner.unknownExpert');

  return (
    <article className="lead-page" aria-labelledby="lead-title">
      {justPosted ? <FormNotice>{t(lead.kind === 'referral' ? 'owner.postedReferral' : 'owner.posted')}</FormNotice> : null}
      <LeadOverview lead={lead} showVisibility={lead.kind === 'referral'} />
      {lead.status === 'cancelled' && lead.cancelled_at ? (
        <p className="lead-state-message" data-testid="lead-cancelled">
          {t('owner.cancelledOn', { date: formatDateTime(lead.cancelled_at, locale) })} {t('owner.cancelledBody')}
          {payable?.status === 'refunded' ? <> {t(payable.is_payer ? 'owner.cancelledRefunded' : 'owner.cancelledRefundedClient')}</> : null}
        </p>
      ) : null}
      {lead.status === 'expired' ? <p className="lead-state-message">{t('owner.expiredBody')}</p> : null}

      <section className="card" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t('owner.proposalsHeading')}</h2>
        <OwnerProposals lead={lead} />
      </section>

      {payable ? (
        <section className="card" aria-labelledby="payable-heading">
          <h2 id="payable-heading">{t('payable.heading')}</h2>
          <PayableSummary payable={payable} />
        </section>
      ) : null}

      {payable && payable.status !== 'cancelled' ? (
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t('progress.heading')}</h2>
          {payable.is_payer ? (
            <PayerProgress
              payable={payable}
              lead={lead}
              performerName={performerName}
              returnPath={`/jobs/${lead.id}`}
              checkoutReturn={checkoutReturn}
              refetchPayable={refetchPayable}
              onPaymentSettled={() =>
                void Promise.all([
                  queryClient.invalidateQueries({ queryKey: leadQueryKey(lead.id) }),
                  queryClient.invalidateQueries({ queryKey: paymentsQueryKey(payable.id) }),
                  queryClient.invalidateQueries({ queryKey: ['leads', 'mine'] }),
                ])
              }
            />
          ) : (
            <ReferrerProgress lead={lead} payable={payable} performerName={performerName} />
          )}
        </section>
      ) : null}

      {lead.kind === 'referral' ? (
        <section className="card" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('invite.heading')}</h2>
          <LeadInvitations lead={lead} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t(lead.kind === 'referral' ? 'owner.clientContactHeading' : 'owner.contactHeading')}</h2>
        <p className="muted">{t('owner.contactNote')}</p>
        <ContactReveal leadId={lead.id} label={t('owner.showContact')} refusedMessage={t('dbError.notAllowed')} />
        <h3 id="access-log-heading">{t('accessLog.heading')}</h3>
        <ContactAccessLog leadId={lead.id} />
      </section>

      {lead.status === 'open' || lead.status === 'assigned' ? <CancelLead lead={lead} /> : null}
      {lead.status === 'paid' && payable?.status === 'paid' ? (
        <Suspense fallback={null}>
          <CancelPaidJob lead={lead} payable={payable} performerName={performerName} />
        </Suspense>
      ) : null}
    </article>
  );
}

/**
 * Paid, not yet marked done: cancelling refunds the whole payment. Not offered while a dispute is
 * open (cancel_lead refuses it then; the dispute decides the money). Only the payer and the
 * performer can read the dispute: a referral lead's owner is offered the button, and the database
 * says so if a dispute stands in the way.
 */
function CancelPaidJob({ lead, payable, performerName }: { lead: Lead; payable: Payable; performerName: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: dispute } = useSuspenseQuery(disputeQueryOptions(payable.id));
  const cancel = useCancelLeadMutation(lead.id, payable.id);
  const error = cancel.isError ? databaseErrorMessage(cancel.error) : null;
  if (dispute?.status === 'open') return null;
  const amount = formatMinorAmount(payable.amount_cents - payable.refunded_cents, payable.currency, locale);
  return (
    <section className="card" aria-labelledby="cancel-heading" data-testid="cancel-paid-job">
      <h2 id="cancel-heading">{t('owner.cancelPaidHeading')}</h2>
      <p className="muted">{t(payable.is_payer ? 'owner.cancelPaidIntro' : 'owner.cancelPaidIntroClient', { amount })}</p>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <ConfirmAction
        tone="danger"
        label={t('owner.cancelAndRefund')}
        question={t(payable.is_payer ? 'owner.cancelPaidQuestion' : 'owner.cancelPaidQuestionClient', { amount, name: performerName })}
        confirmLabel={t('owner.cancelAndRefundConfirm')}
        keepLabel={t('owner.cancelKeep')}
        pending={cancel.isPending}
        pendingLabel={t('owner.cancellingAndRefunding')}
        onConfirm={() => cancel.mutate()}
      />
    </section>
  );
}

function CancelLead({ lead }: { lead: Lead }) {
  const t = useT();
  const cancel = useCancelLeadMutation(lead.id);
  const error = cancel.isError ? databaseErrorMessage(cancel.error) : null;
  return (
    <section className="card" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('owner.cancelHeading')}</h2>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <ConfirmAction
        tone="danger"
        label={t('owner.cancel')}
        question={t(lead.status === 'assigned' ? 'owner.cancelQuestionAssigned' : 'owner.cancelQuestion')}
        confirmLabel={t('owner.cancelConfirm')}
        keepLabel={t('owner.cancelKeep')}
        pending={cancel.isPending}
        pendingLabel={t('owner.cancelling')}
        onConfirm={() => cancel.mutate()}
      />
    </section>
  );
}
