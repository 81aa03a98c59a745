// Paying an expert out through Stripe Connect, against the running stack. Through the API: a new
// approved expert's ₪1,000.00 job is paid, done, confirmed and its hold released (their ₪900.00 is
// available). In the browser:
// (a) the expert clicks "Connect payouts" in the wallet, leaves Stripe's onboarding once ("Not now":
//     back to a wallet that asks them to continue), then completes it and comes back to
//     "Payouts active";
// (b) the demo admin creates the payout batch for the period that has just ended on the money clock
//     (a second batch for it, and a period not over yet, are refused with a clear message), reviews
//     it (the expert's ₪900.00 payout listed), and runs it;
// (c) the payout shows as paid in the expert's payout history once Stripe's payout.paid arrives;
// (d) the admin downloads the batch as CSV: BOM, header, and amounts that sum to the batch total;
//     and the period's ledger movements, each transaction balanced;
// (e) Stripe later restricts the account: the wallet lists what Stripe needs, in plain words where it
//     can, until the expert completes onboarding again.
// The demo data and earlier runs may have batches and ready experts of their own: every assertion is
// about this run's expert and batch. Tests share them and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInDemo } from '../support/accounts.ts';
import { appPages, headerOf, mainOf, openSignedIn } from '../support/app-pages.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { decimalToMinor, readCsvFile } from '../support/csv-file.ts';
import { stackEnv } from '../support/env.ts';
import type { TestExpert } from '../support/experts.ts';
import { batchOfExpertPayout, expertWithAvailableMoney, moveClockBack, moveClockToFreePeriod, RELEASE_DAYS_LATER } from '../support/payout-setup.ts';
import { signInExpert } from '../support/signed-in-expert.ts';
import { fakeControl, webhooksIdle } from '../support/stripe-fake.ts';

const runId = randomUUID().slice(0, 8);
const admin = { email: 'admin@example.com', password: 'demo-password' };

let browser: Browser;
const pages = appPages(() => browser, stackEnv().GUILDHALL_WEB_URL);
let expert: TestExpert;
/** Days this file has the money clock moved ahead, to move it back by (not to a saved value: another test may move it too). */
let clockMovedDays = 0;
let periodEnd: string;
let batchId: string;
let transferId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ expert } = await expertWithAvailableMoney(`Yael Payouts ${runId}`));
}, 90_000);

afterEach(async () => {
  // An uncaught exception in a page is a failure even when every visible check passed.
  expect(pages.errors).toEqual([]);
  await pages.closeAll();
});

afterAll(async () => {
  // The batch test moves the clock back itself; this is the safety net if a run was cut short.
  if (clockMovedDays > 0) await moveClockBack(clockMovedDays);
  await browser?.close();
});

/** Waits for the local Stripe's hosted onboarding page. */
async function onOnboardingPage(page: Page): Promise<void> {
  const port = String(stackEnv().STRIPE_API_PORT);
  await page.waitForURL((url) => url.port === port && url.pathname.startsWith('/connect/onboarding/'));
  await page.getByRole('heading', { name: 'Set up payouts', level: 1 }).waitFor();
}

const backOnWallet = (connect: string) => (url: URL) => url.pathname === '/wallet' && url.searchParams.get('connect') === connect;

/** The admins' payouts page, reviewing this run's batch. */
async function openBatchReview(): Promise<Page> {
  const page = await openSignedIn(pages, admin.email, admin.password, `/admin/payouts?batch=${batchId}`);
  await page.getByTestId('payout-batch-review').waitFor();
  return page;
}

const ownPayout = (page: Page) => page.locator(`[data-testid="batch-payout"][data-expert-id="${expert.expertId}"]`);

describe('an expert connects payouts and is paid out in a batch', () => {
  it('lets the expert connect payouts through Stripe’s onboarding and come back to payouts active', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    const main = mainOf(page);
    expect(await page.getByTestId('wallet-ILS').getByTestId('wallet-available').textContent()).toBe('₪900.00');
    const panel = page.getByTestId('payout-account');
    expect(await panel.getAttribute('data-state')).toBe('none');
    await panel.getByRole('heading', { name: 'Getting paid' }).waitFor();
    await page.getByTestId('no-payouts').waitFor();

    // Connect, then leave Stripe's page without finishing: the wallet asks to continue.
    await panel.getByRole('button', { name: 'Connect payouts' }).click();
    await onOnboardingPage(page);
    await page.getByRole('link', { name: 'Not now' }).click();
    await page.waitForURL(backOnWallet('refresh'));
    await expect.poll(() => panel.getAttribute('data-state')).toBe('incomplete');
    await panel.getByRole('status').filter({ hasText: 'That onboarding link has expired. Continue onboarding to get a new one.' }).waitFor();
    expect(await panel.getByTestId('payout-account-state').textContent()).toBe(
      'You have started connecting payouts. Finish Stripe’s onboarding to be paid out.',
    );

    // Continue: a new link, the same account; finishing it turns payouts on.
    await panel.getByRole('button', { name: 'Continue onboarding' }).click();
    await onOnboardingPage(page);
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL(backOnWallet('return'));
    await panel.getByTestId('payout-account-active').waitFor();
    expect(await panel.getByTestId('payout-account-active').textContent()).toContain('Payouts active');
    expect(await panel.getAttribute('data-state')).toBe('ready');
    await panel.getByRole('status').filter({ hasText: 'Your payout account is connected.' }).waitFor();
    await expect(main.getByRole('button', { name: /Connect payouts|Continue onboarding/ }).count()).resolves.toBe(0);
  });

  it('lets the admin create the batch for the period that just ended and review the expert’s payout', async () => {
    const page = await openSignedIn(pages, admin.email, admin.password, '/admin/money');
    await headerOf(page).getByRole('link', { name: 'Payouts' }).click();
    const main = mainOf(page);
    await main.getByRole('heading', { name: 'Payouts', level: 1 }).waitFor();
    const form = page.getByTestId('new-payout-batch');

    // The money clock moves past the end of a period with no batch yet (the release is 8 days ahead
    // on it): "yesterday" as the database sees it. Back to normal as soon as the batch exists.
    const moved = await moveClockToFreePeriod(RELEASE_DAYS_LATER + 1);
    periodEnd = moved.periodEnd;
    clockMovedDays = moved.days;
    try {
      await form.getByLabel('Last day of the period (UTC)').fill(periodEnd);
      await form.getByRole('button', { name: 'Create batch' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/payouts' && url.searchParams.has('batch'));
      await main.getByRole('status').filter({ hasText: 'ready to review below' }).waitFor();
      // One batch per period: a second one is refused with the reason (the period has ended, so
      // this is the refusal the database gives).
      await form.getByRole('button', { name: 'Create batch' }).click();
      await form
        .getByRole('alert')
        .filter({ hasText: `There is already a payout batch for the period ending ${periodEnd}.` })
        .waitFor();
    } finally {
      await moveClockBack(clockMovedDays);
      clockMovedDays = 0;
    }
    batchId = new URL(page.url()).searchParams.get('batch')!;

    const review = page.getByTestId('payout-batch-review');
    expect(await review.getAttribute('data-batch-id')).toBe(batchId);
    expect(await review.getByTestId('batch-review-state').textContent()).toBe('Not run yet');
    expect(await review.getAttribute('data-period-end')).toBe(periodEnd);
    // Listed among the batches and marked as the one under review (unless later periods push it
    // off the list: earlier runs on a shared stack may have batched days further ahead).
    const batchRow = page.locator(`[data-testid="payout-batch"][data-batch-id="${batchId}"]`);
    if ((await batchRow.count()) > 0) expect(await batchRow.getAttribute('aria-current')).toBe('true');

    const row = ownPayout(page);
    await review.locator('[data-testid="batch-payouts"], [data-testid="batch-empty"]').first().waitFor();
    // On a shared stack, another test's batch may have taken the expert's money first: say so.
    if ((await row.count()) === 0) {
      expect.fail(
        `the expert's payout is not in this batch (${periodEnd}); it is in: ${(await batchOfExpertPayout(expert.expertId)).join(', ') || 'none'}`,
      );
    }
    expect(await row.getByTestId('batch-payout-expert').textContent()).toBe(expert.name);
    expect(await row.getByTestId('batch-payout-available').textContent()).toBe('₪900.00');
    expect(await row.getByTestId('batch-payout-amount').textContent()).toBe('₪900.00');
    await expect(row.getByTestId('batch-payout-carry').count()).resolves.toBe(0);
    expect(await row.getByTestId('payout-status').textContent()).toBe('Waiting to be sent');

    // Only a period that has ended (on the money clock, now back to normal) can be batched. Two
    // years ahead: clear of any move another test on a shared stack may be making to the clock.
    const notOver = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Last day of the period (UTC)').fill(notOver);
    await form.getByRole('button', { name: 'Create batch' }).click();
    await form.getByRole('alert').filter({ hasText: 'That period has not ended yet.' }).waitFor();
  });

  it('lets the admin run the batch, and follows the payout until Stripe has paid it', async () => {
    const page = await openBatchReview();
    const review = page.getByTestId('payout-batch-review');
    await review.getByRole('button', { name: 'Run the batch' }).click();
    await review.getByRole('button', { name: 'Yes, send them' }).click();
    await review
      .getByRole('status')
      .filter({ hasText: /Payouts sent to Stripe: \d+\./ })
      .waitFor({ timeout: 30_000 });

    // Stripe's payout.paid arrives by webhook; the list re-reads itself until then.
    const row = ownPayout(page);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('paid');
    expect(await row.getByTestId('payout-status').textContent()).toBe('Paid');
    transferId = (await row.getByTestId('payout-transfer').textContent())!;
    expect(transferId).toMatch(/^tr_/);
  });

  it('shows the expert the payout as paid in their payout history', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    const payout = page.getByTestId('payout');
    await payout.first().waitFor();
    expect(await payout.count()).toBe(1);
    expect(await payout.getAttribute('data-status')).toBe('paid');
    expect(await payout.getByTestId('payout-amount').textContent()).toBe('₪900.00');
    expect(await payout.getByTestId('payout-status').textContent()).toBe('Paid');
    expect(await payout.getByTestId('payout-transfer').textContent()).toBe(transferId);
    await expect(payout.getByTestId('payout-carry-netted').count()).resolves.toBe(0);
    // The money left the available balance, and the movements say where it went.
    expect(await page.getByTestId('wallet-ILS').getByTestId('wallet-available').textContent()).toBe('₪0.00');
    const batched = page.locator('[data-testid="wallet-movement"][data-kind="payout"][data-bucket="available"]');
    expect(await batched.getByTestId('movement-kind').textContent()).toBe('Payout');
    expect(await batched.getByTestId('movement-amount').textContent()).toBe('-₪900.00');
    const sent = page.locator('[data-testid="wallet-movement"][data-kind="payout_transfer"]');
    expect(await sent.getByTestId('movement-kind').textContent()).toBe('Sent to your Stripe account');
    expect(await sent.getByTestId('movement-bucket').textContent()).toBe('On its way to you');
    await page.screenshot({ path: artifactPath('wallet-payouts.png'), fullPage: true });
  });

  it('lets the admin download the batch as CSV whose amounts sum to the batch total', async () => {
    const page = await openBatchReview();
    const review = page.getByTestId('payout-batch-review');
    const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`guildhall-payouts-${periodEnd}.csv`);
    const csv = await readCsvFile((await download.path())!);
    expect(csv.bom).toBe(true);
    expect(csv.crlf).toBe(true);
    const [header, ...lines] = csv.rows;
    expect(header).toEqual([
      'payout_id',
      'period_end',
      'expert_id',
      'expert_name',
      'currency',
      'amount',
      'available',
      'carry_netted',
      'reversed',
      'status',
      'transfer_id',
      'created_at',
      'transferred_at',
      'paid_at',
      'failed_at',
      'failure_reason',
    ]);
    const records = lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
    expect(records.every((r) => r.period_end === periodEnd)).toBe(true);

    const mine = records.filter((r) => r.expert_id === expert.expertId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      expert_name: expert.name,
      currency: 'ILS',
      amount: '900.00',
      available: '900.00',
      carry_netted: '0.00',
      status: 'paid',
      transfer_id: transferId,
    });
    expect(mine[0]!.paid_at).not.toBe('');

    // Every payout of the batch, and per currency the amounts sum to the batch's total.
    const adminApi = await signInDemo('admin');
    const { data: batch, error } = await adminApi.client.from('payout_batches').select('payouts, totals').eq('id', batchId).single();
    expect(error).toBeNull();
    expect(records).toHaveLength(batch!.payouts as number);
    const sums: Record<string, number> = {};
    for (const r of records) sums[r.currency!] = (sums[r.currency!] ?? 0) + decimalToMinor(r.amount!);
    expect(sums).toEqual(batch!.totals);
    // The page shows the same total.
    const ilsTotal = (batch!.totals as Record<string, number>).ILS!;
    expect(await review.getByTestId('batch-totals').getByTestId('batch-total-ILS').textContent()).toBe(
      `₪${(ilsTotal / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await adminApi.client.auth.signOut({ scope: 'local' });
  });

  it('lets the admin download the period’s ledger movements as CSV, each transaction balanced', async () => {
    const page = await openSignedIn(pages, admin.email, admin.password, '/admin/payouts');
    const form = page.getByTestId('ledger-export');
    // From the payment (today) to the batch (the day after the period, on the money clock).
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${periodEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('First day (UTC)').fill(from);
    await form.getByLabel('Last day (UTC)').fill(to);
    const answer = page.waitForResponse((r) => r.url().includes('/rest/v1/rpc/admin_ledger_movements'));
    const downloaded = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download ledger CSV' }).click();
    const first = await answer;
    expect(first.ok(), `admin_ledger_movements answered ${first.status()}`).toBe(true);
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`guildhall-ledger-${from}-to-${to}.csv`);
    await form
      .getByRole('status')
      .filter({ hasText: /^Downloaded: [\d,]+ ledger entries\.$/ })
      .waitFor();
    const csv = await readCsvFile((await download.path())!);
    expect(csv.bom).toBe(true);
    const [header, ...lines] = csv.rows;
    expect(header).toEqual(['transaction_id', 'kind', 'effective_at', 'account', 'expert_id', 'currency', 'amount', 'payable_id']);
    const records = lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
    // Double entry: every transaction sums to zero in each currency.
    const sums = new Map<string, number>();
    for (const r of records)
      sums.set(`${r.transaction_id}:${r.currency}`, (sums.get(`${r.transaction_id}:${r.currency}`) ?? 0) + decimalToMinor(r.amount!));
    expect([...sums.values()].every((sum) => sum === 0)).toBe(true);
    // This expert's payout: out of available, into "on its way", then sent.
    const mine = records.filter((r) => r.expert_id === expert.expertId);
    expect(mine.filter((r) => r.kind === 'payout').map((r) => [r.account, r.amount])).toEqual(
      expect.arrayContaining([
        ['expert_available', '900.00'],
        ['expert_payout_in_flight', '-900.00'],
      ]),
    );
    expect(mine.filter((r) => r.kind === 'payout_transfer').map((r) => [r.account, r.amount])).toEqual([['expert_payout_in_flight', '900.00']]);
  });

  it('shows the payout in Hebrew, right to left', async () => {
    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    await page.getByTestId('payout').first().waitFor();
    await headerOf(page).getByRole('button', { name: 'עברית' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('payout-account').getByText('קבלת תשלומים פעילה').waitFor();
    expect(await page.getByTestId('payout').getByTestId('payout-status').textContent()).toBe('שולם');
    await page.screenshot({ path: artifactPath('wallet-payouts-he.png'), fullPage: true });
  });

  it('shows what Stripe still needs when it restricts the account, until the expert completes it again', async () => {
    const me = await signInExpert(expert);
    const { data: account } = await me.client.from('payout_accounts').select('stripe_account_id').single();
    await me.client.auth.signOut({ scope: 'local' });
    // Stripe asks for an identity document and something this app has no words for.
    await fakeControl(`/accounts/${account!.stripe_account_id}/restrict`, {
      requirements: ['individual.verification.document', 'tos_acceptance.date', 'tos_acceptance.ip', 'settings.unknown_requirement'],
    });
    await webhooksIdle();

    const page = await openSignedIn(pages, expert.email, expert.password, '/wallet');
    const panel = page.getByTestId('payout-account');
    expect(await panel.getAttribute('data-state')).toBe('incomplete');
    expect(await panel.getByTestId('payout-account-state').textContent()).toBe('Stripe needs a little more before it can pay you out.');
    expect(await panel.getByTestId('payout-account-disabled').textContent()).toBe('Stripe has paused payouts until it gets the details below.');
    expect(await panel.getByTestId('payout-requirements').getByRole('listitem').allTextContents()).toEqual([
      'A photo of your identity document',
      'Accepting Stripe’s terms of service',
      'settings.unknown_requirement',
    ]);
    // The paid payout stays in the history.
    expect(await page.getByTestId('payout').getAttribute('data-status')).toBe('paid');

    await panel.getByRole('button', { name: 'Continue onboarding' }).click();
    await onOnboardingPage(page);
    await page.getByRole('button', { name: 'Complete onboarding' }).click();
    await page.waitForURL(backOnWallet('return'));
    await panel.getByTestId('payout-account-active').waitFor();
    expect(await panel.getAttribute('data-state')).toBe('ready');
  });
});
