// Message keys for the payable and payment enums and for wallet movements, shared by the lead page,
// the pay-link page, the wallet and the admins' money page.
import type { PayableStatus, PaymentStatus } from '../../data/payments/payment-types.ts';
import type { MessageKey } from '../../i18n/en.ts';

export const payableStatusLabel = {
  due: 'payable.due',
  paid: 'payable.paid',
  completed: 'payable.completed',
  cancelled: 'payable.cancelled',
} as const satisfies Record<PayableStatus, MessageKey>;

export const paymentStatusLabel = {
  pending: 'paymentStatus.pending',
  paid: 'paymentStatus.paid',
  failed: 'paymentStatus.failed',
} as const satisfies Record<PaymentStatus, MessageKey>;

/** The wallet's three balances, as my_wallet_movements names them in `bucket`. */
export const WALLET_BUCKETS = ['escrow', 'pending', 'available'] as const;
export type WalletBucket = (typeof WALLET_BUCKETS)[number];

export const walletBucketLabel = {
  escrow: 'wallet.escrow',
  pending: 'wallet.pending',
  available: 'wallet.available',
} as const satisfies Record<WalletBucket, MessageKey>;

export const walletBucketExplanation = {
  escrow: 'wallet.escrowExplained',
  pending: 'wallet.pendingExplained',
  available: 'wallet.availableExplained',
} as const satisfies Record<WalletBucket, MessageKey>;

/** Ledger transaction kinds that reach an expert's accounts. A kind added later shows as it is named. */
const walletKindLabels: Readonly<Record<string, MessageKey>> = {
  payment: 'walletKind.payment',
  completion: 'walletKind.completion',
  hold_release: 'walletKind.holdRelease',
};

export function walletKindLabel(kind: string): MessageKey | null {
  return Object.hasOwn(walletKindLabels, kind) ? walletKindLabels[kind]! : null;
}

export function walletBucketKey(bucket: string): MessageKey | null {
  return Object.hasOwn(walletBucketLabel, bucket) ? walletBucketLabel[bucket as WalletBucket] : null;
}
