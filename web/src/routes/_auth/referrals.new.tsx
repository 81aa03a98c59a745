// /referrals/new — an approved expert refers a job they cannot take: the multi-step referral form.
// Anyone else gets a screen saying who referrals are for (create_lead would refuse them anyway).
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { feePolicyQueryOptions } from '../../data/leads/fee-policy-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ExpertsOnlyScreen } from '../-components/experts-only-screen.tsx';
import { ReferralWizard } from '../-components/referral-wizard.tsx';

export const Route = createFileRoute('/_auth/referrals/new')({
  loader: async ({ context }) => {
    const application = await context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id));
    if (!approvedExpertOf(application)) return;
    await Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(feePolicyQueryOptions()),
    ]);
  },
  component: NewReferralPage,
});

function NewReferralPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <NewReferralGate key={session.user.id} userId={session.user.id} />;
}

function NewReferralGate({ userId }: { userId: string }) {
  const t = useT();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  if (!approvedExpertOf(application)) return <ExpertsOnlyScreen title={t('referralForm.title')} application={application} />;
  return <NewReferral />;
}

function NewReferral() {
  const t = useT();
  const { data: policy } = useSuspenseQuery(feePolicyQueryOptions());
  useDocumentTitle(t('referralForm.title'));
  return (
    <section className="card page-medium">
      <h1>{t('referralForm.title')}</h1>
      <p>{t('referralForm.intro')}</p>
      {/* Without a policy in force no split can be quoted or priced: say so rather than guess rates. */}
      {policy ? <ReferralWizard policy={policy} /> : <p className="form-error">{t('referralForm.noPolicy')}</p>}
    </section>
  );
}
