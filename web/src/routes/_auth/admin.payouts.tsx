// /admin/payouts — paying experts out, for admins: the payout side of the platform's money (with a
// link to all of it on /admin/money); a new batch for a period that has ended; the newest batches;
// one batch to review (`?batch=<id>`): its payouts with amounts, netted carry and states, run from
// here and followed until Stripe confirms each; the batch and the ledger of a period as CSV for
// accounting. Signed-in non-admins get "not allowed", and nothing is fetched for them.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import { NotAllowedScreen } from '../../components/status-screens.tsx';
import { rolesQueryOptions } from '../../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { moneyPositionsQueryOptions } from '../../data/money/money-positions-query.ts';
import { batchPayoutsQueryOptions } from '../../data/payouts/batch-payouts-query.ts';
import { payoutBatchQueryOptions } from '../../data/payouts/payout-batch-query.ts';
import { payoutBatchesQueryOptions } from '../../data/payouts/payout-batches-query.ts';
import { FormNotice } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { formatUtcDay } from '../../lib/utc-day.ts';
import { LedgerExportForm } from '../-components/ledger-export-form.tsx';
import { NewPayoutBatchForm } from '../-components/new-payout-batch-form.tsx';
import { PayoutBatchList } from '../-components/payout-batch-list.tsx';
import { PayoutBatchReview } from '../-components/payout-batch-review.tsx';
import { PayoutPositions } from '../-components/payout-positions.tsx';

export const Route = createFileRoute('/_auth/admin/payouts')({
  // `?batch=<id>`: the batch under review. Anything else is ignored.
  validateSearch: z.object({
    batch: z.guid().optional().catch(undefined),
  }),
  loaderDeps: ({ search }) => ({ batch: search.batch }),
  loader: async ({ context, deps }) => {
    const roles = await context.queryClient.ensureQueryData(rolesQueryOptions(context.session.user.id));
    if (!roles.includes('admin')) return;
    await Promise.all([
      context.queryClient.ensureQueryData(moneyPositionsQueryOptions()),
      context.queryClient.ensureQueryData(payoutBatchesQueryOptions()),
      ...(deps.batch
        ? [
            context.queryClient.ensureQueryData(payoutBatchQueryOptions(deps.batch)),
            context.queryClient.ensureQueryData(batchPayoutsQueryOptions(deps.batch)),
          ]
        : []),
    ]);
  },
  component: AdminPayoutsPage,
});

function AdminPayoutsPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <AdminGate userId={session.user.id} />;
}

function AdminGate({ userId }: { userId: string }) {
  const { data: roles } = useSuspenseQuery(rolesQueryOptions(userId));
  return roles.includes('admin') ? <AdminPayouts /> : <NotAllowedScreen />;
}

function AdminPayouts() {
  const t = useT();
  const { locale } = useLocale();
  const { batch } = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('adminPayouts.title'));

  return (
    <section className="payouts-page">
      <h1>{t('adminPayouts.title')}</h1>
      <p className="lead">{t('adminPayouts.intro')}</p>
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <PayoutPositions />
      <NewPayoutBatchForm
        onCreated={(batchId, periodEnd) => {
          setNotice(t('adminPayouts.batchCreated', { period: formatUtcDay(periodEnd, locale) }));
          void navigate({ search: { batch: batchId } });
        }}
      />
      <PayoutBatchList selected={batch} />
      {batch ? <PayoutBatchReview batchId={batch} /> : null}
      <LedgerExportForm />
    </section>
  );
}
