// Layout of every page: skip link, header, the routed page, footer. The loader reads the session
// (and the signed-in user's roles, for the header's links) up front so the header and the guards
// agree from the first paint.
import { Outlet, createRootRouteWithContext } from '@tanstack/react-router';
import { ErrorScreen, NotFoundScreen, PendingScreen } from '../components/status-screens.tsx';
import { SiteHeader } from '../components/site-header.tsx';
import { rolesQueryOptions } from '../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import type { RouterContext } from '../router.tsx';

export const Route = createRootRouteWithContext<RouterContext>()({
  loader: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    // Only links depend on the roles: failing to read them must not fail every page.
    if (session) await context.queryClient.ensureQueryData(rolesQueryOptions(session.user.id)).catch(() => undefined);
  },
  component: RootLayout,
  pendingComponent: PendingScreen,
  errorComponent: ErrorScreen,
  notFoundComponent: NotFoundScreen,
});

function RootLayout() {
  const t = useT();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {t('app.brand')} · {t('app.tagline')}
        </p>
      </footer>
    </div>
  );
}
