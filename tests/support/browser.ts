// Headless Debian Chromium for browser tests, via playwright-core (no bundled browsers to download).
// The flags keep Chromium quiet and offline apart from the app under test, and runnable as root.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { rootDir } from '../../stack/config.ts';

export const CHROMIUM_PATH = process.env.GUILDHALL_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (empty storage, so no session or saved language) against the web app. The browser
 * locale is pinned to English so the app's default language does not depend on the machine.
 */
export function newAppContext(browser: Browser, baseURL: string, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 800 } });
}

/** Where screenshots and other browser artifacts go (git-ignored). */
export function artifactPath(fileName: string): string {
  const dir = join(rootDir, 'test-results', 'browser');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}
