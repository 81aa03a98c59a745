// /admin/disputes — the admins' disputes and refunds: open disputes first (oldest first), each
// with the job's amount, currency, what was refunded so far and the opener's message, resolved
// here; then recently resolved ones with the decision and note; then recent paid jobs, which an
// admin can refund outside a dispute. Signed-in non-admins get "not allowed", and nothing is
// fetched for them.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { NotAllowedScreen } from '../../components/status-screens.tsx';
import { rolesQueryOptions } from '../../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { adminDisputesQueryOptions } from '../../data/disputes/admin-disputes-query.ts';
import { refundablePayablesQueryOptions } from '../../data/refunds/refundable-payables-query.ts';
import { FormNotice } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { formatMinorAmount } from '../../lib/money.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AdminDisputeCard, type ResolvedNotice } from '../-components/admin-dispute-card.tsx';
import { AdminRefundCard, type RefundedNotice } from '../-components/admin-refund-card.tsx';

export const Route = createFileRoute('/_auth/admin/disputes')({
  loader: async ({ context }) => {
    const roles = await context.queryClient.ensureQueryData(rolesQueryOptions(context.session.user.id));
    if (!roles.includes('admin')) return;
    await Promise.all([
      context.queryClient.ensureQueryData(adminDisputesQueryOptions()),
      context.queryClient.ensureQueryData(refundablePayablesQueryOptions()),
    ]);
  },
  component: AdminDisputesPage,
});

function AdminDisputesPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <AdminGate userId={session.user.id} />;
}

function AdminGate({ userId }: { userId: string }) {
  const { data: roles } = useSuspenseQuery(rolesQueryOptions(userId));
  return roles.includes('admin') ? <AdminDisputes /> : <NotAllowedScreen />;
}

/** What the admin just did, for the notice at the top (the card itself may have moved or gone). */
function noticeText(t: Translate, locale: string, notice: ResolvedNotice | RefundedNotice): string {
  const later = notice.push === 'later' ? ` ${t('adminDisputes.pushLater')}` : '';
  if ('resolution' in notice) {
    if (notice.resolution.outcome === 'release') return t('adminDisputes.resolvedReleased', { title: notice.title });
    const amount = formatMinorAmount(notice.resolution.refundCents, notice.currency, locale);
    return t('adminDisputes.resolvedRefunded', { title: notice.title, amount }) + later;
  }
  return (
    t('adminDisputes.refunded', {
      title: notice.title,
      amount: formatMinorAmount(notice.amountCents, notice.currency, locale),
    }) + later
  );
}

function AdminDisputes() {
  const t = useT();
  const { locale } = useLocale();
  const { data: disputes } = useSuspenseQuery(adminDisputesQueryOptions());
  const { data: refundable } = useSuspenseQuery(refundablePayablesQueryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('adminDisputes.title'));

  return (
    <section className="disputes-page">
      <h1>{t('adminDisputes.title')}</h1>
      <p className="lead">{t('adminDisputes.intro')}</p>
      {notice ? <FormNotice>{notice}</FormNotice> : null}

      <section aria-labelledby="open-disputes-heading">
        <h2 id="open-disputes-heading">{t('adminDisputes.openHeading', { count: disputes.open.length })}</h2>
        {disputes.open.length === 0 ? (
          <p className="muted" data-testid="no-open-disputes">
            {t('adminDisputes.noOpen')}
          </p>
        ) : (
          <ul className="card-list" data-testid="open-disputes">
            {disputes.open.map((dispute) => (
              <li key={dispute.id}>
                <AdminDisputeCard dispute={dispute} onResolved={(resolved) => setNotice(noticeText(t, locale, resolved))} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="resolved-disputes-heading">
        <h2 id="resolved-disputes-heading">{t('adminDisputes.resolvedHeading')}</h2>
        {disputes.resolved.length === 0 ? (
          <p className="muted">{t('adminDisputes.noResolved')}</p>
        ) : (
          <ul className="card-list" data-testid="resolved-disputes">
            {disputes.resolved.map((dispute) => (
              <li key={dispute.id}>
                <AdminDisputeCard dispute={dispute} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="refundable-heading">
        <h2 id="refundable-heading">{t('adminDisputes.refundableHeading')}</h2>
        <p className="muted">{t('adminDisputes.refundableIntro')}</p>
        {refundable.length === 0 ? (
          <p className="muted">{t('adminDisputes.noRefundable')}</p>
        ) : (
          <ul className="card-list" data-testid="refundable-payables">
            {refundable.map((payable) => (
              <li key={payable.id}>
                <AdminRefundCard payable={payable} onRefunded={(refunded) => setNotice(noticeText(t, locale, refunded))} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
