// Password recovery end to end: request the email from /forgot-password, follow the link from the
// local mailbox, land on /reset-password with the session in the URL fragment, set a new password,
// and sign in with it.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newAppContext } from '../support/browser.ts';
import { stackEnv } from '../support/env.ts';

const env = stackEnv();
const email = `reset-${randomUUID().slice(0, 8)}@example.com`;
const oldPassword = 'old password 123';
const newPassword = 'new password 456';

let browser: Browser;
let context: BrowserContext;
let page: Page;

const main = () => page.getByRole('main');

async function recoveryLink(): Promise<string> {
  // The auth service writes the email as it answers; poll briefly in case the file lands a bit later.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const res = await fetch(`${env.SUPABASE_URL}/mailbox/api/messages?to=${encodeURIComponent(email)}`);
    const messages = (await res.json()) as { text: string }[];
    const link = messages[0]?.text.match(/https?:\/\/\S+\/auth\/v1\/verify\?\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no recovery email for ${email}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newAppContext(browser, env.GUILDHALL_WEB_URL);
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('password reset', () => {
  it('sends a recovery link that lets the user choose a new password', async () => {
    await page.goto('/sign-up');
    await main().getByRole('heading', { name: 'Create your account' }).waitFor();
    await main().getByLabel('Email', { exact: true }).fill(email);
    await main().getByLabel('Password', { exact: true }).fill(oldPassword);
    await main().getByLabel('Confirm password', { exact: true }).fill(oldPassword);
    await main().getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await main().getByRole('link', { name: 'Forgot your password?' }).click();
    // Wait for the new page: until it renders, the sign-in form's Email field is still on screen.
    await main().getByRole('heading', { name: 'Reset your password' }).waitFor();
    await main().getByLabel('Email', { exact: true }).fill(email);
    await main().getByRole('button', { name: 'Send reset link' }).click();
    await main().getByRole('status').filter({ hasText: email }).waitFor();

    await page.goto(await recoveryLink());
    await page.waitForURL((url) => url.pathname === '/reset-password');
    await main().getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await main().getByLabel('New password', { exact: true }).fill(newPassword);
    await main().getByLabel('Confirm password', { exact: true }).fill(newPassword);
    await main().getByRole('button', { name: 'Save new password' }).click();
    await main().getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await main().getByRole('heading', { name: 'Sign in' }).waitFor();
    await main().getByLabel('Email', { exact: true }).fill(email);
    await main().getByLabel('Password', { exact: true }).fill(newPassword);
    await main().getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/account');
    expect(await page.getByTestId('account-email').textContent()).toBe(email);
  });

  it('shows a clear message when /reset-password is opened without a valid link', async () => {
    const fresh = await newAppContext(browser, env.GUILDHALL_WEB_URL);
    const other = await fresh.newPage();
    await other.goto('/reset-password');
    await other.getByRole('main').getByRole('alert').filter({ hasText: 'invalid or has expired' }).waitFor();
    await other.getByRole('main').getByRole('link', { name: 'Request a new link' }).waitFor();
    await fresh.close();
  });
});
