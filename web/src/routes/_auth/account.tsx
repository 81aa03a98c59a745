// The signed-in user's account page. More (profile, expert status, payouts) will hang off it later.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { SignOutButton } from '../../components/sign-out-button.tsx';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export const Route = createFileRoute('/_auth/account')({
  loader: ({ context }) => context.queryClient.ensureQueryData(sessionQueryOptions()),
  component: AccountPage,
});

function AccountPage() {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  useDocumentTitle(t('account.title'));
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;

  return (
    <section className="card page-narrow">
      <h1>{t('account.title')}</h1>
      <p>{t('account.intro')}</p>
      <dl className="details">
        <dt>{t('account.email')}</dt>
        <dd>
          <bdi data-testid="account-email">{session.user.email}</bdi>
        </dd>
      </dl>
      <div className="actions">
        <SignOutButton />
      </div>
    </section>
  );
}
