// /expert/apply — apply as an expert, or change the application (or, once approved, the live
// profile). Signed-in users only (the _auth guard); the status and the reviewer's note come first.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { profileQueryOptions } from '../../data/accounts/profile-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ApplicationStatus } from '../-components/application-status.tsx';
import { ExpertApplicationForm } from '../-components/expert-application-form.tsx';

export const Route = createFileRoute('/_auth/expert/apply')({
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(profileQueryOptions(context.session.user.id)),
      context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id)),
    ]),
  component: ExpertApplyPage,
});

function ExpertApplyPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <ExpertApplyContent key={session.user.id} userId={session.user.id} />;
}

function ExpertApplyContent({ userId }: { userId: string }) {
  const t = useT();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const { data: profile } = useSuspenseQuery(profileQueryOptions(userId));
  const title = application ? t('apply.editTitle') : t('apply.title');
  useDocumentTitle(title);

  return (
    <section className="card page-medium">
      <h1>{title}</h1>
      <p>{t('apply.intro')}</p>
      {application ? <ApplicationStatus application={application} /> : null}
      {application?.expert.status === 'suspended' ? null : <ExpertApplicationForm userId={userId} profileName={profile.display_name} />}
    </section>
  );
}
