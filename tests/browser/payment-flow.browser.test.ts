// A consumer job from acceptance to money the expert can be paid out, against the running stack: a
// new customer posts a job and a new expert proposes (through the API); in the browser the customer
// accepts, pays on the local Stripe's hosted Checkout and comes back to "Payment received"; the
// expert's wallet shows their 90% in escrow; the expert marks the work done, the customer confirms
// it and rates 5 stars, which shows on the expert's public profile; the wallet shows the share
// pending, then, 8 days later on the money clock, available. Also: the wallet in Hebrew.
// Tests share the customer, the expert and the lead, and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, TEST_PASSWORD } from '../support/accounts.ts';
import { appPages, headerOf, leaveField, mainOf, openSignedIn } from '../support/app-pages.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { payOnCheckoutPage } from '../support/checkout-page.ts';
import { stackEnv } from '../support/env.ts';
import { createApprovedExpert, type TestExpert } from '../support/experts.ts';
import { clientPii, postConsumerLead, submitProposal } from '../support/leads.ts';
import { clockShift, releaseHoldsDaysLater, restoreClockShift } from '../support/money-clock.ts';
import { signInExpert } from '../support/signed-in-expert.ts';

const runId = randomUUID().slice(0, 8);
const title = `New garden irrigation ${runId}`;
const reviewText = `Dug, laid and tested in a day. ${runId}`;

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let customer: { email: string; name: string };
let expert: TestExpert;
let leadId: string;
let originalClockShift: string;

beforeAll(async () => {
  browser = await launchBrowser();
  originalClockShift = await clockShift();
  const name = `Noa Payer ${runId}`;
  // Gardening in Eilat, like the API fixtures: no demo expert has it on their board.
  const [owner, made] = await Promise.all([
    signUpUser('pay-customer', name),
    createApprovedExpert({ name: `Tal Gardens ${runId}`, categories: ['gardening'], city: 'eilat' }),
  ]);
  customer = { email: owner.email, name };
  expert = made;
  leadId = await postConsumerLead(owner, clientPii(), { title, budget_cents: 100000 });
  await submitProposal(await signInExpert(expert), leadId, 100000);
});

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  // releaseHoldsDaysLater moves the clock back itself; this is the safety net if a run was cut short.
  if (originalClockShift !== undefined) await restoreClockShift(originalClockShift);
  await browser?.close();
});

const leadPath = () => `/jobs/${leadId}`;

/** The expert's wallet balances in ILS, as the page shows them. */
async function walletBalances(page: Page) {
  const ils = page.getByTestId('wallet-ILS');
  await ils.waitFor();
  return {
    escrow: await ils.getByTestId('wallet-escrow').textContent(),
    pending: await ils.getByTestId('wallet-pending').textContent(),
    available: await ils.getByTestId('wallet-available').textContent(),
  };
}

describe('a paid job, from acceptance to money the expert can be paid out', () => {
  it('lets the customer accept, pay in Checkout, and come back to the payment received', async () => {
    const page = await openSignedIn(pages, customer.email, TEST_PASSWORD, leadPath());
    const main = mainOf(page);
    const proposal = main.getByRole('article', { name: expert.name });
    // A new expert has no reviews yet.
    expect(await proposal.getByTestId('rating-summary').textContent()).toBe('No reviews yet');
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await proposal.getByRole('button', { name: 'Yes, accept' }).click();
    await page.getByTestId('payable').waitFor();
    expect(await page.getByTestId('payable-status').textContent()).toBe('Due');

    await main.getByText('Guildhall holds the money until you confirm the work is done.').waitFor();
    await main.getByRole('button', { name: 'Pay ₪1,000.00' }).click();
    await payOnCheckoutPage(page, '₪1,000.00');

    // Back on the lead page: the webhook settles the payment a moment later.
    await page.waitForURL((url) => url.pathname === leadPath() && url.searchParams.get('payment') === 'success');
    await main.getByRole('status').filter({ hasText: 'Payment received. Thank you!' }).waitFor();
    expect(await page.getByTestId('payable-status').textContent()).toBe('Paid, held until the work is confirmed');
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Paid');
    expect(await page.getByTestId('completion-state').textContent()).toBe(
      `Waiting for ${expert.name} to mark the work as done. You confirm it here then.`,
    );
    // The receipt: what, how much, when, and the payment's id.
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.getByTestId('receipt-amount').textContent()).toBe('₪1,000.00');
    expect(await receipt.getByTestId('receipt-for').textContent()).toBe(title);
    expect(await receipt.getByTestId('receipt-id').textContent()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await receipt.getByTestId('receipt-date').textContent()).not.toBe('—');
    // Paid once: no second Pay button.
    await expect(main.getByRole('button', { name: /^Pay / }).count()).resolves.toBe(0);
  });

  it('shows the expert their 90% in escrow', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/account');
    await headerOf(page).getByRole('link', { name: 'Wallet' }).click();
    await mainOf(page).getByRole('heading', { name: 'Wallet', level: 1 }).waitFor();
    expect(await walletBalances(page)).toEqual({ escrow: '₪900.00', pending: '₪0.00', available: '₪0.00' });
    const movement = page.getByTestId('wallet-movement');
    expect(await movement.count()).toBe(1);
    expect(await movement.getByTestId('movement-kind').textContent()).toBe('Paid by the customer');
    expect(await movement.getByTestId('movement-role').textContent()).toBe('Your job');
    expect(await movement.getByTestId('movement-bucket').textContent()).toBe('In escrow');
    expect(await movement.getByTestId('movement-amount').textContent()).toBe('+₪900.00');
    await movement.getByRole('link', { name: title }).waitFor();
  });

  it('lets the expert mark the work as done', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, leadPath());
    const main = mainOf(page);
    await main.getByRole('status').filter({ hasText: 'this job is yours' }).waitFor();
    expect(await page.getByTestId('completion-state').textContent()).toContain('The customer paid');
    await main.getByRole('button', { name: 'Mark the work as done' }).click();
    await main.getByRole('button', { name: 'Yes, it is done' }).click();
    await expect.poll(() => page.getByTestId('completion-state').textContent()).toContain('You marked the work as done.');
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Work done');
    await expect(main.getByRole('button', { name: 'Mark the work as done' }).count()).resolves.toBe(0);
  });

  it('lets the customer confirm the work and rate the expert 5 stars', async () => {
    const page = await openSignedIn(pages, customer.email, TEST_PASSWORD, leadPath());
    const main = mainOf(page);
    expect(await page.getByTestId('completion-state').textContent()).toBe(`${expert.name} marked the work as done. Check it, then confirm.`);
    await main.getByText('If you do nothing, the work is confirmed automatically 7 days after it was marked done.').waitFor();
    await main.getByRole('button', { name: 'Confirm the work is done' }).click();
    await main.getByRole('button', { name: 'Yes, confirm' }).click();
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Completed');
    expect(await page.getByTestId('completion-state').textContent()).toBe('The work is confirmed: this job is complete.');
    expect(await page.getByTestId('payable-status').textContent()).toBe('Completed');

    // Rated once: stars are required, contact details are refused before anything is sent.
    const rating = page.getByTestId('rating-step');
    await rating.getByRole('heading', { name: `Rate ${expert.name}` }).waitFor();
    await rating.getByLabel('Your review', { exact: true }).fill('Great, call me on 052-123-4567');
    await leaveField(page);
    await rating.getByRole('button', { name: 'Publish review' }).click();
    await rating.getByRole('alert').filter({ hasText: 'Choose from 1 to 5 stars.' }).waitFor();
    await rating.getByRole('alert').filter({ hasText: 'Public text must not include email addresses or phone numbers.' }).waitFor();
    await rating.getByRole('radio', { name: '5 stars' }).check();
    await rating.getByLabel('Your review', { exact: true }).fill(reviewText);
    await leaveField(page);
    await rating.getByRole('button', { name: 'Publish review' }).click();
    await rating
      .getByRole('status')
      .filter({ hasText: `Thank you: your review is published on the profile of ${expert.name}.` })
      .waitFor();
    await rating.getByRole('heading', { name: 'Your review' }).waitFor();
    expect(await rating.getByTestId('review-body').textContent()).toBe(reviewText);
    await expect(rating.getByRole('button', { name: 'Publish review' }).count()).resolves.toBe(0);

    // The review is on the expert's public profile, under the customer's name.
    await main.getByRole('article', { name: expert.name }).getByRole('link', { name: expert.name }).click();
    await main.getByRole('heading', { name: expert.name, level: 1 }).waitFor();
    expect(await page.getByTestId('rating-average').textContent()).toBe('5.0');
    expect(await page.getByTestId('rating-count').textContent()).toBe('1 review');
    const review = page.getByTestId('review');
    expect(await review.getByTestId('review-author').textContent()).toBe(customer.name);
    expect(await review.getByTestId('review-body').textContent()).toBe(reviewText);
    expect(await review.getByTestId('stars').getAttribute('data-value')).toBe('5');
  });

  it('shows the expert’s share pending for the hold, then available once the hold has ended', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    expect(await walletBalances(page)).toEqual({ escrow: '₪0.00', pending: '₪900.00', available: '₪0.00' });
    await expect(page.getByTestId('wallet-movement').count()).resolves.toBe(3);
    expect(await page.getByTestId('wallet-movement').first().getByTestId('movement-kind').textContent()).toBe('Work confirmed');
    // The lead page says where the share is.
    await page.goto(leadPath());
    expect(await page.getByTestId('completion-state').textContent()).toBe(
      'The customer confirmed the work. Your share is on hold for 7 days, then available to be paid out.',
    );

    // Eight days later on the money clock, the hold release (pg_cron's job) makes it available.
    expect(await releaseHoldsDaysLater(8)).toBeGreaterThanOrEqual(1);
    await page.goto('/wallet');
    expect(await walletBalances(page)).toEqual({ escrow: '₪0.00', pending: '₪0.00', available: '₪900.00' });
    const release = page.getByTestId('wallet-movement').filter({ hasText: 'Hold ended' });
    expect(await release.count()).toBe(2);
    expect(await release.filter({ hasText: 'Available' }).getByTestId('movement-amount').textContent()).toBe('+₪900.00');
    expect(await release.filter({ hasText: 'Pending' }).getByTestId('movement-amount').textContent()).toBe('-₪900.00');
  });

  it('shows the wallet in Hebrew, right to left', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    await page.getByTestId('wallet-ILS').waitFor();
    await headerOf(page).getByRole('button', { name: 'עברית' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'ארנק', level: 1 }).waitFor();
    const ils = page.getByTestId('wallet-ILS');
    await ils.getByText('זמין', { exact: true }).waitFor();
    expect(await ils.getByTestId('wallet-available').textContent()).toContain('900.00');
    expect(await main.getByRole('columnheader', { name: 'סכום' }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('wallet-he.png'), fullPage: true });
  });
});
