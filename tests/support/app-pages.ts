// Pages of the web app for browser tests that need several people at once (a customer and two
// experts, say): each page has its own context, so its own session and language. Uncaught page
// errors are collected for the test's afterEach to check; `closeAll` ends every context.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newAppContext } from './browser.ts';

export interface AppPages {
  /** A new page in a fresh context (no session, English), at `path`. */
  open(path?: string): Promise<Page>;
  /** Uncaught exceptions thrown in any page since the last reset. */
  errors: string[];
  closeAll(): Promise<void>;
}

export function appPages(browser: () => Browser, baseURL: string): AppPages {
  const contexts: BrowserContext[] = [];
  const pages: AppPages = {
    errors: [],
    async open(path = '/') {
      const context = await newAppContext(browser(), baseURL);
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pages.errors.push(error.message));
      await page.goto(path);
      return page;
    },
    async closeAll() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      pages.errors = [];
    },
  };
  return pages;
}

export const mainOf = (page: Page): Locator => page.getByRole('main');
export const headerOf = (page: Page): Locator => page.getByRole('banner');

/** Signs in through /sign-in (the page must be there) and waits to land on `landing`. */
export async function signInThroughUi(
  page: Page,
  email: string,
  password: string,
  landing: string | ((url: URL) => boolean) = '**/account',
): Promise<void> {
  const main = mainOf(page);
  await main.getByRole('heading', { name: 'Sign in' }).waitFor();
  await main.getByLabel('Email', { exact: true }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(landing);
}

/** A page signed in as the given user, at `path` (through /sign-in?redirect=). */
export async function openSignedIn(pages: AppPages, email: string, password: string, path = '/account'): Promise<Page> {
  const page = await pages.open(`/sign-in?redirect=${encodeURIComponent(path)}`);
  await signInThroughUi(page, email, password, (url) => url.pathname === path.split('?')[0]);
  return page;
}

/**
 * Leaves the focused field, as a person does before reaching for a button. Forms show a field's
 * error when it loses focus; if that happens during the click on a button below, the message pushes
 * the button away between mouse down and up and the click is lost (for people as for Playwright).
 */
export async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
