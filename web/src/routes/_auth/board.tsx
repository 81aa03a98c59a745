// /board?category=&distance=&min=&max=&kind= — the lead board for approved experts: open job
// requests and referral leads in their categories and service area (or the chosen filters), newest
// first, twenty at a time with "Load more". Anyone else gets a screen saying who the board is for.
import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { leadBoardQueryOptions } from '../../data/leads/lead-board-query.ts';
import { referenceDataQueryOptions } from '../../data/reference/reference-data-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { boardFilterArgs, boardSearchSchema, type BoardSearch } from '../../lib/board-search-schema.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BoardFilters } from '../-components/board-filters.tsx';
import { BoardLeadCard } from '../-components/board-lead-card.tsx';
import { ExpertsOnlyScreen } from '../-components/experts-only-screen.tsx';

export const Route = createFileRoute('/_auth/board')({
  validateSearch: boardSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const application = await context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id));
    // Only approved experts get a board; for anyone else lead_board would refuse (42501).
    if (!approvedExpertOf(application)) return;
    await Promise.all([
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
      context.queryClient.ensureInfiniteQueryData(leadBoardQueryOptions(boardFilterArgs(deps))),
    ]);
  },
  component: BoardPage,
});

function BoardPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <BoardGate key={session.user.id} userId={session.user.id} />;
}

function BoardGate({ userId }: { userId: string }) {
  const t = useT();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const expert = approvedExpertOf(application);
  if (!expert) return <ExpertsOnlyScreen title={t('board.title')} application={application} />;
  return <Board expert={expert} />;
}

function Board({ expert }: { expert: ExpertWithCategories }) {
  const t = useT();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const board = useSuspenseInfiniteQuery(leadBoardQueryOptions(boardFilterArgs(search)));
  const leads = board.data.pages.flat();
  useDocumentTitle(t('board.title'));

  // The page stays where it is: the user is at the filters, and only the cards below change.
  const setSearch = (next: BoardSearch) => void navigate({ search: next, resetScroll: false });

  return (
    <section className="lead-board">
      <div className="page-heading">
        <h1>{t('board.title')}</h1>
        <Link to="/referrals/new" className="button">
          {t('referrals.new')}
        </Link>
      </div>
      <p className="lead">{t('board.intro')}</p>
      <BoardFilters search={search} radiusKm={expert.service_radius_km} onChange={setSearch} />
      <p className="directory-count" role="status">
        {leads.length === 0 ? t('board.empty') : leads.length === 1 ? t('board.countOne') : t('board.countMany', { count: leads.length })}
      </p>
      {leads.length === 0 ? (
        <div className="card empty-state">
          <p className="muted">{t('board.emptyHint')}</p>
        </div>
      ) : (
        <ul className="card-list" data-testid="board-leads">
          {leads.map((lead) => (
            <li key={lead.id}>
              <BoardLeadCard lead={lead} />
            </li>
          ))}
        </ul>
      )}
      {board.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={board.isFetchingNextPage}
            aria-busy={board.isFetchingNextPage}
            onClick={() => void board.fetchNextPage()}
          >
            {board.isFetchingNextPage ? <span className="spinner" aria-hidden="true" /> : null}
            {board.isFetchingNextPage ? t('board.loadingMore') : t('board.loadMore')}
          </button>
        </div>
      ) : null}
      {board.isFetchNextPageError ? (
        <p className="inline-error" role="alert">
          {t('board.loadMoreFailed')}
        </p>
      ) : null}
    </section>
  );
}
