// Landing page: what Guildhall is, in a few lines, and the way in.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export const Route = createFileRoute('/')({
  component: HomePage,
});

function HomePage() {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  useDocumentTitle();

  return (
    <section className="hero">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="hero-points">
        <li>{t('home.customers')}</li>
        <li>{t('home.experts')}</li>
      </ul>
      <div className="actions">
        {session ? (
          <Link to="/account" className="button button-primary">
            {t('home.ctaAccount')}
          </Link>
        ) : (
          <>
            <Link to="/sign-up" className="button button-primary">
              {t('home.ctaSignUp')}
            </Link>
            <Link to="/sign-in" className="button">
              {t('home.ctaSignIn')}
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
