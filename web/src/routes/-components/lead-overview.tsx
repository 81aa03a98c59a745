// The public part of a lead, as everyone who may see it sees it: badges, title, summary and the
// facts (category, city and how far, budget, when, proposals; the referrer on referral leads).
// Text the customer typed is wrapped in <bdi>, so English inside Hebrew (or the reverse) reads right.
import { Link } from '@tanstack/react-router';
import type { Lead } from '../../data/leads/lead-types.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { LeadKindBadge, LeadStatusBadge, formatPercent } from './lead-badges.tsx';
import { DateTimeText, RelativeTimeText } from './relative-time-text.tsx';

interface LeadOverviewProps {
  lead: Lead;
  /** Kilometres from the viewing expert's base city, when known. */
  distanceKm?: number | null;
  /** The owner also sees who can see the lead. */
  showVisibility?: boolean;
}

export function LeadOverview({ lead, distanceKm, showVisibility = false }: LeadOverviewProps) {
  const t = useT();
  const names = useReferenceNames();
  return (
    <header className="lead-overview">
      <p className="badges">
        <LeadKindBadge kind={lead.kind} sharePercent={lead.referrer_share_percent} />
        <LeadStatusBadge status={lead.status} />
      </p>
      <h1 id="lead-title">
        <bdi>{lead.title}</bdi>
      </h1>
      <p className="lead-summary">
        <bdi>{lead.summary}</bdi>
      </p>
      <dl className="details">
        <dt>{t('lead.category')}</dt>
        <dd>{names.category(lead.category)}</dd>
        <dt>{t('lead.city')}</dt>
        <dd data-testid="lead-city">
          {names.city(lead.city)}
          {distanceKm === null || distanceKm === undefined ? null : <span className="muted"> · {distanceLabel(t, distanceKm, names.locale)}</span>}
        </dd>
        <dt>{t('lead.budget')}</dt>
        <dd data-testid="lead-budget">
          {lead.budget_cents === null ? t('lead.noBudget') : formatMinorAmount(lead.budget_cents, lead.currency, names.locale)}
        </dd>
        <dt>{t('lead.posted')}</dt>
        <dd>
          <RelativeTimeText value={lead.created_at} />
        </dd>
        {lead.status === 'open' ? (
          <>
            <dt>{t('lead.expires')}</dt>
            <dd>
              <DateTimeText value={lead.expires_at} />
            </dd>
          </>
        ) : null}
        <dt>{t('lead.proposals')}</dt>
        <dd data-testid="lead-proposal-count">{lead.proposal_count}</dd>
        {lead.kind === 'referral' ? (
          <>
            <dt>{t('lead.referrer')}</dt>
            <dd>
              {lead.referrer ? (
                <Link to="/experts/$expertId" params={{ expertId: lead.referrer.id }}>
                  <bdi>{lead.referrer.display_name}</bdi>
                </Link>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('lead.referrerShare')}</dt>
            <dd data-testid="lead-referrer-share">
              {formatPercent(lead.referrer_share_percent, names.locale)}
              {lead.share_locked ? <span className="muted"> · {t('lead.shareLocked')}</span> : null}
            </dd>
          </>
        ) : null}
        {showVisibility ? (
          <>
            <dt>{t('lead.visibility')}</dt>
            <dd>{lead.visibility === 'board' ? t('lead.visibilityBoard') : t('lead.visibilityPrivate')}</dd>
          </>
        ) : null}
      </dl>
    </header>
  );
}

type Translate = ReturnType<typeof useT>;

/** "In your city" for 0 km, else "12.3 km from you". */
export function distanceLabel(t: Translate, km: number, locale: string): string {
  if (km === 0) return t('lead.inYourCity');
  return t('lead.distance', { km: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(km) });
}
