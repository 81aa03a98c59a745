// The router's pending, error and not-found screens, and the not-allowed screen: all translated.
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function PendingScreen() {
  const t = useT();
  return (
    <div className="status-screen" role="status" aria-live="polite">
      <span className="spinner spinner-large" aria-hidden="true" />
      <p>{t('status.loading')}</p>
    </div>
  );
}

export function ErrorScreen({ error, reset }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  useEffect(() => {
    // Details stay in the console for developers; users get a translated, non-technical message.
    console.error(error);
  }, [error]);
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <section className="status-screen" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <button type="button" className="button button-primary" onClick={retry}>
        {t('error.retry')}
      </button>
    </section>
  );
}

export function NotFoundScreen() {
  const t = useT();
  return (
    <section className="status-screen">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="button button-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

/** For a signed-in user on a page their role does not open (the database would refuse the data anyway). */
export function NotAllowedScreen() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="status-screen">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <Link to="/" className="button button-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
