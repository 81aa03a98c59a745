// /jobs — the signed-in user's own job requests (and an expert's referral leads), newest first,
// with where each stands and how many live proposals it has.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { myLeadsQueryOptions } from '../../data/leads/my-leads-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { MyLeadCard } from '../-components/my-lead-card.tsx';

export const Route = createFileRoute('/_auth/jobs/')({
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(myLeadsQueryOptions(context.session.user.id)),
    ]),
  component: MyJobsPage,
});

function MyJobsPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <MyJobs key={session.user.id} userId={session.user.id} />;
}

function MyJobs({ userId }: { userId: string }) {
  const t = useT();
  const { data: leads } = useSuspenseQuery(myLeadsQueryOptions(userId));
  useDocumentTitle(t('myJobs.title'));

  return (
    <section className="lead-list-page">
      <div className="page-heading">
        <h1>{t('myJobs.title')}</h1>
        <Link to="/jobs/new" className="button button-primary">
          {t('myJobs.post')}
        </Link>
      </div>
      {leads.length === 0 ? (
        <div className="card empty-state">
          <p>{t('myJobs.empty')}</p>
        </div>
      ) : (
        <ul className="card-list">
          {leads.map((lead) => (
            <li key={lead.id}>
              <MyLeadCard lead={lead} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
