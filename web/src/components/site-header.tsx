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
      {/* Signed in, the links no longer fit beside the brand and account controls (in Hebrew least of
          all): the navigation takes a row of its own under them. */}
      <div className={session ? 'site-header-inner site-header-two-rows' : 'site-header-inner'}>
        <Link to="/" className="brand">
          {t('app.brand')}
        </Link>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <Link to="/" activeOptions={{ exact: true }}>
            {t('nav.home')}
          </Link>
          <Link to="/experts">{t('nav.experts')}</Link>
          <Link to="/jobs/new">{t('nav.postJob')}</Link>
          {session ? <MemberLinks userId={session.user.id} isGuest={session.user.is_anonymous === true} /> : null}
        </nav>
        <div className="header-end">
          <LanguageSwitcher />
          {session ? (
            <div className="auth-status">
              <span className="signed-in-as">
                <span className="visually-hidden">{t('header.signedInAs')} </span>
                {/* A guest (anonymous session) has no email to show. */}
                <bdi data-testid="header-email">{session.user.email || t('header.guest')}</bdi>
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
 * reading them failed, these links are simply missing rather than the whole page failing. The
 * expert role is granted on approval, so it is what opens the lead board, referrals and the
 * wallet. A guest cannot apply as an expert (apply_as_expert refuses anonymous users), so the link
 * is left out.
 */
function MemberLinks({ userId, isGuest }: { userId: string; isGuest: boolean }) {
  const t = useT();
  const { data: roles = [] } = useQuery(rolesQueryOptions(userId));
  return (
    <>
      <Link to="/jobs" activeOptions={{ exact: true }}>
        {t('nav.myJobs')}
      </Link>
      {roles.includes('expert') ? (
        <>
          <Link to="/board">{t('nav.board')}</Link>
          <Link to="/referrals">{t('nav.referrals')}</Link>
          <Link to="/wallet">{t('nav.wallet')}</Link>
        </>
      ) : null}
      <Link to="/account">{t('nav.account')}</Link>
      {isGuest ? null : <Link to="/expert/apply">{roles.includes('expert') ? t('nav.expertProfile') : t('nav.applyAsExpert')}</Link>}
      {roles.includes('admin') ? (
        <>
          <Link to="/admin/applications">{t('nav.adminApplications')}</Link>
          <Link to="/admin/money">{t('nav.adminMoney')}</Link>
          <Link to="/admin/disputes">{t('nav.adminDisputes')}</Link>
          <Link to="/admin/payouts">{t('nav.adminPayouts')}</Link>
        </>
      ) : null}
    </>
  );
}
