// /referrals — an approved expert's referrals: invitations from peers to their referral leads
// (accept to see the lead and propose, or decline) and the invitations they sent.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { myReferralsQueryOptions } from '../../data/referrals/my-referrals-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ExpertsOnlyScreen } from '../-components/experts-only-screen.tsx';
import { ReceivedReferralCard, SentReferralItem } from '../-components/referral-cards.tsx';

export const Route = createFileRoute('/_auth/referrals/')({
  loader: async ({ context }) => {
    const application = await context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id));
    const expert = approvedExpertOf(application);
    if (!expert) return;
    await Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(myReferralsQueryOptions(expert.id)),
    ]);
  },
  component: ReferralsPage,
});

function ReferralsPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <ReferralsGate key={session.user.id} userId={session.user.id} />;
}

function ReferralsGate({ userId }: { userId: string }) {
  const t = useT();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const expert = approvedExpertOf(application);
  if (!expert) return <ExpertsOnlyScreen title={t('referrals.title')} application={application} />;
  return <Referrals expertId={expert.id} />;
}

function Referrals({ expertId }: { expertId: string }) {
  const t = useT();
  const { data } = useSuspenseQuery(myReferralsQueryOptions(expertId));
  useDocumentTitle(t('referrals.title'));

  return (
    <section className="referrals-page">
      <div className="page-heading">
        <h1>{t('referrals.title')}</h1>
        <Link to="/referrals/new" className="button button-primary">
          {t('referrals.new')}
        </Link>
      </div>
      <p className="lead">{t('referrals.intro')}</p>

      <section aria-labelledby="received-heading">
        <h2 id="received-heading">{t('referrals.received')}</h2>
        {data.received.length === 0 ? (
          <p className="muted">{t('referrals.receivedEmpty')}</p>
        ) : (
          <ul className="card-list">
            {data.received.map((referral) => (
              <li key={referral.id}>
                <ReceivedReferralCard referral={referral} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sent-heading" className="referrals-sent">
        <h2 id="sent-heading">{t('referrals.sent')}</h2>
        {data.sent.length === 0 ? (
          <p className="muted">{t('referrals.sentEmpty')}</p>
        ) : (
          <ul className="card-list">
            {data.sent.map((referral) => (
              <li key={referral.id}>
                <SentReferralItem referral={referral} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
