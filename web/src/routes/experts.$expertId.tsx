// /experts/:expertId — an approved expert's public profile with their rating and the reviews of
// their completed jobs. Anything else (unknown id, a pending or rejected application) is "not
// found", so the page reveals nothing about unpublished experts.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute, notFound } from '@tanstack/react-router';
import { expertQueryOptions } from '../data/experts/expert-query.ts';
import { referenceDataQueryOptions } from '../data/reference/reference-data-query.ts';
import { expertRatingsQueryOptions } from '../data/reviews/expert-ratings-query.ts';
import { expertReviewsQueryOptions } from '../data/reviews/expert-reviews-query.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { ExpertFacts } from './-components/expert-facts.tsx';
import { ReviewList } from './-components/review-list.tsx';
import { RatingSummary } from './-components/star-rating.tsx';

export const Route = createFileRoute('/experts/$expertId')({
  loader: async ({ context, params }) => {
    const [expert] = await Promise.all([
      context.queryClient.ensureQueryData(expertQueryOptions(params.expertId)),
      context.queryClient.ensureQueryData(referenceDataQueryOptions()),
    ]);
    if (!expert) throw notFound();
    await Promise.all([
      context.queryClient.ensureQueryData(expertRatingsQueryOptions([expert.id])),
      context.queryClient.ensureQueryData(expertReviewsQueryOptions(expert.id)),
    ]);
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
      <ExpertRatingSummary expertId={expert.id} />
      <ExpertFacts expert={expert} full />
      <h2>{t('expert.about')}</h2>
      <p className="expert-bio">
        <bdi>{expert.bio}</bdi>
      </p>
      <ExpertReviews expertId={expert.id} />
    </article>
  );
}

function ExpertRatingSummary({ expertId }: { expertId: string }) {
  const { data: ratings } = useSuspenseQuery(expertRatingsQueryOptions([expertId]));
  return <RatingSummary rating={ratings.get(expertId)} />;
}

function ExpertReviews({ expertId }: { expertId: string }) {
  const t = useT();
  const { data: reviews } = useSuspenseQuery(expertReviewsQueryOptions(expertId));
  return (
    <section aria-labelledby="reviews-heading" className="expert-reviews">
      <h2 id="reviews-heading">{t('expert.reviews')}</h2>
      {reviews.length === 0 ? <p className="muted">{t('expert.noReviews')}</p> : <ReviewList reviews={reviews} />}
    </section>
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
