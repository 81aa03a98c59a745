// Where the applicant's application stands: its status, what that means, and the reviewer's note
// (a rejection usually says what to change). Approved experts get a link to their public profile.
import { Link } from '@tanstack/react-router';
import type { MyApplication } from '../../data/experts/my-application-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { statusBody, statusLabel } from './expert-status.ts';

export function ApplicationStatus({ application }: { application: MyApplication }) {
  const t = useT();
  const { status, id } = application.expert;
  return (
    <section
      className={`application-status application-status-${status}`}
      aria-labelledby="application-status-heading"
      data-testid="application-status"
    >
      <h2 id="application-status-heading">{t('apply.status', { status: t(statusLabel[status]) })}</h2>
      <p>{t(statusBody[status])}</p>
      {application.decisionNote ? (
        <p data-testid="decision-note">
          <strong>{t('apply.decisionNote')}</strong> <bdi>{application.decisionNote}</bdi>
        </p>
      ) : null}
      {status === 'approved' ? (
        <Link to="/experts/$expertId" params={{ expertId: id }}>
          {t('apply.viewPublic')}
        </Link>
      ) : null}
    </section>
  );
}
