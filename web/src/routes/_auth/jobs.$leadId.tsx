// /jobs/:leadId — one lead. Its owner manages it (proposals, acceptance, the contact details and
// their access log, invitations, cancelling, and once paid the refunds and the dispute); an
// approved expert sees the public part and their own proposal (and, on their job, the same money).
// Anyone else, or a lead that does not exist, gets "not found": the page says nothing about leads
// the viewer may not see.
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link, createFileRoute, notFound } from '@tanstack/react-router';
import { z } from 'zod';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { disputeQueryOptions } from '../../data/disputes/dispute-query.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { approvedExpertsQueryOptions } from '../../data/leads/approved-experts-query.ts';
import { cityDistanceQueryOptions } from '../../data/leads/city-distance-query.ts';
import { contactAccessLogQueryOptions } from '../../data/leads/contact-access-log-query.ts';
import { leadProposalsQueryOptions, myProposalsQueryOptions } from '../../data/leads/lead-proposals-query.ts';
import { leadQueryOptions } from '../../data/leads/lead-query.ts';
import type { Payable, ProposalWithExpert } from '../../data/leads/lead-types.ts';
import { payableQueryOptions } from '../../data/leads/payable-query.ts';
import { paymentsQueryOptions } from '../../data/payments/payments-query.ts';
import { leadReferralsQueryOptions, myLeadReferralQueryOptions } from '../../data/referrals/lead-referrals-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { refundsQueryOptions } from '../../data/refunds/refunds-query.ts';
import { expertRatingsQueryOptions } from '../../data/reviews/expert-ratings-query.ts';
import { leadReviewQueryOptions } from '../../data/reviews/lead-review-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ExpertLeadView } from '../-components/expert-lead-view.tsx';
import { LeadOverview } from '../-components/lead-overview.tsx';
import { OwnerLeadView } from '../-components/owner-lead-view.tsx';

export const Route = createFileRoute('/_auth/jobs/$leadId')({
  // `?posted=true` right after posting, for the confirmation; `?payment=success&session_id=…` or
  // `?payment=cancelled` when Stripe Checkout sends the payer back. Anything else is ignored.
  validateSearch: z.object({
    posted: z.boolean().optional().catch(undefined),
    payment: z.enum(['success', 'cancelled']).optional().catch(undefined),
    session_id: z.string().optional().catch(undefined),
  }),
  loader: async ({ context, params }) => {
    const { queryClient, session } = context;
    const [lead, application] = await Promise.all([
      queryClient.ensureQueryData(leadQueryOptions(params.leadId)),
      queryClient.ensureQueryData(myApplicationQueryOptions(session.user.id)),
      queryClient.ensureQueryData(referenceDataQueryOptions()),
    ]);
    if (!lead) throw notFound();
    const expert = approvedExpertOf(application);
    if (lead.is_mine) {
      const [proposals, payable] = await Promise.all([
        queryClient.ensureQueryData(leadProposalsQueryOptions(lead.id)),
        queryClient.ensureQueryData(payableQueryOptions(lead.id)),
        queryClient.ensureQueryData(contactAccessLogQueryOptions(lead.id)),
        ...(lead.kind === 'referral'
          ? [queryClient.ensureQueryData(leadReferralsQueryOptions(lead.id)), queryClient.ensureQueryData(approvedExpertsQueryOptions())]
          : []),
      ]);
      // The payer's receipt and review, read up front so the page does not flash a loading state
      // when a payment settles or the job completes; the proposers' ratings beside their cards.
      await Promise.all([
        queryClient.ensureQueryData(expertRatingsQueryOptions(proposalExpertIds(proposals))),
        ...(payable?.is_payer
          ? [queryClient.ensureQueryData(paymentsQueryOptions(payable.id)), queryClient.ensureQueryData(leadReviewQueryOptions(lead.id))]
          : []),
        ...paidJobMoney(queryClient, payable),
      ]);
    } else if (expert) {
      const [, payable] = await Promise.all([
        queryClient.ensureQueryData(myProposalsQueryOptions(lead.id, expert.id)),
        queryClient.ensureQueryData(payableQueryOptions(lead.id)),
        queryClient.ensureQueryData(cityDistanceQueryOptions(expert.city, lead.city)),
        ...(lead.visibility === 'private' ? [queryClient.ensureQueryData(myLeadReferralQueryOptions(lead.id, expert.id))] : []),
      ]);
      // Read (and allowed) only when the payable is this expert's job; RLS hides anyone else's.
      await Promise.all(paidJobMoney(queryClient, payable));
    }
  },
  component: LeadPage,
  notFoundComponent: LeadNotFound,
});

/** A paid job's refunds and dispute, read up front so the money sections do not flash a loading state. */
function paidJobMoney(queryClient: QueryClient, payable: Payable | null): Promise<unknown>[] {
  if (!payable || payable.status === 'due' || payable.status === 'cancelled') return [];
  return [queryClient.ensureQueryData(refundsQueryOptions(payable.id)), queryClient.ensureQueryData(disputeQueryOptions(payable.id))];
}

function proposalExpertIds(proposals: readonly ProposalWithExpert[]): string[] {
  return proposals.map((proposal) => proposal.expert_id);
}

function LeadPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <LeadContent key={session.user.id} userId={session.user.id} />;
}

function LeadContent({ userId }: { userId: string }) {
  const { leadId } = Route.useParams();
  const { posted, payment } = Route.useSearch();
  const { data: lead } = useSuspenseQuery(leadQueryOptions(leadId));
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const expert = approvedExpertOf(application);

  // Only if the lead disappeared after the loader ran: the next load shows "not found" too.
  if (!lead) return <LeadNotFound />;
  if (lead.is_mine) return <OwnerLeadView lead={lead} justPosted={posted === true} checkoutReturn={payment} />;
  if (expert) return <ExpertLeadView lead={lead} expert={expert} />;
  return <ReadOnlyLead leadId={leadId} />;
}

/** Someone else who may read the lead (an admin): the public part only. */
function ReadOnlyLead({ leadId }: { leadId: string }) {
  const { data: lead } = useSuspenseQuery(leadQueryOptions(leadId));
  useDocumentTitle(lead?.title);
  if (!lead) return null;
  return (
    <article className="lead-page" aria-labelledby="lead-title">
      <LeadOverview lead={lead} />
    </article>
  );
}

function LeadNotFound() {
  const t = useT();
  useDocumentTitle(t('lead.notFoundTitle'));
  return (
    <section className="status-screen">
      <h1>{t('lead.notFoundTitle')}</h1>
      <p>{t('lead.notFoundBody')}</p>
      <Link to="/jobs" className="button button-primary">
        {t('nav.myJobs')}
      </Link>
    </section>
  );
}
