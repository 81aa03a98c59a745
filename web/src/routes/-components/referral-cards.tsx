// Referral invitations on /referrals. A received one shows the lead's public part, who invited and
// the referrer's share, with Accept / Decline while pending; once accepted, a link to the lead to
// propose. A sent one shows the lead, the invited expert and where the invitation stands.
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useRespondToReferralMutation } from '../../data/referrals/respond-to-referral-mutation.ts';
import type { Referral } from '../../data/referrals/referral-types.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { formatPercent } from './lead-badges.tsx';
import { leadStatusLabel, referralStatusLabel } from './lead-labels.ts';
import { RelativeTimeText } from './relative-time-text.tsx';

export function ReceivedReferralCard({ referral }: { referral: Referral }) {
  const t = useT();
  const names = useReferenceNames();
  const id = useId();
  const { lead } = referral;
  const title = lead?.title ?? t('referrals.leadHidden');

  return (
    <article className="card referral-card" aria-labelledby={`${id}-title`} data-testid="received-referral">
      <p className="badges">
        <span className="badge" data-testid="referral-status">
          {t(referralStatusLabel[referral.status])}
        </span>
        {lead && lead.status !== 'open' ? <span className="badge">{t(leadStatusLabel[lead.status])}</span> : null}
      </p>
      <h3 id={`${id}-title`}>
        {lead && referral.status !== 'declined' ? (
          <Link to="/jobs/$leadId" params={{ leadId: lead.id }}>
            <bdi>{title}</bdi>
          </Link>
        ) : (
          <bdi>{title}</bdi>
        )}
      </h3>
      {lead ? (
        <p className="lead-summary">
          <bdi>{lead.summary}</bdi>
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('referrals.from')}</dt>
        <dd>
          {referral.from_expert ? (
            <Link to="/experts/$expertId" params={{ expertId: referral.from_expert.id }}>
              <bdi>{referral.from_expert.display_name}</bdi>
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('lead.referrerShare')}</dt>
        <dd>{formatPercent(referral.referrer_share_percent, names.locale)}</dd>
        {lead ? (
          <>
            <dt>{t('lead.budget')}</dt>
            <dd>{lead.budget_cents === null ? t('lead.noBudget') : formatMinorAmount(lead.budget_cents, lead.currency, names.locale)}</dd>
            <dt>{t('lead.category')}</dt>
            <dd>{names.category(lead.category)}</dd>
            <dt>{t('lead.city')}</dt>
            <dd>{names.city(lead.city)}</dd>
          </>
        ) : null}
        <dt>{t('referrals.invited')}</dt>
        <dd>
          <RelativeTimeText value={referral.created_at} />
        </dd>
      </dl>
      {referral.status === 'pending' && lead?.status === 'open' ? <ReferralResponse referralId={referral.id} /> : null}
      {referral.status === 'pending' && lead && lead.status !== 'open' ? <p className="muted">{t('referrals.leadClosed')}</p> : null}
      {referral.status === 'accepted' && lead ? (
        <div className="actions">
          <Link to="/jobs/$leadId" params={{ leadId: lead.id }} className="button button-primary">
            {t('referrals.openLead')}
          </Link>
        </div>
      ) : null}
    </article>
  );
}

/** Accept or decline an invitation: on /referrals and on the invited lead's own page. */
export function ReferralResponse({ referralId }: { referralId: string }) {
  const t = useT();
  const respond = useRespondToReferralMutation();
  const error = respond.isError ? databaseErrorMessage(respond.error) : null;
  return (
    <>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={respond.isPending}
          aria-busy={respond.isPending && respond.variables?.accept === true}
          onClick={() => respond.mutate({ referralId, accept: true })}
        >
          {t('referrals.accept')}
        </button>
        <button
          type="button"
          className="button"
          disabled={respond.isPending}
          aria-busy={respond.isPending && respond.variables?.accept === false}
          onClick={() => respond.mutate({ referralId, accept: false })}
        >
          {t('referrals.decline')}
        </button>
      </div>
    </>
  );
}

export function SentReferralItem({ referral }: { referral: Referral }) {
  const t = useT();
  const id = useId();
  return (
    <article className="card referral-card" aria-labelledby={`${id}-title`} data-testid="sent-referral">
      <h3 id={`${id}-title`}>
        {referral.lead ? (
          <Link to="/jobs/$leadId" params={{ leadId: referral.lead.id }}>
            <bdi>{referral.lead.title}</bdi>
          </Link>
        ) : (
          t('referrals.leadHidden')
        )}
      </h3>
      <p>
        {t('referrals.to')}{' '}
        {referral.to_expert ? (
          <Link to="/experts/$expertId" params={{ expertId: referral.to_expert.id }}>
            <bdi>{referral.to_expert.display_name}</bdi>
          </Link>
        ) : null}{' '}
        · <span data-testid="referral-status">{t(referralStatusLabel[referral.status])}</span> ·{' '}
        <span className="muted">
          <RelativeTimeText value={referral.created_at} />
        </span>
      </p>
    </article>
  );
}
