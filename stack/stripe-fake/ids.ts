// Stripe ids are a type prefix and a random base62 tail (`pi_3Q…`, `cs_test_a1…`); code and people
// recognise objects by the prefix, so the fake keeps Stripe's prefixes.
import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export const PREFIX = {
  account: 'acct_',
  accountLink: 'aclink_',
  balanceTransaction: 'txn_',
  bankAccount: 'ba_',
  charge: 'ch_',
  checkoutSession: 'cs_test_',
  destinationPayment: 'py_',
  dispute: 'dp_',
  event: 'evt_',
  lineItem: 'li_',
  paymentIntent: 'pi_',
  paymentMethod: 'pm_',
  /** A destination payment's refund, made by a transfer reversal. */
  paymentRefund: 'pyr_',
  payout: 'po_',
  price: 'price_',
  product: 'prod_',
  refund: 're_',
  request: 'req_',
  topup: 'tu_',
  transfer: 'tr_',
  transferReversal: 'trr_',
} as const;

export function newId(prefix: string, length = 24): string {
  return `${prefix}${randomBase62(length)}`;
}
