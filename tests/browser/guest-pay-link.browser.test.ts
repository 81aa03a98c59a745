// A referral lead paid by its client as a guest, against the running stack: expert A posts a
// referral lead with a 20% share and expert B proposes 1,000.00 (through the API); in the browser A
// accepts and creates the client's pay link; a fresh browser with no session opens it, continues as
// a guest and pays on the local Stripe's hosted Checkout; then A's wallet shows the referral fee
// (200.00) and B's the performer's net (750.00) in escrow, the platform keeping 50.00. The link is
// single-use: another browser opening it is told it is not valid.
// Tests share the two experts, the lead and the link, and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appPages, mainOf, openSignedIn } from '../support/app-pages.ts';
import { launchBrowser } from '../support/browser.ts';
import { payOnCheckoutPage } from '../support/checkout-page.ts';
import { stackEnv } from '../support/env.ts';
import { createApprovedExpert, type TestExpert } from '../support/experts.ts';
import { clientPii, postReferralLead, submitProposal } from '../support/leads.ts';
import { signInExpert } from '../support/signed-in-expert.ts';

const runId = randomUUID().slice(0, 8);
const title = `Olive tree pruning ${runId}`;

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let referrer: TestExpert;
let performer: TestExpert;
let leadId: string;
/** The pay link's path, /pay/<token>, as A's page showed it. */
let payLinkPath: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // Gardening in Eilat: no demo expert has the lead on their board.
  [referrer, performer] = await Promise.all([
    createApprovedExpert({ name: `Ora Referrer ${runId}`, categories: ['gardening'], city: 'eilat' }),
    createApprovedExpert({ name: `Eli Arborist ${runId}`, categories: ['gardening'], city: 'eilat' }),
  ]);
  leadId = await postReferralLead(await signInExpert(referrer), clientPii(), {
    title,
    budget_cents: 100000,
    referrer_share_percent: 20,
    visibility: 'board',
  });
  await submitProposal(await signInExpert(performer), leadId, 100000);
});

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
});

const leadPath = () => `/jobs/${leadId}`;

async function walletBalances(page: Page) {
  const ils = page.getByTestId('wallet-ILS');
  await ils.waitFor();
  return {
    escrow: await ils.getByTestId('wallet-escrow').textContent(),
    pending: await ils.getByTestId('wallet-pending').textContent(),
    available: await ils.getByTestId('wallet-available').textContent(),
  };
}

describe('a referral lead paid by its client through a pay link', () => {
  it('lets the referring expert accept and create the client’s pay link, shown once', async () => {
    const page = await openSignedIn(pages, referrer.email, referrer.password, leadPath());
    const main = mainOf(page);
    const proposal = main.getByRole('article', { name: performer.name });
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await proposal.getByRole('button', { name: 'Yes, accept' }).click();
    await page.getByTestId('payable').waitFor();
    expect(await page.getByTestId('payable-platform').textContent()).toBe('₪50.00');
    expect(await page.getByTestId('payable-referrer').textContent()).toBe('₪200.00');
    expect(await page.getByTestId('payable-performer').textContent()).toBe('₪750.00');

    // The referrer does not pay: there is no Pay button, only the client's link.
    await expect(main.getByRole('button', { name: /^Pay / }).count()).resolves.toBe(0);
    await main.getByRole('button', { name: 'Create pay link' }).click();
    const link = page.getByTestId('pay-link');
    const input = link.getByLabel('Pay link for the client', { exact: true });
    await input.waitFor();
    const url = new URL(await input.inputValue());
    expect(url.origin).toBe(stackEnv().GUILDHALL_WEB_URL);
    expect(url.pathname).toMatch(/^\/pay\/[A-Za-z0-9_-]{32}$/);
    payLinkPath = url.pathname;
    await link.getByText('The link is shown only now: copy it before leaving this page.').waitFor();

    // Reloaded, the link is gone (only its hash is stored); a new one could replace it.
    await page.reload();
    await main.getByRole('button', { name: 'Create pay link' }).waitFor();
    await expect(page.getByTestId('pay-link').count()).resolves.toBe(0);
  });

  it('lets the client open the link in a fresh browser, continue as a guest and pay', async () => {
    const page = await pages.open(payLinkPath);
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'Pay for your job', level: 1 }).waitFor();
    await main.getByRole('button', { name: 'Continue as guest' }).click();

    // Claimed by the guest session: what is due, to whom, and the Pay button.
    await page.getByTestId('payable').waitFor();
    expect(await page.getByTestId('payable-amount').textContent()).toBe('₪1,000.00');
    expect(await page.getByTestId('payable-status').textContent()).toBe('Due');
    await main.getByRole('link', { name: performer.name }).waitFor();
    await main.getByRole('link', { name: referrer.name }).waitFor();
    await main.getByText('You pay the agreed price, with no surcharge.', { exact: false }).waitFor();
    await main.getByRole('button', { name: 'Pay ₪1,000.00' }).click();
    await payOnCheckoutPage(page, '₪1,000.00');

    await page.waitForURL((url) => url.pathname === payLinkPath && url.searchParams.get('payment') === 'success');
    await main.getByRole('status').filter({ hasText: 'Payment received. Thank you!' }).waitFor();
    expect(await page.getByTestId('payable-status').textContent()).toBe('Paid, held until the work is confirmed');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.getByTestId('receipt-amount').textContent()).toBe('₪1,000.00');
    await expect(main.getByRole('button', { name: /^Pay / }).count()).resolves.toBe(0);

    // Later, from the same browser, the link still opens the same job for this guest.
    await page.goto(payLinkPath);
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('payable-status').textContent()).toBe('Paid, held until the work is confirmed');
  });

  it('does not open for anyone else', async () => {
    const page = await pages.open(payLinkPath);
    await mainOf(page).getByRole('button', { name: 'Continue as guest' }).click();
    await page.getByTestId('pay-link-invalid').waitFor();
    await mainOf(page).getByRole('heading', { name: 'This pay link is not valid', level: 1 }).waitFor();
    await expect(page.getByTestId('payable').count()).resolves.toBe(0);

    const made = await pages.open('/pay/not-a-real-token');
    await mainOf(made).getByRole('button', { name: 'Continue as guest' }).click();
    await made.getByTestId('pay-link-invalid').waitFor();
  });

  it('puts the referral fee in A’s wallet and the performer’s net in B’s, in escrow', async () => {
    const referrerPage = await openSignedIn(pages, referrer.email, referrer.password, '/wallet');
    expect(await walletBalances(referrerPage)).toEqual({ escrow: '₪200.00', pending: '₪0.00', available: '₪0.00' });
    const fee = referrerPage.getByTestId('wallet-movement');
    expect(await fee.getByTestId('movement-role').textContent()).toBe('Referral fee');
    expect(await fee.getByTestId('movement-amount').textContent()).toBe('+₪200.00');
    await fee.getByRole('link', { name: title }).waitFor();

    const performerPage = await openSignedIn(pages, performer.email, performer.password, '/wallet');
    expect(await walletBalances(performerPage)).toEqual({ escrow: '₪750.00', pending: '₪0.00', available: '₪0.00' });
    expect(await performerPage.getByTestId('wallet-movement').getByTestId('movement-role').textContent()).toBe('Your job');

    // On the lead's page, A sees the client paid, and B may now mark the work done.
    await referrerPage.goto(leadPath());
    expect(await referrerPage.getByTestId('completion-state').textContent()).toBe(
      `The client paid. Guildhall holds the money until the work by ${performer.name} is confirmed.`,
    );
    await performerPage.goto(leadPath());
    await mainOf(performerPage).getByRole('button', { name: 'Mark the work as done' }).waitFor();
  });
});
