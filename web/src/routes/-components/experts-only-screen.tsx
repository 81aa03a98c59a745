// For signed-in users on a page meant for approved experts (the lead board, referrals): what the
// page is and how to get there. The database refuses these pages' data to anyone else anyway.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import type { MyApplication } from '../../data/experts/my-application-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function ExpertsOnlyScreen({ title, application }: { title: string; application: MyApplication | null }) {
  const t = useT();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  useDocumentTitle(title);
  // A guest cannot apply (apply_as_expert refuses anonymous users): no way in to offer them here.
  const guest = session?.user.is_anonymous === true;
  return (
    <section className="status-screen" data-testid="experts-only">
      <h1>{title}</h1>
      <p>{t('expertsOnly.body')}</p>
      {guest ? null : (
        <>
          <p className="muted">{application ? t('expertsOnly.notYetApproved') : t('expertsOnly.apply')}</p>
          <Link to="/expert/apply" className="button button-primary">
            {application ? t('nav.expertProfile') : t('nav.applyAsExpert')}
          </Link>
        </>
      )}
    </section>
  );
}
