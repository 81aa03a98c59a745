// A referral from start to payable, against the running stack: expert A posts a private referral
// lead through the multi-step form (the live quote shows the split), invites expert B; B finds the
// invitation on /referrals (the lead is not on B's board), accepts, opens the lead and proposes; A
// accepts, and the payable shows the platform's, the referrer's and the performer's parts.
// Tests share the two experts and the lead, and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appPages, headerOf, leaveField, mainOf, openSignedIn } from '../support/app-pages.ts';
import { launchBrowser } from '../support/browser.ts';
import { stackEnv } from '../support/env.ts';
import { createApprovedExpert, type TestExpert } from '../support/experts.ts';

const runId = randomUUID().slice(0, 8);
const job = {
  title: `Full bathroom renovation ${runId}`,
  summary: 'A small bathroom to strip and redo: tiles, fittings and a new shower.',
  details: 'The client prefers mornings; the building has a lift.',
  client: { name: `Ron Client ${runId}`, phone: '03-555-0101', email: `ron-${runId}@client.example` },
};

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let referrer: TestExpert;
let performer: TestExpert;
let leadId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // Both in renovation around Tel Aviv: a board lead would be on B's board, so a private one must not be.
  [referrer, performer] = await Promise.all([
    createApprovedExpert({ name: `Rina Referrer ${runId}`, categories: ['renovation'] }),
    createApprovedExpert({ name: `Gil Builder ${runId}`, categories: ['renovation'], city: 'ramat-gan' }),
  ]);
});

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
});

describe('a referral, from posting to payable', () => {
  it('lets expert A post a private referral through the steps, with a live quote, and invite expert B', async () => {
    const page = await openSignedIn(pages, referrer.email, referrer.password);
    await headerOf(page).getByRole('link', { name: 'Referrals' }).click();
    const main = mainOf(page);
    await main.getByRole('link', { name: 'Refer a job' }).click();
    await main.getByRole('heading', { name: 'Refer a job', level: 1 }).waitFor();
    expect(await main.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]').textContent()).toBe('The job');

    // Step 1: each step checks its own fields before moving on.
    await main.getByRole('heading', { name: 'Step 1 of 4: The job' }).waitFor();
    await main.getByRole('button', { name: 'Next' }).click();
    await main.getByRole('alert').filter({ hasText: 'Enter a budget: the referral share is worked out from it.' }).waitFor();
    await main.getByLabel('Title', { exact: true }).fill(job.title);
    await main.getByLabel('Summary', { exact: true }).fill(job.summary);
    await main.getByLabel('Private details', { exact: true }).fill(job.details);
    await main.getByLabel('Category', { exact: true }).selectOption('renovation');
    await main.getByLabel('City', { exact: true }).selectOption('tel-aviv');
    await main.getByLabel('Budget', { exact: true }).fill('1000');
    await leaveField(page);
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 2: the client; Back keeps what was typed.
    await main.getByRole('heading', { name: 'Step 2 of 4: The client' }).waitFor();
    expect(await main.getByRole('heading', { name: 'Step 2 of 4: The client' }).evaluate((heading) => heading === document.activeElement)).toBe(true);
    await main.getByLabel('Client’s name', { exact: true }).fill(job.client.name);
    await main.getByRole('button', { name: 'Back' }).click();
    expect(await main.getByLabel('Budget', { exact: true }).inputValue()).toBe('1000');
    await main.getByRole('button', { name: 'Next' }).click();
    expect(await main.getByLabel('Client’s name', { exact: true }).inputValue()).toBe(job.client.name);
    await main.getByLabel('Client’s phone', { exact: true }).fill(job.client.phone);
    await main.getByLabel('Client’s email', { exact: true }).fill(job.client.email);
    await leaveField(page);
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 3: the share, with the split quoted live by the database.
    await main.getByRole('heading', { name: 'Step 3 of 4: Your share' }).waitFor();
    await main.getByText('The platform takes 5% of the final price.').waitFor();
    const quote = page.getByTestId('split-quote');
    expect(await quote.getByRole('heading').textContent()).toBe('On a job of ₪1,000.00');
    await quote.getByText('Enter your share to see the split.').waitFor();
    await main.getByLabel('Your referral share (%)', { exact: true }).fill('95');
    await leaveField(page);
    await main.getByRole('alert').filter({ hasText: 'Enter a percentage within the limit above' }).waitFor();
    await main.getByLabel('Your referral share (%)', { exact: true }).fill('20');
    await expect.poll(() => quote.getByTestId('quote-referrer').textContent()).toBe('₪200.00');
    expect(await quote.getByTestId('quote-platform').textContent()).toBe('₪50.00');
    expect(await quote.getByTestId('quote-performer').textContent()).toBe('₪750.00');
    await main.getByLabel('Your referral share (%)', { exact: true }).fill('12.5');
    await expect.poll(() => quote.getByTestId('quote-referrer').textContent()).toBe('₪125.00');
    expect(await quote.getByTestId('quote-performer').textContent()).toBe('₪825.00');
    await main.getByLabel('Your referral share (%)', { exact: true }).fill('20');
    await expect.poll(() => quote.getByTestId('quote-referrer').textContent()).toBe('₪200.00');
    await leaveField(page);
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 4: private, reviewed, published.
    await main.getByRole('heading', { name: 'Step 4 of 4: Publish' }).waitFor();
    await main.getByRole('radio', { name: 'Private: only experts you invite' }).check();
    expect(await page.getByTestId('referral-review').textContent()).toContain('20%');
    await main.getByRole('button', { name: 'Publish referral' }).click();

    await page.waitForURL((url) => /^\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
    leadId = new URL(page.url()).pathname.split('/').at(-1)!;
    await main.getByRole('status').filter({ hasText: 'Your referral is published.' }).waitFor();
    await main.getByRole('heading', { name: job.title, level: 1 }).waitFor();
    expect(await page.getByTestId('lead-kind').textContent()).toBe('Referral · 20% to the referrer');
    await main.getByText('Private: only experts you invite').first().waitFor();

    // Invite B; A is not among the choices.
    const choice = main.getByLabel('Expert to invite', { exact: true });
    await expect(choice.locator('option', { hasText: referrer.name }).count()).resolves.toBe(0);
    await choice.selectOption({ label: `${performer.name} — Ramat Gan` });
    await main.getByRole('button', { name: 'Send invitation' }).click();
    await main
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${performer.name}.` })
      .waitFor();
    const invitations = page.getByTestId('invitations');
    await invitations.getByRole('link', { name: performer.name }).waitFor();
    expect(await invitations.getByTestId('invitation-status').textContent()).toBe('Waiting for an answer');
    // Invited once: B is no longer offered.
    await expect(choice.locator('option', { hasText: performer.name }).count()).resolves.toBe(0);
  });

  it('keeps the private referral off B’s board, and lets B accept the invitation and propose', async () => {
    const page = await openSignedIn(pages, performer.email, performer.password, '/board');
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'Lead board', level: 1 }).waitFor();
    await main.getByLabel('Kind', { exact: true }).selectOption('referral');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'referral');
    await main
      .getByRole('status')
      .filter({ hasText: /job request/ })
      .waitFor();
    await expect(main.getByRole('article', { name: job.title }).count()).resolves.toBe(0);

    await headerOf(page).getByRole('link', { name: 'Referrals' }).click();
    await main.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
    const invitation = main.getByRole('article', { name: job.title });
    expect(await invitation.getByTestId('referral-status').textContent()).toBe('Waiting for an answer');
    await invitation.getByRole('link', { name: referrer.name }).waitFor();
    await invitation.getByText('20%').waitFor();
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => invitation.getByTestId('referral-status').textContent()).toBe('Accepted');
    await invitation.getByRole('link', { name: 'Open the job request' }).click();

    await main.getByRole('heading', { name: job.title, level: 1 }).waitFor();
    expect(await page.getByTestId('hint-name').textContent()).toBe('R.');
    expect(await page.getByTestId('hint-phone').textContent()).toBe('+972-3•-•••-••01');
    await main.getByText('if the referring expert accepts your proposal').waitFor();
    await main.getByLabel('Your price (ILS)', { exact: true }).fill('1000');
    await main.getByLabel('Message to the customer', { exact: true }).fill('I can start next week; tiles included.');
    await leaveField(page);
    await main.getByRole('button', { name: 'Send proposal' }).click();
    await page.getByTestId('proposal-status').filter({ hasText: 'Waiting for the customer' }).waitFor();
  });

  it('lets A accept B’s proposal, and the payable shows the split', async () => {
    const page = await openSignedIn(pages, referrer.email, referrer.password, `/jobs/${leadId}`);
    const main = mainOf(page);
    expect(await page.getByTestId('invitation-status').textContent()).toBe('Accepted');
    // The share is fixed once a proposal has arrived.
    await main.getByText('fixed since the first proposal').waitFor();
    const proposal = main.getByRole('article', { name: performer.name });
    expect(await proposal.getByTestId('proposal-price').textContent()).toBe('₪1,000.00');
    await proposal.getByRole('button', { name: 'Accept' }).click();
    await proposal.getByRole('button', { name: 'Yes, accept' }).click();

    await page.getByTestId('payable').waitFor();
    expect(await page.getByTestId('payable-amount').textContent()).toBe('₪1,000.00');
    await main.getByText('Platform fee (5%)').waitFor();
    expect(await page.getByTestId('payable-platform').textContent()).toBe('₪50.00');
    await main.getByText('Referrer’s share (20%)').waitFor();
    expect(await page.getByTestId('payable-referrer').textContent()).toBe('₪200.00');
    expect(await page.getByTestId('payable-performer').textContent()).toBe('₪750.00');
    expect(await page.getByTestId('payable-status').textContent()).toBe('Due');
    // The lead is re-read beside the payable: wait for it to turn.
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Assigned');

    // A's referrals page lists the invitation as accepted.
    await headerOf(page).getByRole('link', { name: 'Referrals' }).click();
    const sent = main.getByRole('article', { name: job.title });
    expect(await sent.getByTestId('referral-status').textContent()).toBe('Accepted');

    // B, the performer, sees the same split and can now reach the client.
    const performerPage = await openSignedIn(pages, performer.email, performer.password, `/jobs/${leadId}`);
    await mainOf(performerPage).getByRole('status').filter({ hasText: 'this job is yours' }).waitFor();
    expect(await performerPage.getByTestId('payable-performer').textContent()).toBe('₪750.00');
    await mainOf(performerPage).getByRole('button', { name: 'Show client contact' }).click();
    expect(await performerPage.getByTestId('revealed-phone').textContent()).toBe('+97235550101');
  });
});
