// /experts?category=&city=&language= — the public directory of approved experts, for everyone.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { searchExpertsQueryOptions } from '../data/experts/search-experts-query.ts';
import { referenceDataQueryOptions } from '../data/reference/reference-data-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { directorySearchSchema, withFilter, type DirectoryFilter } from '../lib/directory-search-schema.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { DirectoryFilters } from './-components/directory-filters.tsx';
import { ExpertCard } from './-components/expert-card.tsx';

export const Route = createFileRoute('/experts/')({
  validateSearch: directorySearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureQueryData(searchExpertsQueryOptions(deps)),
    ]),
  component: DirectoryPage,
});

function DirectoryPage() {
  const t = useT();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: experts } = useSuspenseQuery(searchExpertsQueryOptions(search));
  useDocumentTitle(t('directory.title'));

  // The page stays where it is: the user is at the filters, and only the results below change.
  const setFilter = (filter: DirectoryFilter, value: string) =>
    void navigate({ search: (current) => withFilter(current, filter, value), resetScroll: false });

  return (
    <section className="directory">
      <h1>{t('directory.title')}</h1>
      <p className="lead">{t('directory.intro')}</p>
      <DirectoryFilters search={search} onChange={setFilter} />
      <p className="directory-count" role="status">
        {experts.length === 1 ? t('directory.countOne') : t('directory.countMany', { count: experts.length })}
      </p>
      {experts.length === 0 ? (
        <div className="card empty-state">
          <p>{t('directory.empty')}</p>
          <p className="muted">{t('directory.emptyHint')}</p>
        </div>
      ) : (
        <ul className="expert-list">
          {experts.map((expert) => (
            <li key={expert.id}>
              <ExpertCard expert={expert} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
