// A stateful local Stripe for offline work: the real `stripe` SDK talks to it through its
// host/port/protocol options. See README.md for what it covers and its control API.
export { startStripeFake, DEFAULT_API_VERSION, type StripeFake, type StripeFakeOptions } from './server.ts';
export { FakeControl } from './control.ts';
export { signWebhookPayload, webhookSignature } from './webhook-signature.ts';
export { encodeForm, parseForm } from './form-encoding.ts';
export { STRIPE_LIKE_FEES, processingFee, type FeeSchedule } from './money.ts';
export { DISPUTE_FEE, type Dispute } from './resources/disputes.ts';
export { DEFAULT_RESTRICTION } from './resources/accounts.ts';
export type { Topup } from './resources/topups.ts';
export type { Transfer, TransferReversal } from './resources/transfers.ts';
export type { FailureRule, FailureType } from './failure-injection.ts';
export type { DeliveryAttempt, DeliveryPlan, RetryPolicy, WebhookEndpoint } from './webhook-delivery.ts';
