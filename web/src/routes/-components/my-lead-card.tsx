// One of the user's own leads in /jobs: title (to the lead page), status, kind, proposals, budget.
import { Link } from '@tanstack/react-router';
import type { LeadRow } from '../../data/leads/lead-types.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { LeadKindBadge, LeadStatusBadge } from './lead-badges.tsx';
import { RelativeTimeText } from './relative-time-text.tsx';

export function MyLeadCard({ lead }: { lead: LeadRow }) {
  const t = useT();
  const names = useReferenceNames();
  const headingId = `lead-${lead.id}`;
  return (
    <article className="card lead-card" aria-labelledby={headingId} data-testid="my-lead">
      <p className="badges">
        <LeadStatusBadge status={lead.status} />
        {lead.kind === 'referral' ? <LeadKindBadge kind={lead.kind} sharePercent={lead.referrer_share_percent} /> : null}
      </p>
      <h2 id={headingId}>
        <Link to="/jobs/$leadId" params={{ leadId: lead.id }}>
          <bdi>{lead.title}</bdi>
        </Link>
      </h2>
      <ul className="lead-meta">
        <li>{names.category(lead.category)}</li>
        <li>{names.city(lead.city)}</li>
        <li>{lead.budget_cents === null ? t('lead.noBudget') : formatMinorAmount(lead.budget_cents, lead.currency, names.locale)}</li>
        <li data-testid="my-lead-proposals">
          {lead.proposal_count === 1 ? t('lead.proposalsOne') : t('lead.proposalsMany', { count: lead.proposal_count })}
        </li>
        <li>
          <RelativeTimeText value={lead.created_at} />
        </li>
      </ul>
    </article>
  );
}
