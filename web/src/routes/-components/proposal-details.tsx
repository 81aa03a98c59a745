// One proposal's content: price, proposed date, message, status and when it was sent. Shared by the
// owner's list of proposals and the expert's view of their own.
import type { Proposal } from '../../data/leads/lead-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { proposalStatusLabel } from './lead-labels.ts';
import { RelativeTimeText } from './relative-time-text.tsx';

export function ProposalDetails({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <dl className="details">
        <dt>{t('proposal.price')}</dt>
        <dd data-testid="proposal-price">{formatMinorAmount(proposal.price_cents, proposal.currency, locale)}</dd>
        <dt>{t('proposal.date')}</dt>
        <dd>
          {proposal.proposed_date ? (
            <time dateTime={proposal.proposed_date}>
              {/* A date without a time: format it at noon UTC so no time zone moves it to another day. */}
              {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${proposal.proposed_date}T12:00:00Z`))}
            </time>
          ) : (
            t('proposal.noDate')
          )}
        </dd>
        <dt>{t('proposal.status')}</dt>
        <dd data-testid="proposal-status">{t(proposalStatusLabel[proposal.status])}</dd>
        <dt>{t('proposal.sent')}</dt>
        <dd>
          <RelativeTimeText value={proposal.created_at} />
        </dd>
      </dl>
      <p className="proposal-message preserve-lines">
        <bdi>{proposal.message}</bdi>
      </p>
    </>
  );
}
