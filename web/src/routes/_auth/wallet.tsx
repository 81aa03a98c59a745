// /wallet — an approved expert's money: per currency, what is in escrow (the customer paid, the work
// is not confirmed yet), pending (confirmed, waiting out the 7-day hold) and available (can be paid
// out), and every movement behind those balances, newest first. Referral fees land here like the
// expert's own jobs. Under the balances, the Stripe account the expert is paid out to (connecting it,
// what Stripe still needs, or "payouts active") and every payout so far. Stripe's onboarding sends
// the expert back here with `?connect=return` (or `?connect=refresh` for a new link). Anyone else
// gets a screen saying who the wallet is for.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { myPayoutsQueryOptions } from '../../data/payouts/my-payouts-query.ts';
import { payoutAccountQueryOptions } from '../../data/payouts/payout-account-query.ts';
import { walletMovementsQueryOptions } from '../../data/wallet/wallet-movements-query.ts';
import { walletQueryOptions } from '../../data/wallet/wallet-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ExpertsOnlyScreen } from '../-components/experts-only-screen.tsx';
import { PayoutAccountPanel, type ConnectReturn } from '../-components/payout-account-panel.tsx';
import { PayoutHistory } from '../-components/payout-history.tsx';
import { WalletBalances } from '../-components/wallet-balances.tsx';
import { WalletMovements } from '../-components/wallet-movements.tsx';

export const Route = createFileRoute('/_auth/wallet')({
  // Stripe's onboarding sends the expert back with `?connect=return`, or `?connect=refresh` when the
  // link had expired. Anything else is ignored.
  validateSearch: z.object({
    connect: z.enum(['return', 'refresh']).optional().catch(undefined),
  }),
  loader: async ({ context }) => {
    const application = await context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id));
    const expert = approvedExpertOf(application);
    // my_wallet answers an empty wallet to anyone who is not an expert: only experts get the page.
    if (!expert) return;
    await Promise.all([
      context.queryClient.ensureQueryData(walletQueryOptions(expert.id)),
      context.queryClient.ensureQueryData(walletMovementsQueryOptions(expert.id)),
      context.queryClient.ensureQueryData(payoutAccountQueryOptions(expert.id)),
      context.queryClient.ensureQueryData(myPayoutsQueryOptions(expert.id)),
    ]);
  },
  component: WalletPage,
});

function WalletPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <WalletGate key={session.user.id} userId={session.user.id} />;
}

function WalletGate({ userId }: { userId: string }) {
  const t = useT();
  const { data: application } = useSuspenseQuery(myApplicationQueryOptions(userId));
  const expert = approvedExpertOf(application);
  const { connect } = Route.useSearch();
  if (!expert) return <ExpertsOnlyScreen title={t('wallet.title')} application={application} />;
  return <Wallet expert={expert} connect={connect} />;
}

function Wallet({ expert, connect }: { expert: ExpertWithCategories; connect: ConnectReturn | undefined }) {
  const t = useT();
  useDocumentTitle(t('wallet.title'));
  return (
    <section className="wallet-page">
      <h1>{t('wallet.title')}</h1>
      <p className="lead">{t('wallet.intro')}</p>
      <WalletBalances expertId={expert.id} />
      <PayoutAccountPanel expertId={expert.id} connect={connect} />
      <PayoutHistory expertId={expert.id} />
      <WalletMovements expertId={expert.id} />
    </section>
  );
}
