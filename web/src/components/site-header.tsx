// Brand, main navigation, language switcher and who is signed in. The session comes from the query
// cache the root loader filled, so the header never flickers between signed-in and signed-out.
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { rolesQueryOptions } from '../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { SignOutButton } from './sign-out-button.tsx';

export function SiteHeader() {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          {t('app.brand')}
        </Link>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <Link to="/" activeOptions={{ exact: true }}>
            {t('nav.home')}
          </Link>
          <Link to="/experts">{t('nav.experts')}</Link>
          {session ? <MemberLinks userId={session.user.id} /> : null}
        </nav>
        <div className="header-end">
          <LanguageSwitcher />
          {session ? (
            <div className="auth-status">
              <span className="signed-in-as">
                <span className="visually-hidden">{t('header.signedInAs')} </span>
                <bdi data-testid="header-email">{session.user.email}</bdi>
              </span>
              <SignOutButton className="button button-quiet" />
            </div>
          ) : (
            <div className="auth-status">
              <Link to="/sign-in" className="button button-quiet">
                {t('nav.signIn')}
              </Link>
              <Link to="/sign-up" className="button button-primary">
                {t('nav.signUp')}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

/**
 * Links that depend on the user's roles. The root loader usually has the roles cached already; if
 * reading them failed, these links are simply missing rather than the whole page failing.
 */
function MemberLinks({ userId }: { userId: string }) {
  const t = useT();
  const { data: roles = [] } = useQuery(rolesQueryOptions(userId));
  return (
    <>
      <Link to="/account">{t('nav.account')}</Link>
      <Link to="/expert/apply">{roles.includes('expert') ? t('nav.expertProfile') : t('nav.applyAsExpert')}</Link>
      {roles.includes('admin') ? <Link to="/admin/applications">{t('nav.adminApplications')}</Link> : null}
    </>
  );
}
