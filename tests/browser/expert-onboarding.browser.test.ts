// Expert onboarding end to end against the running stack: a new user signs up and applies, the demo
// admin approves the application, and the expert shows up in the public directory under the right
// filters, in English and in Hebrew (right to left, with Hebrew city and category names).
// Tests share one applicant and run in order.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, newAppContext } from '../support/browser.ts';
import { stackEnv } from '../support/env.ts';

const webUrl = stackEnv().GUILDHALL_WEB_URL;
const runId = randomUUID().slice(0, 8);
const applicant = { email: `applicant-${runId}@example.com`, password: 'correct horse battery', name: `Noa Tester ${runId}` };
const admin = { email: 'admin@example.com', password: 'demo-password' };
// A category and city that only test runs use, so the filtered list stays short.
const expert = { name: `Garden Works ${runId}`, category: 'gardening', city: 'eilat' };

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
const expertCard = () => main().getByRole('article', { name: expert.name });

async function signIn(email: string, password: string): Promise<void> {
  await main().getByRole('heading', { name: 'Sign in' }).waitFor();
  await main().getByLabel('Email', { exact: true }).fill(email);
  await main().getByLabel('Password', { exact: true }).fill(password);
  await main().getByRole('button', { name: 'Sign in', exact: true }).click();
}

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

describe('expert onboarding', () => {
  it('signs a new user up, who applies as an expert and sees the application pending', async () => {
    await openApp('/sign-up');
    await main().getByRole('heading', { name: 'Create your account' }).waitFor();
    await main().getByLabel('Display name', { exact: true }).fill(applicant.name);
    await main().getByLabel('Email', { exact: true }).fill(applicant.email);
    await main().getByLabel('Password', { exact: true }).fill(applicant.password);
    await main().getByLabel('Confirm password', { exact: true }).fill(applicant.password);
    await main().getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/account');
    // The sign-up metadata became the profile.
    expect(await main().getByLabel('Display name', { exact: true }).inputValue()).toBe(applicant.name);
    expect(await page.getByTestId('account-roles').textContent()).toBe('Customer');
    await expect(header().getByRole('link', { name: 'Applications' }).count()).resolves.toBe(0);

    await header().getByRole('link', { name: 'Apply as expert' }).click();
    await main().getByRole('heading', { name: 'Apply as an expert', level: 1 }).waitFor();
    // The public name starts as the profile's name; the applicant uses a business name instead.
    const publicName = main().getByLabel('Public name', { exact: true });
    expect(await publicName.inputValue()).toBe(applicant.name);

    // Contact details are refused next to the field, before anything is sent.
    await main().getByLabel('Headline', { exact: true }).fill('Call 052-123-4567');
    await main().getByRole('button', { name: 'Submit application' }).click();
    await main().getByRole('alert').filter({ hasText: 'Public text must not include email addresses or phone numbers.' }).first().waitFor();

    await publicName.fill(expert.name);
    await main().getByLabel('Headline', { exact: true }).fill('Gardens and irrigation in the south');
    await main().getByLabel('About your work', { exact: true }).fill('Garden design, irrigation systems and seasonal care.');
    await main().getByRole('checkbox', { name: 'Gardening' }).check();
    await main().getByLabel('Specialties', { exact: true }).fill('Drip irrigation, Desert plants');
    await main().getByRole('checkbox', { name: 'Hebrew' }).check();
    await main().getByRole('checkbox', { name: 'English' }).check();
    await main().getByLabel('Base city', { exact: true }).selectOption(expert.city);
    await main().getByLabel('Service radius (km)', { exact: true }).fill('60');
    await main().getByLabel('Hourly rate', { exact: true }).fill('180.50');
    await main().getByRole('button', { name: 'Submit application' }).click();

    await main().getByRole('status').filter({ hasText: 'Saved. Application status: Pending review.' }).waitFor();
    expect(await page.getByTestId('application-status').getByRole('heading').textContent()).toBe('Application status: Pending review');

    // A reload shows the saved application, prefilled, with the rate back in major units.
    await page.reload();
    await main().getByRole('heading', { name: 'Your expert profile', level: 1 }).waitFor();
    expect(await main().getByLabel('Hourly rate', { exact: true }).inputValue()).toBe('180.50');
    expect(await main().getByRole('checkbox', { name: 'Gardening' }).isChecked()).toBe(true);

    // Not yet public.
    await page.goto(`/experts?category=${expert.category}&city=${expert.city}`);
    await main().getByRole('heading', { name: 'Find an expert' }).waitFor();
    await expect(expertCard().count()).resolves.toBe(0);

    await header().getByRole('button', { name: 'Sign out' }).click();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('keeps non-admins out of the review queue', async () => {
    await openApp('/admin/applications');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signIn(applicant.email, applicant.password);
    await page.waitForURL('**/admin/applications');
    await main().getByRole('heading', { name: 'Not allowed' }).waitFor();
  });

  it('lets the demo admin approve the application', async () => {
    await openApp('/sign-in');
    await signIn(admin.email, admin.password);
    await page.waitForURL('**/account');
    await header().getByRole('link', { name: 'Applications' }).click();
    await main().getByRole('heading', { name: 'Expert applications' }).waitFor();

    const card = expertCard();
    await card.getByTestId('expert-city').filter({ hasText: 'Eilat' }).waitFor();
    await card.getByLabel('Note to the applicant', { exact: true }).fill('Welcome aboard.');
    await card.getByRole('button', { name: 'Approve' }).click();
    await main()
      .getByRole('status')
      .filter({ hasText: `${expert.name} was approved and is now in the directory.` })
      .waitFor();
    await card.waitFor({ state: 'detached' });
  });

  it('lists the approved expert in the directory under its category and city, and not under other filters', async () => {
    await openApp('/');
    await header().getByRole('link', { name: 'Find experts' }).click();
    await main().getByRole('heading', { name: 'Find an expert' }).waitFor();

    // The group includes its categories: Gardening is under Home services.
    await main().getByLabel('Category', { exact: true }).selectOption('home-services');
    await main().getByLabel('City', { exact: true }).selectOption(expert.city);
    await page.waitForURL((url) => url.searchParams.get('category') === 'home-services' && url.searchParams.get('city') === expert.city);
    await expertCard().waitFor();

    await main().getByLabel('Category', { exact: true }).selectOption(expert.category);
    await page.waitForURL((url) => url.searchParams.get('category') === expert.category);
    const card = expertCard();
    await card.waitFor();
    expect(await card.getByTestId('expert-city').textContent()).toBe('Eilat');
    expect(await card.getByTestId('expert-categories').textContent()).toBe('Gardening');
    expect(await card.getByTestId('expert-rate').textContent()).toBe('₪180.50 / hour');

    // Filters that exclude it: a language it does not speak, another category, another city.
    await main().getByLabel('Language', { exact: true }).selectOption('ar');
    await page.waitForURL((url) => url.searchParams.get('language') === 'ar');
    // The URL changes before the new results render: wait for the card to go, not for a count.
    await expertCard().waitFor({ state: 'detached' });
    await page.goto(`/experts?category=plumbing&city=${expert.city}`);
    await main().getByRole('heading', { name: 'Find an expert' }).waitFor();
    await expect(expertCard().count()).resolves.toBe(0);
    await page.goto(`/experts?category=${expert.category}&city=haifa`);
    await main().getByRole('heading', { name: 'Find an expert' }).waitFor();
    await expect(expertCard().count()).resolves.toBe(0);

    // The public profile.
    await page.goto(`/experts?category=${expert.category}&city=${expert.city}&language=he`);
    await expertCard().getByRole('link', { name: expert.name }).click();
    await main().getByRole('heading', { name: expert.name, level: 1 }).waitFor();
    await main().getByText('Up to 60 km from Eilat').waitFor();
    await main().getByText('Drip irrigation and Desert plants').waitFor();
  });

  it('shows the directory in Hebrew, right to left, with Hebrew names', async () => {
    await openApp(`/experts?category=${expert.category}&city=${expert.city}`);
    await main().getByRole('heading', { name: 'Find an expert' }).waitFor();
    await header().getByRole('button', { name: 'עברית' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('he');

    await main().getByRole('heading', { name: 'מציאת מומחה' }).waitFor();
    const card = expertCard();
    expect(await card.getByTestId('expert-city').textContent()).toBe('אילת');
    expect(await card.getByTestId('expert-categories').textContent()).toBe('גינון');
    // Intl's Hebrew currency format (mark characters, spacing) varies with the ICU version: check the parts.
    const rate = (await card.getByTestId('expert-rate').textContent()) ?? '';
    expect([rate.includes('180.50'), rate.includes('₪'), rate.endsWith('לשעה')]).toEqual([true, true, true]);
    // The filters speak Hebrew too.
    expect(await main().getByLabel('עיר', { exact: true }).locator('option:checked').textContent()).toBe('אילת');
    await page.screenshot({ path: artifactPath('expert-directory-he.png'), fullPage: true });
  });

  it('shows the applicant the approval and the reviewer’s note', async () => {
    await openApp('/sign-in');
    await signIn(applicant.email, applicant.password);
    await page.waitForURL('**/account');
    expect(await page.getByTestId('account-roles').textContent()).toBe('Customer and Expert');
    await header().getByRole('link', { name: 'Expert profile' }).click();
    await main().getByRole('heading', { name: 'Application status: Approved' }).waitFor();
    expect(await page.getByTestId('decision-note').textContent()).toContain('Welcome aboard.');
  });

  it('saves the profile, and its preferred language switches the UI', async () => {
    await openApp('/sign-in');
    await signIn(applicant.email, applicant.password);
    await page.waitForURL('**/account');
    const avatar = main().getByLabel('Avatar URL', { exact: true });
    await avatar.fill('not a link');
    await main().getByRole('button', { name: 'Save profile' }).click();
    expect(await avatar.getAttribute('aria-invalid')).toBe('true');
    await main().getByRole('alert').filter({ hasText: 'Enter a web address that starts with http:// or https://' }).waitFor();

    await avatar.fill('https://example.com/noa.png');
    await main().getByLabel('Preferred language', { exact: true }).selectOption('he');
    await main().getByRole('button', { name: 'Save profile' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await main().getByRole('status').filter({ hasText: 'הפרופיל נשמר.' }).waitFor();

    // What was saved is what the database holds.
    await page.reload();
    await main().getByRole('heading', { name: 'החשבון שלי' }).waitFor();
    expect(await main().getByLabel('כתובת תמונת פרופיל', { exact: true }).inputValue()).toBe('https://example.com/noa.png');
    expect(await main().getByLabel('שפה מועדפת', { exact: true }).inputValue()).toBe('he');
  });
});
