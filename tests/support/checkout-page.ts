// The local Stripe's hosted Checkout page, as a payer meets it in the browser: the app sends the
// page there, the payer clicks Pay (or Decline), and Checkout sends them back to the app.
import type { Page } from 'playwright-core';
import { stackEnv } from './env.ts';

/** Waits for the hosted Checkout page, checks the amount it asks for, and clicks its Pay button. */
export async function payOnCheckoutPage(page: Page, amountText: string, action: 'pay' | 'decline' = 'pay'): Promise<void> {
  const port = stackEnv().STRIPE_API_PORT;
  await page.waitForURL((url) => url.port === String(port) && url.pathname.startsWith('/checkout/cs_'));
  await page.getByRole('heading', { name: `Pay ${amountText}`, level: 1 }).waitFor();
  const button = action === 'pay' ? page.getByRole('button', { name: `Pay ${amountText}` }) : page.getByRole('button', { name: /^Decline/ });
  await button.click();
}
