// The wallet's payout account: how the expert gets paid. Not connected: "Connect payouts", which
// leaves for Stripe's hosted onboarding. Connected but not ready: what Stripe still needs (in plain
// words where we know the requirement, else as Stripe names it) and "Continue onboarding" for a new
// link. Ready: "Payouts active". Back from Stripe (`?connect=return`), the account's state arrives in
// Stripe's account.updated webhook a moment later, so the panel re-reads it every second (30 seconds
// at most) and says it is checking. A link that had expired or was left (`?connect=refresh`) is not
// followed by a new one on its own, since "Not now" lands there too: the panel says so and offers one.
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useConnectPayoutsMutation } from '../../data/payouts/connect-payouts-mutation.ts';
import { payoutAccountQueryOptions } from '../../data/payouts/payout-account-query.ts';
import { payoutErrorDisplay } from '../../data/payouts/payout-function-error.ts';
import type { PayoutAccount } from '../../data/payouts/payout-types.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { disabledReasonKey, requirementItems } from './payout-labels.ts';

export type ConnectReturn = 'return' | 'refresh';

export const ACCOUNT_POLL_MS = 1_000;
export const ACCOUNT_WAIT_MS = 30_000;

export function PayoutAccountPanel({ expertId, connect }: { expertId: string; connect: ConnectReturn | undefined }) {
  const t = useT();
  const id = useId();
  const [gaveUp, setGaveUp] = useState(false);
  const returning = connect === 'return';
  const { data: account } = useSuspenseQuery({
    ...payoutAccountQueryOptions(expertId),
    refetchInterval: (query) => (returning && !gaveUp && query.state.data?.ready !== true ? ACCOUNT_POLL_MS : false),
  });
  const ready = account?.ready === true;
  const waiting = returning && !ready && !gaveUp;

  useEffect(() => {
    if (!waiting) return;
    const stop = window.setTimeout(() => setGaveUp(true), ACCOUNT_WAIT_MS);
    return () => window.clearTimeout(stop);
  }, [waiting]);

  const state = !account ? 'none' : ready ? 'ready' : 'incomplete';
  return (
    <section className="card payout-account" aria-labelledby={`${id}-heading`} data-testid="payout-account" data-state={state}>
      <h2 id={`${id}-heading`}>{t('payoutAccount.heading')}</h2>
      {returning && ready ? <FormNotice>{t('payoutAccount.connected')}</FormNotice> : null}
      {waiting ? (
        <p className="lead-state-message waiting" role="status" data-testid="payout-account-checking">
          <span className="spinner" aria-hidden="true" /> {t('payoutAccount.checking')}
        </p>
      ) : null}
      {returning && !ready && gaveUp ? <p className="muted">{t('payoutAccount.notConfirmedYet')}</p> : null}
      {connect === 'refresh' && !ready ? <FormNotice>{t('payoutAccount.linkExpired')}</FormNotice> : null}
      {!account ? <NotConnected /> : ready ? <Active /> : <Incomplete account={account} />}
    </section>
  );
}

function NotConnected() {
  const t = useT();
  return (
    <>
      <p>{t('payoutAccount.notConnected')}</p>
      <ConnectButton label={t('payoutAccount.connect')} />
    </>
  );
}

function Incomplete({ account }: { account: PayoutAccount }) {
  const t = useT();
  const items = requirementItems(account.requirements_due);
  const reason = disabledReasonKey(account.disabled_reason);
  return (
    <>
      <p data-testid="payout-account-state">
        {account.details_submitted ? t('payoutAccount.incompleteSubmitted') : t('payoutAccount.incompleteStarted')}
      </p>
      {reason ? (
        <p className="muted" data-testid="payout-account-disabled">
          {t(reason, { reason: account.disabled_reason ?? '' })}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="payout-requirements">
          <h3>{t('payoutAccount.stillNeeded')}</h3>
          <ul data-testid="payout-requirements">
            {items.map((item) =>
              item.kind === 'known' ? (
                <li key={item.key}>{t(item.key)}</li>
              ) : (
                <li key={`raw:${item.field}`}>
                  <code dir="ltr">{item.field}</code>
                </li>
              ),
            )}
          </ul>
        </div>
      ) : account.details_submitted ? (
        <p className="muted">{t('payoutAccount.verifying')}</p>
      ) : null}
      <ConnectButton label={t('payoutAccount.continue')} />
    </>
  );
}

function Active() {
  const t = useT();
  return (
    <>
      <p className="payout-account-active" data-testid="payout-account-active">
        <span aria-hidden="true">✓ </span>
        {t('payoutAccount.active')}
      </p>
      <p className="muted">{t('payoutAccount.activeExplained')}</p>
    </>
  );
}

/** Asks for an onboarding link and leaves for it; stays busy after success, while the browser navigates. */
function ConnectButton({ label }: { label: string }) {
  const t = useT();
  const connect = useConnectPayoutsMutation();
  const busy = connect.isPending || connect.isSuccess;
  const error = connect.isError ? payoutErrorDisplay(connect.error) : null;
  return (
    <div className="payout-connect">
      <FormError>{error ? t(error.key, error.values) : null}</FormError>
      <div>
        <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={() => connect.mutate()}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? t('payoutAccount.opening') : label}
        </button>
      </div>
      <p className="muted">{t('payoutAccount.stripeNote')}</p>
    </div>
  );
}
