// Stand-ins for the pages Stripe hosts: Checkout (`/checkout/:session`), Connect onboarding
// (`/connect/onboarding/:link`) and the charge receipt (`/receipts/:charge`). They are plain HTML
// forms with no script, so a person, fetch() in a test, or a browser test can use them alike.
// Form actions are relative, so the pages also work behind a proxy that mounts the fake under a
// prefix (see `checkoutBaseUrl`).
import { StripeFakeError } from './errors.ts';
import type { FakeContext } from './fake-context.ts';
import { formatAmount } from './money.ts';
import { onboardAccount, type OnboardingLink } from './resources/accounts.ts';
import {
  declineCheckoutSession,
  findSession,
  payCheckoutSession,
  payCheckoutSessionLater,
  DEFAULT_PAYER_EMAIL,
} from './resources/checkout-outcomes.ts';
import { checkoutPageUrl, sessionInternal, type CheckoutSession } from './resources/checkout-sessions.ts';
import type { Charge } from './resources/payments.ts';

export interface PageReply {
  status: number;
  html?: string;
  location?: string;
}

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  .test { background: #fff3cd; color: #533f03; padding: .5rem .75rem; border-radius: 4px; font-size: .9rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { text-align: left; padding: .35rem 0; border-bottom: 1px solid #e3e8ee; }
  td.num, th.num { text-align: right; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; margin-top: .25rem; border: 1px solid #8792a2; border-radius: 4px; }
  button { display: block; width: 100%; padding: .75rem; margin-top: .75rem; font-size: 1rem; border-radius: 4px; border: 2px solid #0a2540; cursor: pointer; }
  button.primary { background: #0a2540; color: #fff; }
  button.secondary { background: #fff; color: #0a2540; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #635bff; outline-offset: 2px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  [role=alert] { background: #fde8e8; color: #7a1010; padding: .75rem; border-radius: 4px; }
`;

function page(title: string, body: string, status = 200): PageReply {
  return {
    status,
    html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="test">Test mode: a local Stripe stand-in. No real money moves.</p>
${body}
</main>
</body>
</html>
`,
  };
}

const notFound = (what: string) => page('Not found', `<h1>Not found</h1><p>${esc(what)}</p>`, 404);

function withSessionId(url: string, id: string): string {
  return url.replace(/\{CHECKOUT_SESSION_ID\}/g, id);
}

function checkoutPage(fake: FakeContext, session: CheckoutSession, declined: boolean): PageReply {
  const total = formatAmount(session.amount_total, session.currency);
  if (session.status === 'expired') {
    return page('Checkout expired', `<h1>This checkout has expired</h1><p>Start the payment again from the site you came from.</p>`);
  }
  if (session.status === 'complete') {
    const next = session.success_url ? `<p><a href="${esc(withSessionId(session.success_url, session.id))}">Return to the site</a></p>` : '';
    const state = session.payment_status === 'paid' ? `Payment of ${esc(total)} complete.` : `Payment of ${esc(total)} is being processed.`;
    return page('Payment complete', `<h1>Thank you</h1><p>${state}</p>${next}`);
  }
  const rows = sessionInternal(fake, session.id)
    .lineItems.map(
      (li) =>
        `<tr><td>${esc(li.description)}</td><td class="num">${esc(li.quantity)}</td><td class="num">${esc(formatAmount(li.amount_total, li.currency))}</td></tr>`,
    )
    .join('\n');
  const alert = declined ? `<p role="alert">Your card was declined. Try again, or use another payment method.</p>` : '';
  const cancel = session.cancel_url ? `<p><a href="${esc(withSessionId(session.cancel_url, session.id))}">Cancel and return to the site</a></p>` : '';
  return page(
    `Pay ${total}`,
    `<h1>Pay ${esc(total)}</h1>
${alert}
<table>
<caption class="visually-hidden">Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">${esc(total)}</td></tr></tfoot>
</table>
<form method="post" action="${esc(session.id)}/pay">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${esc(session.customer_email ?? DEFAULT_PAYER_EMAIL)}">
<p>Card: Visa test card ending in 4242.</p>
<button type="submit" class="primary">Pay ${esc(total)}</button>
<button type="submit" class="secondary" formaction="${esc(session.id)}/decline" formnovalidate>Decline (simulate a declined card)</button>
<button type="submit" class="secondary" formaction="${esc(session.id)}/pay-later">Pay by bank debit (confirmed later)</button>
</form>
${cancel}`,
  );
}

function conflict(session: CheckoutSession): PageReply {
  return page('Checkout not open', `<h1>This checkout is ${session.status === 'complete' ? 'already paid' : 'closed'}</h1>`, 409);
}

function receiptPage(charge: Charge): PageReply {
  const when = new Date((charge.created ?? 0) * 1000).toISOString().slice(0, 10);
  const method = charge.payment_method_details as { type?: string; card?: { last4?: string }; us_bank_account?: { last4?: string } } | null;
  const last4 = method?.card?.last4 ?? method?.us_bank_account?.last4 ?? '????';
  const refunded = charge.amount_refunded
    ? `<tr><th scope="row">Refunded</th><td>${esc(formatAmount(charge.amount_refunded, charge.currency))}</td></tr>`
    : '';
  return page(
    'Receipt',
    `<h1>Receipt</h1>
<table>
<tr><th scope="row">Amount</th><td>${esc(formatAmount(charge.amount, charge.currency))}</td></tr>
${refunded}
<tr><th scope="row">Date</th><td>${esc(when)}</td></tr>
<tr><th scope="row">Payment method</th><td>${esc(method?.type === 'card' ? 'Visa' : 'Bank account')} ending in ${esc(last4)}</td></tr>
<tr><th scope="row">Status</th><td>${esc(charge.status)}</td></tr>
<tr><th scope="row">Reference</th><td>${esc(charge.id)}</td></tr>
</table>`,
  );
}

function onboardingPage(fake: FakeContext, link: OnboardingLink): PageReply {
  const account = fake.store.get(link.account, null, 'account');
  const who = (account?.email as string | null) ?? link.account;
  return page(
    'Set up payouts',
    `<h1>Set up payouts</h1>
<p>Onboarding for <strong>${esc(who)}</strong>. The fake fills in test identity details and the test bank account ending in 6789.</p>
<form method="post" action="${esc(link.id)}">
<button type="submit" class="primary">Complete onboarding</button>
</form>
<p><a href="${esc(link.refresh_url)}">Not now</a></p>`,
  );
}

export interface PageRequest {
  method: string;
  url: URL;
  /** The parsed form body of a POST. */
  form: Record<string, string>;
  /** An injected card decline: the Pay button declines with this code. */
  declineCode?: string;
}

/** GET and POST on the hosted pages; undefined for a path or method they do not serve. */
export function handlePage(fake: FakeContext, { method, url, form, declineCode }: PageRequest): PageReply | undefined {
  const path = url.pathname;
  const checkout = /^\/checkout\/([^/]+)(?:\/(pay|decline|pay-later))?$/.exec(path);
  if (checkout) {
    const [, id = '', action] = checkout;
    let found: ReturnType<typeof findSession>;
    try {
      found = findSession(fake, id);
    } catch {
      return notFound('There is no checkout with this address.');
    }
    const { session } = found;
    if (!action && method === 'GET') return checkoutPage(fake, session, url.searchParams.has('declined'));
    if (!action || method !== 'POST') return undefined;
    if (session.status !== 'open') return conflict(session);
    const self = `${fake.publicUrl()}/checkout/${id}`;
    if (action === 'decline' || declineCode) {
      declineCheckoutSession(fake, id, { email: form.email, declineCode });
      return { status: 303, location: session.cancel_url ? withSessionId(session.cancel_url, id) : `${self}?declined=1` };
    }
    if (action === 'pay-later') payCheckoutSessionLater(fake, id, { email: form.email });
    else payCheckoutSession(fake, id, { email: form.email });
    return { status: 303, location: session.success_url ? withSessionId(session.success_url, id) : self };
  }

  const onboarding = /^\/connect\/onboarding\/([^/]+)$/.exec(path);
  if (onboarding) {
    const entry = fake.store.entry(onboarding[1] ?? '');
    if (!entry || entry.obj.object !== 'fake.account_link') return notFound('This onboarding link does not exist.');
    const link = entry.obj as OnboardingLink;
    // Stripe's links are single-use and short-lived; a stale one sends the user to refresh_url for a new one.
    if (link.used || link.expires_at < fake.now()) return { status: 303, location: link.refresh_url };
    if (method === 'GET') return onboardingPage(fake, link);
    if (method !== 'POST') return undefined;
    onboardAccount(fake, link.account);
    link.used = true;
    fake.store.changed();
    return { status: 303, location: link.return_url };
  }

  const receipt = /^\/receipts\/([^/]+)$/.exec(path);
  if (receipt && method === 'GET') {
    const entry = fake.store.entry(receipt[1] ?? '');
    if (!entry || entry.obj.object !== 'charge') return notFound('There is no receipt with this address.');
    return receiptPage(entry.obj as Charge);
  }
  return undefined;
}

/** A hosted page's answer to an injected failure or an unexpected error. */
export function errorPage(e: unknown): PageReply {
  const status = e instanceof StripeFakeError ? e.status : 500;
  return page('Something went wrong', `<h1>Something went wrong</h1><p role="alert">${esc((e as Error).message)}</p>`, status);
}

/**
 * Links into the hosted pages are stored in objects (a session's `url`, a charge's `receipt_url`).
 * State restored from a data file may come from a fake that listened elsewhere; point them here.
 */
export function relinkHostedPages(fake: FakeContext): void {
  let changed = false;
  for (const { obj } of fake.store.all<CheckoutSession>('checkout.session')) {
    const url = checkoutPageUrl(fake, obj.id);
    if (obj.status === 'open' && obj.url !== url) [obj.url, changed] = [url, true];
  }
  for (const { obj } of fake.store.all('charge')) {
    const url = `${fake.publicUrl()}/receipts/${obj.id}`;
    if (typeof obj.receipt_url === 'string' && obj.receipt_url !== url) [obj.receipt_url, changed] = [url, true];
  }
  if (changed) fake.store.changed();
}
