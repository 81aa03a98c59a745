// A job request from posting to cancellation, against the running stack: a new customer posts a
// plumbing job in Tel Aviv, two new experts find it on the lead board and propose, the customer
// accepts one, only the winner can see the client's phone (the other has no button, and the RPC
// refuses them), the reveal shows in the owner's access log, and after the owner cancels the winner
// can no longer see it. Also: a guest posts a request, and the board in Hebrew.
// Tests share the customer, the experts and the lead, and run in order.
import { randomInt, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonClient } from '../support/clients.ts';
import { appPages, headerOf, leaveField, mainOf, openSignedIn } from '../support/app-pages.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { stackEnv } from '../support/env.ts';
import { createApprovedExpert, type TestExpert } from '../support/experts.ts';

const runId = randomUUID().slice(0, 8);
const customer = { email: `lead-customer-${runId}@example.com`, password: 'correct horse battery', name: `Dana Customer ${runId}` };
// A phone no other run uses: 052 and seven random digits; stored and revealed in E.164.
const subscriber = String(randomInt(0, 10_000_000)).padStart(7, '0');
const phone = { typed: `052-${subscriber.slice(0, 3)}-${subscriber.slice(3)}`, e164: `+97252${subscriber}` };
const job = {
  title: `Leaking boiler pipe ${runId}`,
  summary: 'The pipe under the water heater drips; it needs a new fitting.',
  details: `Gate code 4471, second floor, ask for ${runId}`,
  address: `${randomInt(1, 200)} Dizengoff Street, Tel Aviv`,
};

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let winner: TestExpert;
let loser: TestExpert;
let leadId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  [winner, loser] = await Promise.all([createApprovedExpert({ name: `Avi Pipes ${runId}` }), createApprovedExpert({ name: `Beni Drains ${runId}` })]);
});

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
});

/** The lead's card on the board, loading more pages until it shows (other tests post leads too). */
async function findOnBoard(page: Page, title: string) {
  const card = mainOf(page).getByRole('article', { name: title });
  await mainOf(page).getByRole('heading', { name: 'Lead board', level: 1 }).waitFor();
  await mainOf(page)
    .getByRole('status')
    .filter({ hasText: /job request/ })
    .waitFor();
  for (let pageNumber = 0; pageNumber < 20 && (await card.count()) === 0; pageNumber += 1) {
    const more = mainOf(page).getByRole('button', { name: 'Load more' });
    if ((await more.count()) === 0) break;
    await more.click();
    await mainOf(page).getByRole('button', { name: 'Load more' }).or(card).first().waitFor();
  }
  return card;
}

const proposalCard = (page: Page, expert: TestExpert) => mainOf(page).getByRole('article', { name: expert.name });
const leadPath = () => `/jobs/${leadId}`;

describe('a job request, from posting to cancellation', () => {
  it('lets a new customer post a job request, checked next to each field', async () => {
    const page = await pages.open('/sign-up');
    const main = mainOf(page);
    await main.getByLabel('Display name', { exact: true }).fill(customer.name);
    await main.getByLabel('Email', { exact: true }).fill(customer.email);
    await main.getByLabel('Password', { exact: true }).fill(customer.password);
    await main.getByLabel('Confirm password', { exact: true }).fill(customer.password);
    await main.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/account');

    await headerOf(page).getByRole('link', { name: 'Post a job' }).click();
    await main.getByRole('heading', { name: 'Post a job request', level: 1 }).waitFor();
    // The form says what is public and what stays hidden.
    expect(await page.getByTestId('public-note').textContent()).toContain('approved experts in your area see the title, summary');
    expect(await page.getByTestId('private-note').textContent()).toContain('Hidden until you accept a proposal');
    // Signed in: the name and email are prefilled, and there is no guest choice.
    expect(await main.getByLabel('Your name', { exact: true }).inputValue()).toBe(customer.name);
    expect(await main.getByLabel('Your email', { exact: true }).inputValue()).toBe(customer.email);
    await expect(page.getByTestId('guest-choice').count()).resolves.toBe(0);

    // Mistakes are shown next to their fields before anything is sent.
    await main.getByLabel('Title', { exact: true }).fill('ab');
    await main.getByLabel('Summary', { exact: true }).fill('Call me on 052-123-4567');
    await main.getByLabel('Budget', { exact: true }).fill('1,500');
    await main.getByLabel('Your phone', { exact: true }).fill('12345');
    await leaveField(page);
    await main.getByRole('button', { name: 'Post job request' }).click();
    await main.getByRole('alert').filter({ hasText: 'Use 3 to 120 characters.' }).waitFor();
    await main.getByRole('alert').filter({ hasText: 'Public text must not include email addresses or phone numbers.' }).waitFor();
    await main.getByRole('alert').filter({ hasText: 'Enter an amount like 1500 or 1500.50.' }).waitFor();
    await main.getByRole('alert').filter({ hasText: 'Choose a category.' }).waitFor();
    await main.getByRole('alert').filter({ hasText: 'Enter a valid phone number' }).waitFor();
    // Focus went to the first field to fix.
    expect(await main.getByLabel('Title', { exact: true }).evaluate((input) => input === document.activeElement)).toBe(true);

    await main.getByLabel('Title', { exact: true }).fill(job.title);
    await main.getByLabel('Summary', { exact: true }).fill(job.summary);
    await main.getByLabel('Category', { exact: true }).selectOption('plumbing');
    await main.getByLabel('City', { exact: true }).selectOption('tel-aviv');
    await main.getByLabel('Budget', { exact: true }).fill('1500.50');
    await main.getByLabel('Private details', { exact: true }).fill(job.details);
    await main.getByLabel('Your phone', { exact: true }).fill(phone.typed);
    await main.getByLabel('Address', { exact: true }).fill(job.address);
    await leaveField(page);
    await main.getByRole('button', { name: 'Post job request' }).click();

    await page.waitForURL((url) => /^\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
    leadId = new URL(page.url()).pathname.split('/').at(-1)!;
    await main.getByRole('status').filter({ hasText: 'Your job request is posted.' }).waitFor();
    await main.getByRole('heading', { name: job.title, level: 1 }).waitFor();
    expect(await page.getByTestId('lead-status').textContent()).toBe('Open');
    expect(await page.getByTestId('lead-budget').textContent()).toBe('₪1,500.50');
    await main.getByText('No proposals yet.').waitFor();

    // It is listed under My jobs.
    await headerOf(page).getByRole('link', { name: 'My jobs' }).click();
    const listed = main.getByRole('article', { name: job.title });
    await listed.waitFor();
    expect(await listed.getByTestId('my-lead-proposals').textContent()).toBe('0 proposals');
  });

  it('shows the lead to both experts on their board, with the client masked, and takes their proposals', async () => {
    for (const [expert, price] of [
      [winner, '1400'],
      [loser, '1650'],
    ] as const) {
      const page = await openSignedIn(pages, expert.email, expert.password, '/board');
      const card = await findOnBoard(page, job.title);
      expect(await card.getByTestId('board-lead-budget').textContent()).toBe('₪1,500.50');
      expect(await card.getByTestId('board-lead-where').textContent()).toBe('Tel Aviv-Yafo · in your city');
      expect(await card.getByTestId('lead-kind').textContent()).toBe('Customer request');
      await card.getByRole('link', { name: job.title }).click();

      const main = mainOf(page);
      await main.getByRole('heading', { name: job.title, level: 1 }).waitFor();
      // Only the masked hints: the first letter, the country code and the last two digits.
      expect(await page.getByTestId('hint-name').textContent()).toBe('D.');
      expect(await page.getByTestId('hint-phone').textContent()).toBe(`+972-5•-•••-••${phone.e164.slice(-2)}`);
      expect(await page.getByTestId('hint-email').textContent()).toBe(`l•••@e•••.com`);
      expect(await page.content()).not.toContain(phone.e164.slice(4));
      expect(await page.content()).not.toContain(job.details);

      await main.getByLabel('Your price (ILS)', { exact: true }).fill(price);
      await main.getByLabel('Message to the customer', { exact: true }).fill(`I can fix it this week. ${expert.name}`);
      await leaveField(page);
      await main.getByRole('button', { name: 'Send proposal' }).click();
      await page.getByTestId('proposal-status').filter({ hasText: 'Waiting for the customer' }).waitFor();
      expect(await page.getByTestId('proposal-price').textContent()).toBe(`₪${Number(price).toLocaleString('en')}.00`);
    }

    // The second expert changes their price.
    const page = await openSignedIn(pages, loser.email, loser.password, leadPath());
    const main = mainOf(page);
    await main.getByRole('button', { name: 'Edit proposal' }).click();
    await main.getByLabel('Your price (ILS)', { exact: true }).fill('1600');
    await leaveField(page);
    await main.getByRole('button', { name: 'Save proposal' }).click();
    await main.getByRole('status').filter({ hasText: 'Your proposal was saved.' }).waitFor();
    expect(await page.getByTestId('proposal-price').textContent()).toBe('₪1,600.00');

    // Withdrawn, it can be sent again while the request is open.
    await main.getByRole('button', { name: 'Withdraw proposal' }).click();
    await main.getByRole('button', { name: 'Yes, withdraw' }).click();
    await main.getByText('You withdrew your proposal.').waitFor();
    // The lead and the proposal are re-read side by side: wait for the count rather than assume it.
    await expect.poll(() => page.getByTestId('lead-proposal-count').textContent()).toBe('1');
    await main.getByLabel('Your price (ILS)', { exact: true }).fill('1600');
    await main.getByLabel('Message to the customer', { exact: true }).fill(`Still available this week. ${loser.name}`);
    await leaveField(page);
    await main.getByRole('button', { name: 'Send proposal' }).click();
    await page.getByTestId('proposal-status').filter({ hasText: 'Waiting for the customer' }).waitFor();
    await expect.poll(() => page.getByTestId('lead-proposal-count').textContent()).toBe('2');
  });

  it('shows the board in Hebrew, right to left', async () => {
    const page = await openSignedIn(pages, winner.email, winner.password, '/board');
    await findOnBoard(page, job.title);
    await headerOf(page).getByRole('button', { name: 'עברית' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'לוח הלידים', level: 1 }).waitFor();
    const card = main.getByRole('article', { name: job.title });
    expect(await card.getByTestId('lead-kind').textContent()).toBe('בקשת לקוח');
    expect(await card.getByTestId('board-lead-where').textContent()).toBe('תל אביב-יפו · בעיר שלך');
    expect(await card.getByTestId('board-lead-proposals').textContent()).toBe('2 הצעות');
    expect(await main.getByLabel('מרחק', { exact: true }).locator('option:checked').textContent()).toBe('אזור השירות שלי (30 ק״מ)');
    await page.screenshot({ path: artifactPath('lead-board-he.png'), fullPage: false });
  });

  it('lets the customer accept one proposal, which declines the other and prices the job', async () => {
    const page = await openSignedIn(pages, customer.email, customer.password, leadPath());
    const main = mainOf(page);
    await proposalCard(page, winner).waitFor();
    expect(await proposalCard(page, loser).getByTestId('proposal-price').textContent()).toBe('₪1,600.00');
    // Each proposal names its expert and links to their public profile.
    expect(await proposalCard(page, winner).getByRole('link', { name: winner.name }).getAttribute('href')).toBe(`/experts/${winner.expertId}`);

    await proposalCard(page, winner).getByRole('button', { name: 'Accept' }).click();
    // Asked first, with the consequence spelled out; "Not yet" puts things back.
    await proposalCard(page, winner).getByText(`Accept the proposal from ${winner.name} for ₪1,400.00?`).waitFor();
    await proposalCard(page, winner).getByRole('button', { name: 'Not yet' }).click();
    await proposalCard(page, winner).getByRole('button', { name: 'Accept' }).click();
    await proposalCard(page, winner).getByRole('button', { name: 'Yes, accept' }).click();

    // The lead, its proposals and the payable are re-read side by side: wait for each to turn.
    await page.getByTestId('payable').waitFor();
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe('Assigned');
    expect(await page.getByTestId('payable-amount').textContent()).toBe('₪1,400.00');
    expect(await main.getByText('Platform fee (10%)').count()).toBe(1);
    expect(await page.getByTestId('payable-platform').textContent()).toBe('₪140.00');
    expect(await page.getByTestId('payable-performer').textContent()).toBe('₪1,260.00');
    await expect(page.getByTestId('payable-referrer').count()).resolves.toBe(0);
    await expect.poll(() => proposalCard(page, winner).getByTestId('proposal-status').textContent()).toBe('Accepted');
    await expect.poll(() => proposalCard(page, loser).getByTestId('proposal-status').textContent()).toBe('Declined');
    await expect(main.getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('access-log').count()).resolves.toBe(0);
  });

  it('lets only the winner see the client’s phone', async () => {
    const winnerPage = await openSignedIn(pages, winner.email, winner.password, leadPath());
    await mainOf(winnerPage).getByRole('status').filter({ hasText: 'Your proposal was accepted: this job is yours.' }).waitFor();
    expect(await winnerPage.getByTestId('payable-performer').textContent()).toBe('₪1,260.00');
    await mainOf(winnerPage).getByRole('button', { name: 'Show client contact' }).click();
    await winnerPage.getByTestId('revealed-contact').waitFor();
    expect(await winnerPage.getByTestId('revealed-phone').textContent()).toBe(phone.e164);
    expect(await winnerPage.getByTestId('revealed-name').textContent()).toBe(customer.name);
    expect(await winnerPage.getByTestId('revealed-email').textContent()).toBe(customer.email);
    await mainOf(winnerPage).getByText(job.details).waitFor();

    const loserPage = await openSignedIn(pages, loser.email, loser.password, leadPath());
    await loserPage.getByTestId('lead-unavailable').filter({ hasText: 'The customer chose another expert.' }).waitFor();
    expect(await loserPage.getByTestId('proposal-status').textContent()).toBe('Declined');
    await expect(
      mainOf(loserPage)
        .getByRole('button', { name: /contact/i })
        .count(),
    ).resolves.toBe(0);
    expect(await loserPage.content()).not.toContain(phone.e164.slice(4));

    // Without the button, the database still refuses: the same call the winner's page made.
    const client = anonClient();
    const signedIn = await client.auth.signInWithPassword({ email: loser.email, password: loser.password });
    expect(signedIn.error).toBeNull();
    const { data, error } = await client.rpc('reveal_lead_contact', { lead_id: leadId });
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
    await client.auth.signOut({ scope: 'local' });
  });

  it('shows the owner who saw the contact details', async () => {
    const page = await openSignedIn(pages, customer.email, customer.password, leadPath());
    const log = page.getByTestId('access-log');
    await log.waitFor();
    const rows = log.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe(`The chosen expert: ${winner.name}`);
    expect(await rows.first().getByRole('link', { name: winner.name }).getAttribute('href')).toBe(`/experts/${winner.expertId}`);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('Name, Phone, Email, Address, and Private details');

    // The owner's own look is logged too.
    await mainOf(page).getByRole('button', { name: 'Show contact details' }).click();
    expect(await page.getByTestId('revealed-phone').textContent()).toBe(phone.e164);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().locator('td').first().textContent()).toBe('You');
  });

  it('lets the owner cancel, after which the winner can no longer see the contact details', async () => {
    // The winner has the lead open from before the cancellation.
    const winnerPage = await openSignedIn(pages, winner.email, winner.password, leadPath());
    await mainOf(winnerPage).getByRole('button', { name: 'Show client contact' }).waitFor();

    const ownerPage = await openSignedIn(pages, customer.email, customer.password, leadPath());
    const owner = mainOf(ownerPage);
    await owner.getByRole('button', { name: 'Cancel request' }).click();
    await owner.getByText('The chosen expert loses access to the contact details').waitFor();
    await owner.getByRole('button', { name: 'Yes, cancel it' }).click();
    await ownerPage.getByTestId('lead-cancelled').waitFor();
    expect(await ownerPage.getByTestId('lead-status').textContent()).toBe('Cancelled');
    await expect.poll(() => ownerPage.getByTestId('payable-status').textContent()).toBe('Cancelled');
    await expect(owner.getByRole('button', { name: 'Cancel request' }).count()).resolves.toBe(0);

    // The stale page's button is refused, in words.
    await mainOf(winnerPage).getByRole('button', { name: 'Show client contact' }).click();
    await mainOf(winnerPage).getByRole('alert').filter({ hasText: 'The client’s contact details are no longer available to you' }).waitFor();
    await expect(winnerPage.getByTestId('revealed-contact').count()).resolves.toBe(0);

    // Reloaded, the page says the job is gone and offers no button.
    await winnerPage.reload();
    await winnerPage.getByTestId('lead-unavailable').filter({ hasText: 'This job was cancelled by its owner.' }).waitFor();
    await expect(mainOf(winnerPage).getByRole('button', { name: 'Show client contact' }).count()).resolves.toBe(0);

    // The refused attempt wrote nothing to the owner's log.
    await ownerPage.reload();
    await expect.poll(() => ownerPage.getByTestId('access-log').locator('tbody tr').count()).toBe(2);
  });

  it('lets a signed-out visitor post a job request as a guest', async () => {
    const page = await pages.open('/');
    await headerOf(page).getByRole('link', { name: 'Post a job' }).click();
    const main = mainOf(page);
    await page.getByTestId('guest-choice').waitFor();
    const title = `Guest tap repair ${runId}`;
    await main.getByLabel('Title', { exact: true }).fill(title);
    await main.getByLabel('Summary', { exact: true }).fill('The bathroom tap is loose.');
    await main.getByLabel('Category', { exact: true }).selectOption('plumbing');
    await main.getByLabel('City', { exact: true }).selectOption('haifa');
    await main.getByLabel('Your name', { exact: true }).fill('Guest Person');
    await main.getByLabel('Your phone', { exact: true }).fill('+972 54 000 0000');
    await leaveField(page);
    await main.getByRole('button', { name: 'Post as guest' }).click();

    await page.waitForURL((url) => /^\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
    await main.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.getByTestId('lead-budget').textContent()).toBe('No budget given');
    expect(await page.getByTestId('header-email').textContent()).toBe('Guest');
    await headerOf(page).getByRole('link', { name: 'My jobs' }).click();
    await main.getByRole('article', { name: title }).waitFor();

    // Tidy up: the guest cancels, so the request leaves the board.
    await main.getByRole('link', { name: title }).click();
    await main.getByRole('button', { name: 'Cancel request' }).click();
    await main.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByTestId('lead-cancelled').waitFor();
  });
});
