// On a referral lead's page, its owner invites chosen experts (refer_lead) and follows the
// invitations. The choice lists approved experts other than the owner and those already invited.
import { Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { approvedExpertsQueryOptions } from '../../data/leads/approved-experts-query.ts';
import type { Lead } from '../../data/leads/lead-types.ts';
import { useReferLeadMutation } from '../../data/referrals/refer-lead-mutation.ts';
import { leadReferralsQueryOptions } from '../../data/referrals/lead-referrals-query.ts';
import { useReferenceNames } from '../../data/reference/use-reference-names.ts';
import { FieldError } from '../../forms/field-messages.tsx';
import { FormError, FormNotice, SubmitButton } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { referralStatusLabel } from './lead-labels.ts';
import { RelativeTimeText } from './relative-time-text.tsx';

export function LeadInvitations({ lead }: { lead: Lead }) {
  const t = useT();
  const { data: invitations } = useSuspenseQuery(leadReferralsQueryOptions(lead.id));
  return (
    <>
      {lead.status === 'open' ? <InviteExpertForm lead={lead} invitedIds={invitations.map((invitation) => invitation.to_expert_id)} /> : null}
      {invitations.length === 0 ? (
        <p className="muted">{t('invite.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.to_expert ? (
                <Link to="/experts/$expertId" params={{ expertId: invitation.to_expert.id }}>
                  <bdi>{invitation.to_expert.display_name}</bdi>
                </Link>
              ) : null}{' '}
              · <span data-testid="invitation-status">{t(referralStatusLabel[invitation.status])}</span> ·{' '}
              <span className="muted">
                <RelativeTimeText value={invitation.created_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function InviteExpertForm({ lead, invitedIds }: { lead: Lead; invitedIds: readonly string[] }) {
  const t = useT();
  const names = useReferenceNames();
  const id = useId();
  const { data: experts } = useSuspenseQuery(approvedExpertsQueryOptions());
  const refer = useReferLeadMutation(lead.id);
  const [expertId, setExpertId] = useState('');
  const [missing, setMissing] = useState(false);
  const [invitedName, setInvitedName] = useState<string | null>(null);
  const choices = experts.filter((expert) => expert.id !== lead.referrer_expert_id && !invitedIds.includes(expert.id));
  const error = refer.isError ? databaseErrorMessage(refer.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!expertId) {
      setMissing(true);
      document.getElementById(`${id}-expert`)?.focus();
      return;
    }
    const name = experts.find((expert) => expert.id === expertId)?.display_name ?? '';
    refer.mutate(expertId, {
      onSuccess: () => {
        setInvitedName(name);
        setExpertId('');
      },
    });
  };

  return (
    <form noValidate className="invite-form" onSubmit={submit}>
      <p className="muted">{t(lead.visibility === 'private' ? 'invite.introPrivate' : 'invite.introBoard')}</p>
      {invitedName ? <FormNotice>{t('invite.sent', { name: invitedName })}</FormNotice> : null}
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <div className="field">
        <label htmlFor={`${id}-expert`}>{t('invite.expert')}</label>
        <select
          id={`${id}-expert`}
          value={expertId}
          disabled={refer.isPending}
          aria-invalid={missing && !expertId}
          aria-describedby={missing && !expertId ? `${id}-expert-error` : undefined}
          onChange={(event) => setExpertId(event.target.value)}
        >
          <option value="">{t('invite.choose')}</option>
          {choices.map((expert) => (
            <option key={expert.id} value={expert.id}>
              {t('invite.option', { name: expert.display_name, city: names.city(expert.city) })}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-expert-error`} error={missing && !expertId ? 'validation.chooseExpert' : undefined} />
      </div>
      <div>
        <SubmitButton pending={refer.isPending} label={t('invite.submit')} pendingLabel={t('invite.sending')} />
      </div>
    </form>
  );
}
