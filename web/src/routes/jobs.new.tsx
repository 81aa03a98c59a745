// /jobs/new — post a job request. Open to everyone: signed-in users post as themselves, a signed-out
// visitor can sign in first or post as a guest (an anonymous session, started when they submit).
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { profileQueryOptions } from '../data/accounts/profile-query.ts';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { referenceDataQueryOptions } from '../data/reference/reference-data-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { JobRequestForm } from './-components/job-request-form.tsx';

export const Route = createFileRoute('/jobs/new')({
  loader: async ({ context }) => {
    const [session] = await Promise.all([
      context.queryClient.ensureQueryData(sessionQueryOptions()),
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
    ]);
    // Only to prefill the name; the form works without it.
    if (session) await context.queryClient.ensureQueryData(profileQueryOptions(session.user.id)).catch(() => undefined);
  },
  component: PostJobPage,
});

function PostJobPage() {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  useDocumentTitle(t('jobForm.title'));

  return (
    <section className="card page-medium">
      <h1>{t('jobForm.title')}</h1>
      <p>{t('jobForm.intro')}</p>
      {session ? null : <GuestChoice />}
      {/* Not keyed by user: the guest session that starts on submit must not reset the form. */}
      <JobRequestFormFor userId={session?.user.id ?? null} email={session?.user.email ?? ''} />
    </section>
  );
}

function JobRequestFormFor({ userId, email }: { userId: string | null; email: string }) {
  // The loader cached the profile, so the name is there on the first render (the form reads it once).
  const { data: profile } = useQuery({ ...profileQueryOptions(userId ?? ''), enabled: userId !== null });
  return <JobRequestForm signedIn={userId !== null} name={userId ? (profile?.display_name ?? '') : ''} email={email} />;
}

function GuestChoice() {
  const t = useT();
  return (
    <div className="guest-choice" data-testid="guest-choice">
      <p>{t('jobForm.guestIntro')}</p>
      <p>
        <Link to="/sign-in" search={{ redirect: '/jobs/new' }}>
          {t('nav.signIn')}
        </Link>{' '}
        ·{' '}
        <Link to="/sign-up" search={{ redirect: '/jobs/new' }}>
          {t('nav.signUp')}
        </Link>
      </p>
      <p className="muted">{t('jobForm.guestNote')}</p>
    </div>
  );
}
