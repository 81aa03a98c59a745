// The signed-in user's account page: email and roles, the editable profile, sign-out.
// More (expert status, payouts) will hang off it later.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { SignOutButton } from '../../components/sign-out-button.tsx';
import { profileQueryOptions } from '../../data/accounts/profile-query.ts';
import { rolesQueryOptions, type AppRole } from '../../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ProfileForm } from '../-components/profile-form.tsx';

export const Route = createFileRoute('/_auth/account')({
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(profileQueryOptions(context.session.user.id)),
      context.queryClient.ensureQueryData(rolesQueryOptions(context.session.user.id)),
    ]),
  component: AccountPage,
});

const roleLabel = { customer: 'role.customer', expert: 'role.expert', admin: 'role.admin' } as const satisfies Record<AppRole, string>;

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
        <dt>{t('account.roles')}</dt>
        <dd data-testid="account-roles">
          <RoleList userId={session.user.id} />
        </dd>
      </dl>
      <ProfileForm key={session.user.id} userId={session.user.id} />
      <div className="actions">
        <SignOutButton />
      </div>
    </section>
  );
}

function RoleList({ userId }: { userId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: roles } = useSuspenseQuery(rolesQueryOptions(userId));
  const order: readonly AppRole[] = ['customer', 'expert', 'admin'];
  const labels = order.filter((role) => roles.includes(role)).map((role) => t(roleLabel[role]));
  return <>{new Intl.ListFormat(locale, { type: 'conjunction' }).format(labels)}</>;
}
