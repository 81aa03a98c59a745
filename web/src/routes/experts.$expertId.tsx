// /experts/:expertId — an approved expert's public profile. Anything else (unknown id, a pending
// or rejected application) is "not found", so the page reveals nothing about unpublished experts.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute, notFound } from '@tanstack/react-router';
import { expertQueryOptions } from '../data/experts/expert-query.ts';
import { referenceDataQueryOptions } from '../data/reference/reference-data-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { ExpertFacts } from './-components/expert-facts.tsx';

export const Route = createFileRoute('/experts/$expertId')({
  loader: async ({ context, params }) => {
    const [expert] = await Promise.all([
      context.queryClient.ensureQueryData(expertQueryOptions(params.expertId)),
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
    ]);
    if (!expert) throw notFound();
  },
  component: ExpertProfilePage,
  notFoundComponent: ExpertNotFound,
});

function ExpertProfilePage() {
  const t = useT();
  const { expertId } = Route.useParams();
  const { data: expert } = useSuspenseQuery(expertQueryOptions(expertId));
  useDocumentTitle(expert?.display_name ?? t('expert.notFoundTitle'));
  // Only if the expert was unpublished after the loader ran: the next load shows "not found".
  if (!expert) return <ExpertNotFound />;

  return (
    <article className="card expert-profile" aria-labelledby="expert-name">
      <p>
        <Link to="/experts">{t('expert.backToDirectory')}</Link>
      </p>
      <h1 id="expert-name">
        <bdi>{expert.display_name}</bdi>
      </h1>
      {expert.headline ? (
        <p className="lead">
          <bdi>{expert.headline}</bdi>
        </p>
      ) : null}
      <ExpertFacts expert={expert} full />
      <h2>{t('expert.about')}</h2>
      <p className="expert-bio">
        <bdi>{expert.bio}</bdi>
      </p>
    </article>
  );
}

function ExpertNotFound() {
  const t = useT();
  useDocumentTitle(t('expert.notFoundTitle'));
  return (
    <section className="status-screen">
      <h1>{t('expert.notFoundTitle')}</h1>
      <p>{t('expert.notFoundBody')}</p>
      <Link to="/experts" className="button button-primary">
        {t('expert.backToDirectory')}
      </Link>
    </section>
  );
}
