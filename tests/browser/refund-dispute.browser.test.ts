// Refunds and disputes on paid jobs, against the running stack: a new customer posts two jobs and
// a new expert proposes 1,000.00 on each (through the API); in the browser the customer accepts and
// pays each on the local Stripe's hosted Checkout.
// (a) The customer cancels the first job before the work is done: the receipt lists the full refund,
//     which turns to "Refunded" once Stripe's charge.refunded webhook arrives; the expert's escrow
//     drops back to zero and their wallet shows the refund.
// (b) On the second job the customer opens a dispute; the demo admin refunds half of it from
//     /admin/disputes with a note; the customer's receipt shows the half refund, the expert's wallet
//     their 90% of the other half available at once, and both see the dispute resolved with the note.
// Tests share the customer, the expert and the leads, and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, TEST_PASSWORD } from '../support/accounts.ts';
import { appPages, headerOf, leaveField, mainOf, openSignedIn } from '../support/app-pages.ts';
import { launchBrowser } from '../support/browser.ts';
import { payOnCheckoutPage } from '../support/checkout-page.ts';
import { stackEnv } from '../support/env.ts';
import { createApprovedExpert, type TestExpert } from '../support/experts.ts';
import { clientPii, postConsumerLead, submitProposal } from '../support/leads.ts';
import { signInExpert } from '../support/signed-in-expert.ts';

const runId = randomUUID().slice(0, 8);
const cancelledTitle = `Pergola repair ${runId}`;
const disputedTitle = `Hedge trimming ${runId}`;
const disputeMessage = `Nobody came on the agreed day, and nobody called. ${runId}`;
const adminNote = `Half back: the hedge was trimmed a week late. ${runId}`;
const admin = { email: 'admin@example.com', password: 'demo-password' };

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let customer: { email: string; name: string };
let expert: TestExpert;
let cancelledLeadId: string;
let disputedLeadId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const name = `Rina Refund ${runId}`;
  // Gardening in Eilat, like the other fixtures: no demo expert has these leads on their board.
  const [owner, made] = await Promise.all([
    signUpUser('refund-customer', name),
    createApprovedExpert({ name: `Gil Gardens ${runId}`, categories: ['gardening'], city: 'eilat' }),
  ]);
  customer = { email: owner.email, name };
  expert = made;
  [cancelledLeadId, disputedLeadId] = await Promise.all([
    postConsumerLead(owner, clientPii(), { title: cancelledTitle, budget_cents: 100000 }),
    postConsumerLead(owner, clientPii(), { title: disputedTitle, budget_cents: 100000 }),
  ]);
  const signedInExpert = await signInExpert(expert);
  await submitProposal(signedInExpert, cancelledLeadId, 100000);
  await submitProposal(signedInExpert, disputedLeadId, 100000);
});

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
});

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

/** As the customer, on the lead page: accept the expert's proposal and pay it in Checkout. */
async function acceptAndPay(leadId: string): Promise<Page> {
  const path = `/jobs/${leadId}`;
  const page = await openSignedIn(pages, customer.email, TEST_PASSWORD, path);
  const main = mainOf(page);
  const proposal = main.getByRole('article', { name: expert.name });
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await proposal.getByRole('button', { name: 'Yes, accept' }).click();
  await main.getByRole('button', { name: 'Pay ₪1,000.00' }).click();
  await payOnCheckoutPage(page, '₪1,000.00');
  await page.waitForURL((url) => url.pathname === path && url.searchParams.get('payment') === 'success');
  await main.getByRole('status').filter({ hasText: 'Payment received. Thank you!' }).waitFor();
  await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Paid');
  return page;
}

describe('a paid job cancelled before the work is done', () => {
  it('refunds the customer in full, and shows the refund as refunded once Stripe confirms it', async () => {
    const page = await acceptAndPay(cancelledLeadId);
    const main = mainOf(page);
    await page.getByTestId('receipt').waitFor();
    await expect(page.getByTestId('refund').count()).resolves.toBe(0);

    const cancel = page.getByTestId('cancel-paid-job');
    expect(await cancel.textContent()).toContain('you can cancel this job and get the full ₪1,000.00 back');
    await cancel.getByRole('button', { name: 'Cancel and refund' }).click();
    await cancel
      .getByText(
        `Cancel this job and get your money back? The full ₪1,000.00 is refunded to the card you paid with, and ${expert.name} loses access to your contact details. This cannot be undone.`,
      )
      .waitFor();
    await cancel.getByRole('button', { name: 'Yes, cancel and refund' }).click();

    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Cancelled');
    // The lead and its payable are re-read separately: wait for the payable's refund to show too.
    await expect.poll(() => page.getByTestId('lead-cancelled').textContent()).toContain('Your payment is refunded in full: see the receipt below.');
    expect(await page.getByTestId('payable-status').textContent()).toBe('Refunded');
    expect(await page.getByTestId('payable-refunded').textContent()).toBe('₪1,000.00');
    expect(await page.getByTestId('payment-state').textContent()).toBe(
      'This payment was refunded in full. The money goes back to the card you paid with.',
    );
    await expect(page.getByTestId('cancel-paid-job').count()).resolves.toBe(0);

    // The receipt: the payment, and under it the refund with why; it turns to "Refunded" when
    // charge.refunded reaches the database (the page re-reads refunds on their way).
    const receipt = page.getByTestId('receipt');
    expect(await receipt.getByTestId('receipt-amount').textContent()).toBe('₪1,000.00');
    const refund = receipt.getByTestId('refund');
    await refund.waitFor();
    expect(await refund.count()).toBe(1);
    expect(await refund.getByTestId('refund-amount').textContent()).toBe('₪1,000.00');
    expect(await refund.getByTestId('refund-reason').textContent()).toBe('Job cancelled before the work was done');
    await expect.poll(() => refund.getByTestId('refund-status').textContent(), { timeout: 20_000 }).toBe('Refunded');
    await main.getByText('Refunds go back to the card you paid with.', { exact: false }).waitFor();

    // Reloaded, the same: the refund is the database's, not the page's.
    await page.reload();
    expect(await page.getByTestId('refund').getByTestId('refund-status').textContent()).toBe('Refunded');
  });

  it('takes the expert’s share back out of escrow and shows them the refund', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/account');
    await headerOf(page).getByRole('link', { name: 'Wallet' }).click();
    await mainOf(page).getByRole('heading', { name: 'Wallet', level: 1 }).waitFor();
    expect(await walletBalances(page)).toEqual({ escrow: '₪0.00', pending: '₪0.00', available: '₪0.00' });
    const refunded = page.getByTestId('wallet-movement').filter({ hasText: 'Refunded to the payer' });
    expect(await refunded.count()).toBe(1);
    expect(await refunded.getByTestId('movement-bucket').textContent()).toBe('In escrow');
    expect(await refunded.getByTestId('movement-amount').textContent()).toBe('-₪900.00');
    await refunded.getByRole('link', { name: cancelledTitle }).waitFor();
    // No chargeback: nothing is owed back.
    await expect(page.getByTestId('wallet-carry').count()).resolves.toBe(0);

    // The job's page says it was cancelled, with the refund.
    await refunded.getByRole('link', { name: cancelledTitle }).click();
    await page.getByTestId('lead-unavailable').waitFor();
    expect(await page.getByTestId('payable-status').textContent()).toBe('Refunded');
    const refund = page.getByTestId('refund');
    expect(await refund.getByTestId('refund-amount').textContent()).toBe('₪1,000.00');
    expect(await refund.getByTestId('refund-status').textContent()).toBe('Refunded');
    // Nothing left to dispute.
    await expect(page.getByRole('button', { name: 'Open a dispute' }).count()).resolves.toBe(0);
  });
});

describe('a disputed job, half refunded by an admin', () => {
  it('lets the customer open a dispute, which freezes the money', async () => {
    const page = await acceptAndPay(disputedLeadId);
    const main = mainOf(page);
    const start = page.getByTestId('dispute-start');
    await start.getByRole('heading', { name: 'A problem with this job?' }).waitFor();
    await start.getByRole('button', { name: 'Open a dispute' }).click();

    // Both fields are required.
    await start.getByRole('button', { name: 'Open the dispute' }).click();
    await start.getByRole('alert').filter({ hasText: 'Choose a reason.' }).waitFor();
    await start.getByRole('alert').filter({ hasText: 'Say what went wrong.' }).waitFor();
    await start.getByLabel('What went wrong').selectOption({ label: 'No-show' });
    await start.getByLabel('Tell us what happened').fill(disputeMessage);
    await leaveField(page);
    await start.getByRole('button', { name: 'Open the dispute' }).click();

    const dispute = page.getByTestId('dispute');
    await dispute.waitFor();
    expect(await dispute.getByTestId('dispute-status').textContent()).toBe(
      'A dispute is open. A Guildhall admin is looking into it; until they decide, the money stays frozen.',
    );
    expect(await dispute.getByTestId('dispute-opened-by').textContent()).toBe('You');
    expect(await dispute.getByTestId('dispute-reason').textContent()).toBe('No-show');
    expect(await dispute.getByTestId('dispute-message').textContent()).toBe(disputeMessage);
    // Frozen: no cancelling while the dispute is open, and no second dispute.
    await expect(page.getByTestId('cancel-paid-job').count()).resolves.toBe(0);
    await expect(main.getByRole('button', { name: 'Open a dispute' }).count()).resolves.toBe(0);
  });

  it('shows the expert the dispute the customer opened', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, `/jobs/${disputedLeadId}`);
    const dispute = page.getByTestId('dispute');
    await dispute.waitFor();
    expect(await dispute.getByTestId('dispute-opened-by').textContent()).toBe('The customer');
    expect(await dispute.getByTestId('dispute-message').textContent()).toBe(disputeMessage);
    expect(await dispute.getByTestId('dispute-status').getAttribute('data-status')).toBe('open');
  });

  it('lets an admin refund half of it from the disputes page, with a note', async () => {
    const page = await openSignedIn(pages, admin.email, admin.password, '/account');
    await headerOf(page).getByRole('link', { name: 'Disputes' }).click();
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'Disputes and refunds', level: 1 }).waitFor();

    const card = page.getByTestId('open-disputes').getByRole('article', { name: disputedTitle });
    expect(await card.getByTestId('dispute-job-amount').textContent()).toBe('₪1,000.00');
    expect(await card.getByTestId('dispute-currency').textContent()).toBe('ILS');
    expect(await card.getByTestId('dispute-refunded').textContent()).toBe('₪0.00');
    expect(await card.getByTestId('dispute-opened-by').textContent()).toBe('The customer');
    expect(await card.getByTestId('dispute-message').textContent()).toBe(disputeMessage);

    // The amount is asked for once "refund" is chosen, prefilled with everything that is left.
    await card.getByRole('radio', { name: 'Refund the payer' }).check();
    const amount = card.getByLabel('Refund amount (ILS)');
    expect(await amount.inputValue()).toBe('1000.00');
    await card.getByText('Up to ₪1,000.00: what is left of the payment.').waitFor();
    await amount.fill('1000.01');
    await leaveField(page);
    await card.getByRole('alert').filter({ hasText: 'That is more than what is left of the payment.' }).waitFor();
    await amount.fill('500');
    await card.getByLabel('Note to both parties (optional)').fill(adminNote);
    await leaveField(page);
    await card.getByRole('button', { name: 'Resolve', exact: true }).click();

    await main
      .getByRole('status')
      .filter({ hasText: `The dispute on “${disputedTitle}” is resolved: ₪500.00 refunded to the payer.` })
      .waitFor();
    const resolved = page.getByTestId('resolved-disputes').getByRole('article', { name: disputedTitle });
    await resolved.waitFor();
    expect(await resolved.getByTestId('dispute-refunded').textContent()).toBe('₪500.00');
    expect(await resolved.getByTestId('dispute-outcome').textContent()).toBe('₪500.00 refunded to the payer; the rest released to the experts.');
    expect(await resolved.getByTestId('dispute-note').textContent()).toBe(adminNote);
    await expect(page.getByTestId('open-disputes').getByRole('article', { name: disputedTitle }).count()).resolves.toBe(0);

    // The money page counts open disputes and shows the new positions.
    await headerOf(page).getByRole('link', { name: 'Money' }).click();
    await main.getByRole('rowheader', { name: /^Open disputes/ }).waitFor();
    await main.getByRole('rowheader', { name: /^Owed back by experts/ }).waitFor();
  });

  it('shows the customer the half refund in the receipt and the dispute resolved with the note', async () => {
    const page = await openSignedIn(pages, customer.email, TEST_PASSWORD, `/jobs/${disputedLeadId}`);
    const refund = page.getByTestId('receipt').getByTestId('refund');
    await refund.waitFor();
    expect(await refund.count()).toBe(1);
    expect(await refund.getByTestId('refund-amount').textContent()).toBe('₪500.00');
    expect(await refund.getByTestId('refund-reason').textContent()).toBe('Dispute resolved');
    expect(await refund.getByTestId('refund-note').textContent()).toBe(adminNote);
    await expect.poll(() => refund.getByTestId('refund-status').textContent(), { timeout: 20_000 }).toBe('Refunded');
    expect(await page.getByTestId('payable-refunded').textContent()).toBe('₪500.00');

    const dispute = page.getByTestId('dispute');
    expect(await dispute.getByTestId('dispute-status').textContent()).toBe('The dispute is resolved.');
    expect(await dispute.getByTestId('dispute-outcome').textContent()).toBe('₪500.00 refunded to you; the rest was released to the expert.');
    expect(await dispute.getByTestId('dispute-note').textContent()).toBe(adminNote);
    expect(await page.getByTestId('completion-state').textContent()).toBe('An admin resolved the dispute: this job is settled.');
  });

  it('makes the expert’s share of the other half available at once, and shows them the outcome', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    // 90% of the 500.00 not refunded; the first job's refund left nothing behind.
    expect(await walletBalances(page)).toEqual({ escrow: '₪0.00', pending: '₪0.00', available: '₪450.00' });
    const movements = page.getByTestId('wallet-movement').filter({ has: page.getByRole('link', { name: disputedTitle }) });
    const refunded = movements.filter({ hasText: 'Refunded to the payer' });
    expect(await refunded.getByTestId('movement-amount').textContent()).toBe('-₪450.00');
    const released = movements.filter({ hasText: 'Hold ended' }).filter({ hasText: 'Available' });
    expect(await released.getByTestId('movement-amount').textContent()).toBe('+₪450.00');

    await page.goto(`/jobs/${disputedLeadId}`);
    const dispute = page.getByTestId('dispute');
    await dispute.waitFor();
    expect(await dispute.getByTestId('dispute-status').textContent()).toBe('The dispute is resolved.');
    expect(await dispute.getByTestId('dispute-outcome').textContent()).toBe(
      '₪500.00 refunded to the payer; the rest of your share is available in your wallet.',
    );
    expect(await dispute.getByTestId('dispute-note').textContent()).toBe(adminNote);
    expect(await page.getByTestId('refund').getByTestId('refund-amount').textContent()).toBe('₪500.00');
    expect(await page.getByTestId('completion-state').textContent()).toBe('This job is settled: your share is available in your wallet.');
  });
});
