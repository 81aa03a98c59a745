// Reviews as the expert's public profile lists them: stars, who wrote it (the name they chose to
// show), when, and the text. Review text is the customer's, so it is wrapped in <bdi>.
import { useId } from 'react';
import type { Review } from '../../data/reviews/review-types.ts';
import { RelativeTimeText } from './relative-time-text.tsx';
import { Stars } from './star-rating.tsx';

export function ReviewList({ reviews }: { reviews: readonly Review[] }) {
  return (
    <ul className="review-list" data-testid="reviews">
      {reviews.map((review) => (
        <li key={review.id}>
          <ReviewCard review={review} />
        </li>
      ))}
    </ul>
  );
}

export function ReviewCard({ review }: { review: Review }) {
  const id = useId();
  return (
    <article className="review-card" aria-labelledby={`${id}-by`} data-testid="review">
      <p className="review-meta">
        <Stars value={review.stars} />{' '}
        <strong id={`${id}-by`} data-testid="review-author">
          <bdi>{review.reviewer_name}</bdi>
        </strong>{' '}
        · <RelativeTimeText value={review.created_at} />
      </p>
      {review.body ? (
        <p className="review-body preserve-lines" data-testid="review-body">
          <bdi>{review.body}</bdi>
        </p>
      ) : null}
    </article>
  );
}
