// Reference names in the current language, for components under a route whose loader has already
// ensured the reference data (so this never suspends in practice).
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/i18n-provider.tsx';
import { referenceDataQueryOptions } from './reference-data-query.ts';
import { nameLookups } from './reference-names.ts';

export function useReferenceNames() {
  const { locale } = useLocale();
  const { data: reference } = useSuspenseQuery(referenceDataQueryOptions());
  return useMemo(() => ({ reference, locale, ...nameLookups(reference, locale) }), [reference, locale]);
}
