// The owner's record of who saw the client's contact details: the owner themselves, the chosen
// expert (linked to their public profile) or an admin; which fields; when. Newest first.
import { Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { contactAccessLogQueryOptions } from '../../data/leads/contact-access-log-query.ts';
import type { AccessLogEntry } from '../../data/leads/lead-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { contactFieldLabel } from './lead-labels.ts';
import { DateTimeText } from './relative-time-text.tsx';

export function ContactAccessLog({ leadId }: { leadId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: entries } = useSuspenseQuery(contactAccessLogQueryOptions(leadId));
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });

  if (entries.length === 0) return <p className="muted">{t('accessLog.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="access-log">
        <caption className="visually-hidden">{t('accessLog.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.who')}</th>
            <th scope="col">{t('accessLog.what')}</th>
            <th scope="col">{t('accessLog.when')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Revealer entry={entry} />
              </td>
              <td>{list.format(entry.fields.map((field) => (contactFieldLabel[field] ? t(contactFieldLabel[field]) : field)))}</td>
              <td>
                <DateTimeText value={entry.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Revealer({ entry }: { entry: AccessLogEntry }) {
  const t = useT();
  if (entry.revealer_role === 'owner') return <>{t('accessLog.you')}</>;
  if (entry.revealer_role === 'admin') return <>{t('accessLog.admin')}</>;
  return (
    <>
      {t('accessLog.chosenExpert')}{' '}
      {entry.expert ? (
        <Link to="/experts/$expertId" params={{ expertId: entry.expert.id }}>
          <bdi>{entry.expert.display_name}</bdi>
        </Link>
      ) : null}
    </>
  );
}
