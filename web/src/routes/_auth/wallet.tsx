// /wallet — an approved expert's money: per currency, what is in escrow (the customer paid, the work
// is not confirmed yet), pending (confirmed, waiting out the 7-day hold) and available (can be paid
// out), and every movement behind those balances, newest first. Referral fees land here like the
// expert's own jobs. Anyone else gets a screen saying who the wallet is for.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import type { ExpertWithCategories } from '../../data/experts/expert-types.ts';
import { approvedExpertOf, myApplicationQueryOptions } from '../../data/experts/my-application-query.ts';
import { walletMovementsQueryOptions } from '../../data/wallet/wallet-movements-query.ts';
import { walletQueryOptions } from '../../data/wallet/wallet-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ExpertsOnlyScreen } from '../-components/experts-only-screen.tsx';
import { WalletBalances } from '../-components/wallet-balances.tsx';
import { WalletMovements } from '../-components/wallet-movements.tsx';

export const Route = createFileRoute('/_auth/wallet')({
  loader: async ({ context }) => {
    const application = await context.queryClient.ensureQueryData(myApplicationQueryOptions(context.session.user.id));
    const expert = approvedExpertOf(application);
    // my_wallet answers an empty wallet to anyone who is not an expert: only experts get the page.
    if (!expert) return;
    await Promise.all([
      context.queryClient.ensureQueryData(walletQueryOptions(expert.id)),
      context.queryClient.ensureQueryData(walletMovementsQueryOptions(expert.id)),
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
  if (!expert) return <ExpertsOnlyScreen title={t('wallet.title')} application={application} />;
  return <Wallet expert={expert} />;
}

function Wallet({ expert }: { expert: ExpertWithCategories }) {
  const t = useT();
  useDocumentTitle(t('wallet.title'));
  return (
    <section className="wallet-page">
      <h1>{t('wallet.title')}</h1>
      <p className="lead">{t('wallet.intro')}</p>
      <WalletBalances expertId={expert.id} />
      <WalletMovements expertId={expert.id} />
    </section>
  );
}
