// Small labels on lead cards and pages: what kind of lead it is (a referral shows the referrer's
// share) and where it stands. Colour is never the only signal: the text says it.
import type { LeadKind, LeadStatus } from '../../data/leads/lead-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { leadKindLabel, leadStatusLabel } from './lead-labels.ts';

export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

export function LeadKindBadge({ kind, sharePercent }: { kind: LeadKind; sharePercent: number }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <span className={`badge badge-${kind}`} data-testid="lead-kind">
      {kind === 'referral' ? t('leadKind.referralWithShare', { share: formatPercent(sharePercent, locale) }) : t(leadKindLabel[kind])}
    </span>
  );
}

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-status-${status}`} data-testid="lead-status">
      {t(leadStatusLabel[status])}
    </span>
  );
}
