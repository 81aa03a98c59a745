// One lead on the board: title (to the lead page), kind (a referral shows the referrer's share),
// summary, budget, where and how far, when it was posted, and how many proposals it already has.
import { Link } from '@tanstack/react-router';
import type { BoardLead } from '../../data/leads/lead-board-query.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { LeadKindBadge } from './lead-badges.tsx';
import { distanceLabel } from './lead-overview.tsx';
import { RelativeTimeText } from './relative-time-text.tsx';

export function BoardLeadCard({ lead }: { lead: BoardLead }) {
  const t = useT();
  const names = useReferenceNames();
  const headingId = `board-lead-${lead.id}`;
  return (
    <article className="card lead-card" aria-labelledby={headingId} data-testid="board-lead">
      <p className="badges">
        <LeadKindBadge kind={lead.kind} sharePercent={lead.referrer_share_percent} />
        <span className="badge badge-category">{names.category(lead.category)}</span>
      </p>
      <h2 id={headingId}>
        <Link to="/jobs/$leadId" params={{ leadId: lead.id }}>
          <bdi>{lead.title}</bdi>
        </Link>
      </h2>
      <p className="lead-summary">
        <bdi>{lead.summary}</bdi>
      </p>
      <ul className="lead-meta">
        <li data-testid="board-lead-budget">
          {/* The RPC's return type says number, but a lead may have no budget. */}
          {lead.budget_cents === null ? t('lead.noBudget') : formatMinorAmount(lead.budget_cents, lead.currency, names.locale)}
        </li>
        <li data-testid="board-lead-where">
          {names.city(lead.city)} · {distanceLabel(t, lead.distance_km, names.locale)}
        </li>
        <li>
          {t('board.posted')} <RelativeTimeText value={lead.created_at} />
        </li>
        <li data-testid="board-lead-proposals">
          {lead.proposal_count === 1 ? t('lead.proposalsOne') : t('lead.proposalsMany', { count: lead.proposal_count })}
        </li>
      </ul>
    </article>
  );
}
