// One pending application in the admin queue: everything the applicant submitted, a note for them,
// and Approve / Reject. The card is named by the applicant, so each button's context is clear to
// screen readers moving between cards.
import { useId, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { useDecideApplicationMutation } from '../../data/experts/decide-application-mutation.ts';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { FormError } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import type { ExpertStatus } from './expert-status.ts';
import { ExpertFacts } from './expert-facts.tsx';

/** The decision_note column's limit. */
const NOTE_MAX = 2000;

interface ApplicationReviewCardProps {
  application: ExpertWithCategories;
  onDecided: (name: string, status: ExpertStatus) => void;
}

export function ApplicationReviewCard({ application, onDecided }: ApplicationReviewCardProps) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [note, setNote] = useState('');
  const decide = useDecideApplicationMutation();
  const error = decide.isError ? databaseErrorMessage(decide.error) : null;
  const noteTooLong = note.trim().length > NOTE_MAX;
  const submit = (approve: boolean) =>
    decide.mutate({ expertId: application.id, approve, note }, { onSuccess: (status) => onDecided(application.display_name, status) });
  const submittedAt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(application.submitted_at));

  return (
    <article className="card review-card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        <bdi>{application.display_name}</bdi>
      </h2>
      {application.headline ? (
        <p className="expert-headline">
          <bdi>{application.headline}</bdi>
        </p>
      ) : null}
      <p className="muted">
        {t('admin.submittedAt')}: <time dateTime={application.submitted_at}>{submittedAt}</time>
      </p>
      <ExpertFacts expert={application} full />
      <p className="expert-bio">
        <bdi>{application.bio}</bdi>
      </p>
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('field.decisionNote')}</label>
        <p id={`${id}-note-hint`} className="field-hint">
          {t('field.decisionNoteHint')}
        </p>
        <textarea
          id={`${id}-note`}
          rows={3}
          dir="auto"
          value={note}
          disabled={decide.isPending}
          aria-invalid={noteTooLong}
          aria-describedby={noteTooLong ? `${id}-note-hint ${id}-note-error` : `${id}-note-hint`}
          onChange={(event) => setNote(event.target.value)}
        />
        {noteTooLong ? (
          <p id={`${id}-note-error`} className="field-error" role="alert">
            {t('validation.noteTooLong')}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={decide.isPending || noteTooLong}
          aria-busy={decide.isPending && decide.variables?.approve === true}
          onClick={() => submit(true)}
        >
          {t('admin.approve')}
        </button>
        <button
          type="button"
          className="button"
          disabled={decide.isPending || noteTooLong}
          aria-busy={decide.isPending && decide.variables?.approve === false}
          onClick={() => submit(false)}
        >
          {t('admin.reject')}
        </button>
        {decide.isPending ? (
          <span className="muted" role="status">
            {t('admin.deciding')}
          </span>
        ) : null}
      </div>
    </article>
  );
}
