// Sets the tab title per page ("Sign in · Guildhall"), so screen readers announce where a
// client-side navigation landed and browser history entries are distinguishable.
import { useEffect } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';

export function useDocumentTitle(pageTitle?: string): void {
  const t = useT();
  const brand = t('app.brand');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${brand}` : brand;
  }, [pageTitle, brand]);
}
