// The lead owner's list of proposals, each named by its expert (linked to their public profile) with
// the expert's rating from earlier jobs, and Accept on the submitted ones while the lead is open.
// Accepting asks first: it declines every other proposal and gives the chosen expert access to the
// contact details.
import { Link } from '@tanstack/react-router';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { leadProposalsQueryOptions } from '../../data/leads/lead-proposals-query.ts';
import type { Lead, ProposalWithExpert } from '../../data/leads/lead-types.ts';
import { useAcceptProposalMutation } from '../../data/leads/owner-mutations.ts';
import { expertRatingsQueryOptions } from '../../data/reviews/expert-ratings-query.ts';
import type { ExpertRating } from '../../data/reviews/review-types.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { ProposalDetails } from './proposal-details.tsx';
import { RatingSummary } from './star-rating.tsx';

export function OwnerProposals({ lead }: { lead: Lead }) {
  const t = useT();
  const { data: proposals } = useSuspenseQuery(leadProposalsQueryOptions(lead.id));
  const accept = useAcceptProposalMutation(lead.id);
  const error = accept.isError ? databaseErrorMessage(accept.error) : null;
  // Withdrawn proposals are the expert's business; the owner sees live and decided ones.
  const shown = proposals.filter((proposal) => proposal.status !== 'withdrawn');
  // Not suspending: a proposal from a new expert shows at once, its rating a moment later.
  const { data: ratings } = useQuery(expertRatingsQueryOptions(proposals.map((proposal) => proposal.expert_id)));

  return (
    <>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      {shown.length === 0 ? (
        <p className="muted">
          {lead.status === 'open' ? t(lead.kind === 'referral' ? 'owner.noProposalsReferral' : 'owner.noProposals') : t('owner.noProposalsClosed')}
        </p>
      ) : (
        <ul className="card-list">
          {shown.map((proposal) => (
            <li key={proposal.id}>
              <OwnerProposalCard
                proposal={proposal}
                rating={ratings?.get(proposal.expert_id)}
                ratingLoaded={ratings !== undefined}
                canAccept={lead.status === 'open' && proposal.status === 'submitted'}
                accepting={accept.isPending && accept.variables === proposal.id}
                busy={accept.isPending}
                onAccept={() => accept.mutate(proposal.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface OwnerProposalCardProps {
  proposal: ProposalWithExpert;
  rating: ExpertRating | undefined;
  ratingLoaded: boolean;
  canAccept: boolean;
  accepting: boolean;
  busy: boolean;
  onAccept: () => void;
}

function OwnerProposalCard({ proposal, rating, ratingLoaded, canAccept, accepting, busy, onAccept }: OwnerProposalCardProps) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const name = proposal.expert?.display_name ?? t('owner.unknownExpert');
  const price = formatMinorAmount(proposal.price_cents, proposal.currency, locale);
  return (
    <article className={`card proposal-card proposal-${proposal.status}`} aria-labelledby={`${id}-name`} data-testid="proposal">
      <h3 id={`${id}-name`}>
        {proposal.expert ? (
          <Link to="/experts/$expertId" params={{ expertId: proposal.expert.id }}>
            <bdi>{name}</bdi>
          </Link>
        ) : (
          <bdi>{name}</bdi>
        )}
      </h3>
      {ratingLoaded ? <RatingSummary rating={rating} /> : null}
      {proposal.expert?.headline ? (
        <p className="expert-headline">
          <bdi>{proposal.expert.headline}</bdi>
        </p>
      ) : null}
      <ProposalDetails proposal={proposal} />
      {canAccept ? (
        <div className="actions">
          <ConfirmAction
            label={t('owner.accept')}
            question={t('owner.acceptQuestion', { name, price })}
            confirmLabel={t('owner.acceptConfirm')}
            keepLabel={t('owner.acceptKeep')}
            pending={accepting}
            pendingLabel={t('owner.accepting')}
            onConfirm={() => {
              if (!busy) onAccept();
            }}
          />
        </div>
      ) : null}
    </article>
  );
}
