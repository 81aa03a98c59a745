// /pay/:token — where the client of a referral lead pays, through the one-time link the referring
// expert sent them. No account needed: "Continue as guest" starts an anonymous session, which
// claims the link and becomes the job's payer; from then on only that session can use the link.
// Then: pay through Stripe Checkout (back here afterwards), confirm the work once it is marked done,
// rate the expert; any refund of the payment shows in the receipt, and the client can open a
// dispute like any payer. An unknown, replaced or already claimed link says so and nothing else.
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { z } from 'zod';
import { PendingScreen } from '../components/status-screens.tsx';
import { SignOutButton } from '../components/sign-out-button.tsx';
import { authErrorMessageKey } from '../data/auth/auth-error.ts';
import { useContinueAsGuestMutation } from '../data/auth/continue-as-guest-mutation.ts';
import { sessionQueryOptions } from '../data/auth/session-query.ts';
import { leadQueryKey, leadQueryOptions } from '../data/leads/lead-query.ts';
import { disputeQueryOptions } from '../data/disputes/dispute-query.ts';
import { claimPayLinkQueryOptions } from '../data/payments/claim-pay-link-query.ts';
import { payableByIdQueryKey, payableByIdQueryOptions } from '../data/payments/payable-by-id-query.ts';
import type { CheckoutReturn, PayableWithParties } from '../data/payments/payment-types.ts';
import { paymentsQueryKey, paymentsQueryOptions } from '../data/payments/payments-query.ts';
import { referenceDataQueryOptions } from '../data/reference/reference-data-query.ts';
import { refundsQueryOptions } from '../data/refunds/refunds-query.ts';
import { leadReviewQueryOptions } from '../data/reviews/lead-review-query.ts';
import { FormError } from '../forms/form-parts.tsx';
import { useLocale, useT } from '../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../lib/money.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PayerProgress } from './-components/payer-progress.tsx';
import { payableStatusLabel } from './-components/payment-labels.ts';

const payLinkSearch = z.object({
  payment: z.enum(['success', 'cancelled']).optional().catch(undefined),
  session_id: z.string().optional().catch(undefined),
});

export const Route = createFileRoute('/pay/$token')({
  validateSearch: payLinkSearch,
  loaderDeps: ({ search }) => ({ payment: search.payment }),
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    const [session] = await Promise.all([
      queryClient.ensureQueryData(sessionQueryOptions()),
      queryClient.ensureQueryData(referenceDataQueryOptions()),
    ]);
    // Claimed at once by a guest session (whom the link is for) and on the way back from Checkout
    // (this session claimed it before paying); a signed-in account is asked first (see below).
    if (!session || !claimsAtOnce(session.user.is_anonymous === true, deps.payment)) return;
    const payableId = await queryClient.ensureQueryData(claimPayLinkQueryOptions(params.token, session.user.id));
    if (!payableId) return;
    const payable = await queryClient.ensureQueryData(payableByIdQueryOptions(payableId));
    if (!payable) return;
    await Promise.all([
      queryClient.ensureQueryData(paymentsQueryOptions(payable.id)),
      queryClient.ensureQueryData(leadQueryOptions(payable.lead_id)),
      queryClient.ensureQueryData(leadReviewQueryOptions(payable.lead_id)),
      ...(payable.status === 'due' || payable.status === 'cancelled'
        ? []
        : [queryClient.ensureQueryData(refundsQueryOptions(payable.id)), queryClient.ensureQueryData(disputeQueryOptions(payable.id))]),
    ]);
  },
  component: PayLinkPage,
});

function claimsAtOnce(isGuest: boolean, payment: CheckoutReturn | undefined): boolean {
  return isGuest || payment !== undefined;
}

function PayLinkPage() {
  const t = useT();
  const { token } = Route.useParams();
  const { payment } = Route.useSearch();
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  useDocumentTitle(t('payPage.title'));

  if (!session) return <PayLinkWelcome token={token} />;
  const userId = session.user.id;
  if (!claimsAtOnce(session.user.is_anonymous === true, payment) && confirmedFor !== userId) {
    return <ConfirmPayingAccount email={session.user.email ?? ''} onContinue={() => setConfirmedFor(userId)} />;
  }
  return (
    <Suspense fallback={<PendingScreen />}>
      <ClaimedPayLink key={userId} token={token} userId={userId} checkoutReturn={payment} />
    </Suspense>
  );
}

/** Signed out: continue as a guest (the usual way), or sign in to an existing account. */
function PayLinkWelcome({ token }: { token: string }) {
  const t = useT();
  const guest = useContinueAsGuestMutation();
  return (
    <section className="card page-medium pay-welcome">
      <h1>{t('payPage.title')}</h1>
      <p>{t('payPage.intro')}</p>
      <p>{t('payPage.guestIntro')}</p>
      <FormError>{guest.isError ? t(authErrorMessageKey(guest.error)) : null}</FormError>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={guest.isPending || guest.isSuccess}
          aria-busy={guest.isPending}
          onClick={() => guest.mutate()}
        >
          {guest.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {guest.isPending ? t('payPage.startingGuest') : t('payPage.continueAsGuest')}
        </button>
      </div>
      <p className="muted">
        {t('payPage.haveAccount')}{' '}
        <Link to="/sign-in" search={{ redirect: `/pay/${token}` }}>
          {t('nav.signIn')}
        </Link>
      </p>
    </section>
  );
}

/**
 * A signed-in account (not a guest) is asked before it claims the link: claiming makes it the
 * job's payer for good, so an expert opening their own link by mistake must not take it over.
 */
function ConfirmPayingAccount({ email, onContinue }: { email: string; onContinue: () => void }) {
  const t = useT();
  return (
    <section className="card page-medium pay-welcome">
      <h1>{t('payPage.title')}</h1>
      <p>{t('payPage.intro')}</p>
      <p>{t('payPage.accountQuestion', { email })}</p>
      <p className="muted">{t('payPage.accountNotYou')}</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onContinue}>
          {t('payPage.continueAs', { email })}
        </button>
        <SignOutButton className="button" />
      </div>
    </section>
  );
}

function ClaimedPayLink({ token, userId, checkoutReturn }: { token: string; userId: string; checkoutReturn: CheckoutReturn | undefined }) {
  const { data: payableId } = useSuspenseQuery(claimPayLinkQueryOptions(token, userId));
  if (!payableId) return <InvalidPayLink />;
  return <PayLinkPayable token={token} payableId={payableId} checkoutReturn={checkoutReturn} />;
}

function InvalidPayLink() {
  const t = useT();
  return (
    <section className="status-screen" data-testid="pay-link-invalid">
      <h1>{t('payPage.invalidTitle')}</h1>
      <p>{t('payPage.invalidBody')}</p>
      <Link to="/" className="button button-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

function PayLinkPayable({ token, payableId, checkoutReturn }: { token: string; payableId: string; checkoutReturn: CheckoutReturn | undefined }) {
  const { data: payable, refetch } = useSuspenseQuery(payableByIdQueryOptions(payableId));
  if (!payable) return <InvalidPayLink />;
  return <PayableForClient token={token} payable={payable} refetchPayable={refetch} checkoutReturn={checkoutReturn} />;
}

interface PayableForClientProps {
  token: string;
  payable: PayableWithParties;
  refetchPayable: () => Promise<unknown>;
  checkoutReturn: CheckoutReturn | undefined;
}

function PayableForClient({ token, payable, refetchPayable, checkoutReturn }: PayableForClientProps) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  // The lead's public part, when the client may read it; the page works from the payable alone otherwise.
  const { data: lead } = useSuspenseQuery(leadQueryOptions(payable.lead_id));
  const performerName = payable.performer?.display_name ?? t('owner.unknownExpert');

  return (
    <article className="lead-page pay-page" aria-labelledby="pay-title">
      <header>
        <h1 id="pay-title">{t('payPage.title')}</h1>
        <p className="lead">{t('payPage.payableIntro')}</p>
      </header>
      <section className="card" aria-labelledby="pay-what-heading">
        <h2 id="pay-what-heading">{t('payPage.whatHeading')}</h2>
        {lead ? (
          <>
            <h3 data-testid="pay-job-title">
              <bdi>{lead.title}</bdi>
            </h3>
            <p className="lead-summary">
              <bdi>{lead.summary}</bdi>
            </p>
          </>
        ) : null}
        <dl className="details" data-testid="payable">
          <dt>{t('payPage.performer')}</dt>
          <dd>
            {payable.performer ? (
              <Link to="/experts/$expertId" params={{ expertId: payable.performer.id }}>
                <bdi>{payable.performer.display_name}</bdi>
              </Link>
            ) : (
              '—'
            )}
          </dd>
          {payable.referrer ? (
            <>
              <dt>{t('payPage.referrer')}</dt>
              <dd>
                <Link to="/experts/$expertId" params={{ expertId: payable.referrer.id }}>
                  <bdi>{payable.referrer.display_name}</bdi>
                </Link>
              </dd>
            </>
          ) : null}
          <dt>{t('payPage.amount')}</dt>
          <dd data-testid="payable-amount">{formatMinorAmount(payable.amount_cents, payable.currency, locale)}</dd>
          {payable.refunded_cents > 0 ? (
            <>
              <dt>{t('payable.refundedSoFar')}</dt>
              <dd data-testid="payable-refunded">{formatMinorAmount(payable.refunded_cents, payable.currency, locale)}</dd>
            </>
          ) : null}
          <dt>{t('payable.status')}</dt>
          <dd data-testid="payable-status">{t(payableStatusLabel[payable.status])}</dd>
        </dl>
        <p className="muted">{t('payPage.noSurcharge')}</p>
      </section>
      <section className="card" aria-labelledby="pay-progress-heading">
        <h2 id="pay-progress-heading">{t('progress.heading')}</h2>
        <PayerProgress
          payable={payable}
          lead={lead}
          performerName={performerName}
          returnPath={`/pay/${token}`}
          checkoutReturn={checkoutReturn}
          refetchPayable={refetchPayable}
          onPaymentSettled={() =>
            void Promise.all([
              queryClient.invalidateQueries({ queryKey: payableByIdQueryKey(payable.id) }),
              queryClient.invalidateQueries({ queryKey: paymentsQueryKey(payable.id) }),
              queryClient.invalidateQueries({ queryKey: leadQueryKey(payable.lead_id) }),
            ])
          }
        />
        <p className="muted">{t('payPage.keepBrowser')}</p>
      </section>
    </article>
  );
}
