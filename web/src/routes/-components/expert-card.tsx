// One expert in the directory: the name links to the full profile. Names the expert typed are
// wrapped in <bdi>, so a Latin name inside Hebrew text (or the reverse) keeps its own direction.
import { Link } from '@tanstack/react-router';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { ExpertFacts } from './expert-facts.tsx';

export function ExpertCard({ expert }: { expert: ExpertWithCategories }) {
  const headingId = `expert-${expert.id}`;
  return (
    <article className="card expert-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to="/experts/$expertId" params={{ expertId: expert.id }}>
          <bdi>{expert.display_name}</bdi>
        </Link>
      </h2>
      {expert.headline ? (
        <p className="expert-headline">
          <bdi>{expert.headline}</bdi>
        </p>
      ) : null}
      <ExpertFacts expert={expert} />
    </article>
  );
}
