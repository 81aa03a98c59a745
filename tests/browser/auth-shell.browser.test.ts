// The SPA shell against the running stack: it loads, guards /account, signs a new user up, out and in
// again, shows translated inline errors, and does all of it in Hebrew with a right-to-left layout.
// Tests share one user and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, newAppContext } from '../support/browser.ts';
import { stackEnv } from '../support/env.ts';

const webUrl = stackEnv().GUILDHALL_WEB_URL;
const user = { email: `shell-${randomUUID().slice(0, 8)}@example.com`, password: 'correct horse battery' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

async function openApp(path = '/'): Promise<void> {
  context = await newAppContext(browser, webUrl);
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(path);
}

const header = () => page.getByRole('banner');
const main = () => page.getByRole('main');

async function signIn(labels: { email: string; password: string; submit: string }, password = user.password) {
  await main().getByLabel(labels.email, { exact: true }).fill(user.email);
  await main().getByLabel(labels.password, { exact: true }).fill(password);
  await main().getByRole('button', { name: labels.submit, exact: true }).click();
}

const english = { email: 'Email', password: 'Password', submit: 'Sign in' };
const hebrew = { email: 'אימייל', password: 'סיסמה', submit: 'התחברות' };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  // An uncaught exception in the page is a failure even when every visible check passed.
  expect(pageErrors).toEqual([]);
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('auth shell (English)', () => {
  it('loads the shell and sends a signed-out visitor from /account to /sign-in', async () => {
    await openApp('/');
    await header().getByRole('link', { name: 'Guildhall' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

    await page.goto('/account');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('redirect') === '/account');
    await main().getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('signs up, signs out and signs in again', async () => {
    await openApp('/sign-up');
    await main().getByRole('heading', { name: 'Create your account' }).waitFor();
    await main().getByLabel('Email', { exact: true }).fill(user.email);
    await main().getByLabel('Password', { exact: true }).fill(user.password);
    await main().getByLabel('Confirm password', { exact: true }).fill(user.password);
    await main().getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL('**/account');
    expect(await page.getByTestId('header-email').textContent()).toBe(user.email);
    expect(await page.getByTestId('account-email').textContent()).toBe(user.email);

    await header().getByRole('button', { name: 'Sign out' }).click();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    await main().getByRole('heading', { name: 'Sign in' }).waitFor();

    await signIn(english);
    await page.waitForURL('**/account');
    await main().getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.getByTestId('header-email').textContent()).toBe(user.email);
  });

  it('shows field errors inline and a wrong password as a translated form error', async () => {
    await openApp('/sign-in');
    await main().getByRole('heading', { name: 'Sign in' }).waitFor();
    await main().getByRole('button', { name: 'Sign in', exact: true }).click();
    const email = main().getByLabel('Email', { exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Enter your email address.');

    await signIn(english, 'not the password');
    await main().getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});

describe('auth shell (Hebrew)', () => {
  it('switches to Hebrew, lays out right to left and signs in and out in Hebrew', async () => {
    await openApp('/');
    await header().getByRole('button', { name: 'עברית' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('he');

    // The choice is remembered across a reload.
    await page.reload();
    await header().getByRole('link', { name: 'התחברות' }).click();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await main().getByRole('heading', { name: 'התחברות' }).waitFor();

    await signIn(hebrew, 'not the password');
    await main().getByRole('alert').filter({ hasText: 'האימייל או הסיסמה שגויים.' }).waitFor();

    await signIn(hebrew);
    await page.waitForURL('**/account');
    await main().getByRole('heading', { name: 'החשבון שלי' }).waitFor();
    expect(await page.getByTestId('account-email').textContent()).toBe(user.email);
    await page.screenshot({ path: artifactPath('auth-shell-he.png'), fullPage: true });

    await header().getByRole('button', { name: 'התנתקות' }).click();
    await header().getByRole('link', { name: 'התחברות' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  });
});
