// /admin/money — the platform's money, per currency, for admins: commission earned, Stripe's fees
// and the net; what is held in escrow and on hold; what experts may be paid out; and completed jobs
// whose hold an admin can end early. Signed-in non-admins get "not allowed", and nothing is fetched
// for them (admin_money_positions would refuse anyway).
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { NotAllowedScreen } from '../../components/status-screens.tsx';
import { rolesQueryOptions } from '../../data/accounts/roles-query.ts';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { completedPayablesQueryOptions } from '../../data/money/completed-payables-query.ts';
import { moneyPositionsQueryOptions } from '../../data/money/money-positions-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { HeldPayables } from '../-components/held-payables.tsx';
import { MoneyPositions } from '../-components/money-positions.tsx';

export const Route = createFileRoute('/_auth/admin/money')({
  loader: async ({ context }) => {
    const roles = await context.queryClient.ensureQueryData(rolesQueryOptions(context.session.user.id));
    if (!roles.includes('admin')) return;
    await Promise.all([
      context.queryClient.ensureQueryData(moneyPositionsQueryOptions()),
      context.queryClient.ensureQueryData(completedPayablesQueryOptions()),
    ]);
  },
  component: AdminMoneyPage,
});

function AdminMoneyPage() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  // Right after sign-out the guard is about to redirect; render nothing in between.
  if (!session) return null;
  return <AdminGate userId={session.user.id} />;
}

function AdminGate({ userId }: { userId: string }) {
  const { data: roles } = useSuspenseQuery(rolesQueryOptions(userId));
  return roles.includes('admin') ? <AdminMoney /> : <NotAllowedScreen />;
}

function AdminMoney() {
  const t = useT();
  useDocumentTitle(t('money.title'));
  return (
    <section className="money-page">
      <h1>{t('money.title')}</h1>
      <p className="lead">{t('money.intro')}</p>
      <MoneyPositions />
      <HeldPayables />
    </section>
  );
}
