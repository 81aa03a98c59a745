// A lead as an approved expert sees it: the public part with the distance from their base city,
// the client's masked hints, and their own proposal: send one, edit or withdraw it while the lead is
// open; if it won, the payout, how the job goes on (paid, mark it done, confirmed), refunds of the
// payment, the dispute (or a way to open one) and the client's contact; otherwise where the lead
// stands (a winning job cancelled after payment still shows its refund and any dispute).
import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { cityDistanceQueryOptions } from '../../data/leads/city-distance-query.ts';
import { myProposalsQueryOptions } from '../../data/leads/lead-proposals-query.ts';
import { isLiveProposal, type Lead, type Payable, type Proposal } from '../../data/leads/lead-types.ts';
import { payableQueryOptions } from '../../data/leads/payable-query.ts';
import { useWithdrawProposalMutation } from '../../data/leads/proposal-mutations.ts';
import { myLeadReferralQueryOptions } from '../../data/referrals/lead-referrals-query.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { ContactReveal } from './contact-reveal.tsx';
import { DisputePanel } from './dispute-panel.tsx';
import { isJobUnderway } from './lead-labels.ts';
import { LeadOverview } from './lead-overview.tsx';
import { PayableSummary } from './payable-summary.tsx';
import { PerformerProgress } from './performer-progress.tsx';
import { ProposalDetails } from './proposal-details.tsx';
import { EditProposalForm, NewProposalForm } from './proposal-form.tsx';
import { ReferralResponse } from './referral-cards.tsx';
import { RefundList } from './refund-list.tsx';

export function ExpertLeadView({ lead, expert }: { lead: Lead; expert: ExpertWithCategories }) {
  const t = useT();
  const { data: proposals } = useSuspenseQuery(myProposalsQueryOptions(lead.id, expert.id));
  const { data: distanceKm } = useSuspenseQuery(cityDistanceQueryOptions(expert.city, lead.city));
  useDocumentTitle(lead.title);
  const live = proposals.find(isLiveProposal) ?? null;
  const latest = proposals[0] ?? null;

  return (
    <article className="lead-page" aria-labelledby="lead-title">
      <LeadOverview lead={lead} distanceKm={distanceKm} />

      <section className="card" aria-labelledby="client-heading">
        <h2 id="client-heading">{t('expertLead.clientHeading')}</h2>
        <dl className="details" data-testid="client-hints">
          <dt>{t('contactField.name')}</dt>
          <dd data-testid="hint-name">
            <bdi>{lead.client_name_hint}</bdi>
          </dd>
          <dt>{t('contactField.phone')}</dt>
          <dd data-testid="hint-phone" dir="ltr" className="ltr-value">
            {lead.client_phone_hint}
          </dd>
          <dt>{t('contactField.email')}</dt>
          <dd data-testid="hint-email">
            {lead.client_email_hint ? (
              <span dir="ltr" className="ltr-value">
                {lead.client_email_hint}
              </span>
            ) : (
              t('reveal.notGiven')
            )}
          </dd>
        </dl>
        <p className="muted">{t(lead.kind === 'referral' ? 'expertLead.hintsNoteReferral' : 'expertLead.hintsNote')}</p>
      </section>

      <section className="card" aria-labelledby="my-proposal-heading">
        <h2 id="my-proposal-heading">{t('expertLead.proposalHeading')}</h2>
        <ProposalState lead={lead} expertId={expert.id} live={live} latest={latest} />
      </section>
    </article>
  );
}

interface ProposalStateProps {
  lead: Lead;
  expertId: string;
  live: Proposal | null;
  latest: Proposal | null;
}

function ProposalState({ lead, expertId, live, latest }: ProposalStateProps) {
  const t = useT();
  const won = live?.status === 'accepted';

  if (lead.status === 'open') {
    if (live) return <LiveProposal lead={lead} proposal={live} />;
    // A private lead takes proposals only from invited experts who accepted the invitation.
    if (lead.visibility === 'private') return <PrivateLeadProposal lead={lead} expertId={expertId} latest={latest} />;
    return (
      <>
        {latest?.status === 'withdrawn' ? (
          <p className="muted">{t('expertLead.withdrawnBefore')}</p>
        ) : (
          <p className="muted">{t('expertLead.proposeIntro')}</p>
        )}
        <NewProposalForm leadId={lead.id} currency={lead.currency} />
      </>
    );
  }
  if (isJobUnderway(lead.status) && won) return <WonLead lead={lead} proposal={live} />;
  return (
    <>
      <p className="lead-state-message" role="status" data-testid="lead-unavailable">
        {isJobUnderway(lead.status)
          ? t('expertLead.chosenOther')
          : lead.status === 'cancelled'
            ? t(won ? 'expertLead.cancelledAfterWin' : 'expertLead.cancelled')
            : t('expertLead.expired')}
      </p>
      {latest ? <ProposalDetails proposal={latest} /> : null}
      {won && lead.status === 'cancelled' ? <CancelledJobMoney leadId={lead.id} /> : null}
    </>
  );
}

/** A job of theirs cancelled after payment: what the payer got back, and any dispute. */
function CancelledJobMoney({ leadId }: { leadId: string }) {
  const { data: payable } = useSuspenseQuery(payableQueryOptions(leadId));
  if (!payable || payable.status === 'cancelled' || payable.status === 'due') return null;
  return (
    <>
      <PayableSummary payable={payable} viewer="performer" />
      <PerformerMoneyIssues payable={payable} />
    </>
  );
}

/** Refunds of the job's payment and its dispute (or the way to open one), once it is paid. */
function PerformerMoneyIssues({ payable }: { payable: Payable }) {
  const t = useT();
  return (
    <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
      <RefundList payableId={payable.id} viewer="party" />
      <DisputePanel payable={payable} viewer="performer" />
    </Suspense>
  );
}

function PrivateLeadProposal({ lead, expertId, latest }: { lead: Lead; expertId: string; latest: Proposal | null }) {
  const t = useT();
  const { data: referral } = useSuspenseQuery(myLeadReferralQueryOptions(lead.id, expertId));
  if (referral?.status === 'pending') {
    return (
      <>
        <p className="muted">{t('expertLead.invitedFirst')}</p>
        <ReferralResponse referralId={referral.id} />
      </>
    );
  }
  return (
    <>
      <p className="muted">{t(latest?.status === 'withdrawn' ? 'expertLead.withdrawnBefore' : 'expertLead.proposeIntro')}</p>
      <NewProposalForm leadId={lead.id} currency={lead.currency} />
    </>
  );
}

function LiveProposal({ lead, proposal }: { lead: Lead; proposal: Proposal }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const withdraw = useWithdrawProposalMutation(lead.id, proposal.id);
  const error = withdraw.isError ? databaseErrorMessage(withdraw.error) : null;

  if (editing) {
    return (
      <EditProposalForm
        leadId={lead.id}
        proposal={proposal}
        onDone={() => {
          setEditing(false);
          setSaved(true);
        }}
      />
    );
  }
  return (
    <>
      {saved ? <FormNotice>{t('expertLead.saved')}</FormNotice> : null}
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <ProposalDetails proposal={proposal} />
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
          {t('expertLead.edit')}
        </button>
        <ConfirmAction
          tone="danger"
          label={t('expertLead.withdraw')}
          question={t('expertLead.withdrawQuestion')}
          confirmLabel={t('expertLead.withdrawConfirm')}
          keepLabel={t('expertLead.withdrawKeep')}
          pending={withdraw.isPending}
          pendingLabel={t('expertLead.withdrawing')}
          onConfirm={() => withdraw.mutate()}
        />
      </div>
    </>
  );
}

function WonLead({ lead, proposal }: { lead: Lead; proposal: Proposal }) {
  const t = useT();
  const { data: payable } = useSuspenseQuery(payableQueryOptions(lead.id));
  return (
    <>
      <FormNotice>{t('expertLead.won')}</FormNotice>
      <ProposalDetails proposal={proposal} />
      {payable ? (
        <>
          <h3>{t('payable.heading')}</h3>
          <PayableSummary payable={payable} viewer="performer" />
        </>
      ) : null}
      {payable && payable.status !== 'cancelled' ? <PerformerProgress lead={lead} payable={payable} /> : null}
      {payable && payable.status !== 'cancelled' && payable.status !== 'due' ? <PerformerMoneyIssues payable={payable} /> : null}
      <h3>{t('expertLead.contactHeading')}</h3>
      <ContactReveal leadId={lead.id} label={t('expertLead.showContact')} refusedMessage={t('reveal.noLongerAvailable')} />
    </>
  );
}
