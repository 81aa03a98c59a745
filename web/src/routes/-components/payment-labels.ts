// Message keys for the payable and payment enums, refunds and disputes, and wallet movements, shared
// by the lead page, the pay-link page, the wallet and the admins' money and disputes pages. Values
// the views type as text get a lookup that answers null for a value added later, which the screen
// then shows as the database names it.
import type { PayableStatus, PaymentStatus } from '../../data/payments/payment-types.ts';
import type { DisputeReason, RefundReason, RefundStatus } from '../../data/refunds/refund-types.ts';
import type { MessageKey } from '../../i18n/en.ts';

export const payableStatusLabel = {
  due: 'payable.due',
  paid: 'payable.paid',
  completed: 'payable.completed',
  refunded: 'payable.refunded',
  cancelled: 'payable.cancelled',
} as const satisfies Record<PayableStatus, MessageKey>;

export const paymentStatusLabel = {
  pending: 'paymentStatus.pending',
  paid: 'paymentStatus.paid',
  failed: 'paymentStatus.failed',
  returned: 'paymentStatus.returned',
} as const satisfies Record<PaymentStatus, MessageKey>;

function lookup<K extends string>(labels: Readonly<Record<K, MessageKey>>) {
  return (value: string | null | undefined): MessageKey | null =>
    typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value as K] : null;
}

/** pending → "Pending", submitted → "Sent", succeeded → "Refunded", failed → "Failed". */
export const refundStatusKey = lookup<RefundStatus>({
  pending: 'refundStatus.pending',
  submitted: 'refundStatus.submitted',
  succeeded: 'refundStatus.succeeded',
  failed: 'refundStatus.failed',
});

export const refundReasonKey = lookup<RefundReason>({
  lead_cancelled: 'refundReason.leadCancelled',
  dispute: 'refundReason.dispute',
  admin: 'refundReason.admin',
  payment_returned: 'refundReason.paymentReturned',
  provider: 'refundReason.provider',
});

export const disputeReasonLabel = {
  not_delivered: 'disputeReason.notDelivered',
  not_as_described: 'disputeReason.notAsDescribed',
  poor_quality: 'disputeReason.poorQuality',
  no_show: 'disputeReason.noShow',
  payment: 'disputeReason.payment',
  other: 'disputeReason.other',
} as const satisfies Record<DisputeReason, MessageKey>;

export const disputeReasonKey = lookup<DisputeReason>(disputeReasonLabel);

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

/** Ledger transaction kinds that reach an expert's accounts (and the others, should one ever show). */
const walletKindLabels: Readonly<Record<string, MessageKey>> = {
  payment: 'walletKind.payment',
  completion: 'walletKind.completion',
  hold_release: 'walletKind.holdRelease',
  refund: 'walletKind.refund',
  chargeback: 'walletKind.chargeback',
  chargeback_fee: 'walletKind.chargebackFee',
  chargeback_won: 'walletKind.chargebackWon',
  payment_returned: 'walletKind.paymentReturned',
  refund_failed: 'walletKind.refundFailed',
  processor_fee: 'walletKind.processorFee',
  payout: 'walletKind.payout',
  carry_offset: 'walletKind.carryOffset',
  payout_transfer: 'walletKind.payoutTransfer',
  payout_failed: 'walletKind.payoutFailed',
  payout_reversed: 'walletKind.payoutReversed',
};

/** A kind added later reads "Other adjustment" (the list keeps its name in data-kind). */
export function walletKindLabel(kind: string): MessageKey {
  return Object.hasOwn(walletKindLabels, kind) ? walletKindLabels[kind]! : 'walletKind.other';
}

/**
 * The wallet's balances plus `carry` (what the expert owes back after a chargeback on paid-out
 * money) and `payout_in_flight` (set aside by a payout batch, on its way to their Stripe account).
 */
const walletBucketKeys: Readonly<Record<string, MessageKey>> = {
  ...walletBucketLabel,
  carry: 'wallet.carry',
  payout_in_flight: 'wallet.payoutInFlight',
};

export function walletBucketKey(bucket: string): MessageKey | null {
  return Object.hasOwn(walletBucketKeys, bucket) ? walletBucketKeys[bucket]! : null;
}
