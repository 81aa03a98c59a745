// /admin/applications — the admins' queue of pending expert applications. Signed-out visitors go
// to /sign-in (the _auth guard); signed-in non-admins get "not allowed", and their queue is never
// fetched (RLS would show them their own application, which is not a queue).
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { NotAllowedScreen } from '../../components/status-screens.tsx';
import { rolesQueryOptions } from '../../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { pendingApplicationsQueryOptions } from '../../data/experts/pending-applications-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { FormNotice } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ApplicationReviewCard } from '../-components/application-review-card.tsx';
import type { ExpertStatus } from '../-components/expert-status.ts';

export const Route = createFileRoute('/_auth/admin/applications')({
  loader: async ({ context }) => {
    const roles = await context.queryClient.ensureQueryData(rolesQueryOptions(context.session.user.id));
    if (!roles.includes('admin')) return;
    await Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(pendingApplicationsQueryOptions()),
    ]);
  },
  component: AdminApplicationsPage,
});

function AdminApplicationsPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <AdminGate userId={session.user.id} />;
}

function AdminGate({ userId }: { userId: string }) {
  const { data: roles } = useSuspenseQuery(rolesQueryOptions(userId));
  return roles.includes('admin') ? <ApplicationQueue /> : <NotAllowedScreen />;
}

function ApplicationQueue() {
  const t = useT();
  const { data: applications } = useSuspenseQuery(pendingApplicationsQueryOptions());
  const [lastDecision, setLastDecision] = useState<{ name: string; status: ExpertStatus } | null>(null);
  useDocumentTitle(t('admin.applicationsTitle'));

  return (
    <section className="review-queue">
      <h1>{t('admin.applicationsTitle')}</h1>
      <p className="lead">{t('admin.applicationsIntro')}</p>
      {lastDecision ? (
        <FormNotice>{t(lastDecision.status === 'approved' ? 'admin.approved' : 'admin.rejected', { name: lastDecision.name })}</FormNotice>
      ) : null}
      {applications.length === 0 ? (
        <div className="card empty-state">
          <p>{t('admin.empty')}</p>
        </div>
      ) : (
        <ul className="expert-list">
          {applications.map((application) => (
            <li key={application.id}>
              <ApplicationReviewCard application={application} onDecided={(name, status) => setLastDecision({ name, status })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
