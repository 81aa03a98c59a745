// A dispute's `evidence` hash: Stripe's text fields, which the fake stores as given (within Stripe's
// length limits), and its file fields, which it refuses because it has no Files API to hold the
// uploads they name. An empty dispute lists every field as null, as Stripe's does.
import { invalidRequest, unsupportedParam } from '../errors.ts';
import type { Params } from '../params.ts';

const TEXT_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_tracking_number',
  'uncategorized_text',
] as const;

const FILE_FIELDS = [
  'cancellation_policy',
  'customer_communication',
  'customer_signature',
  'duplicate_charge_documentation',
  'receipt',
  'refund_policy',
  'service_documentation',
  'shipping_documentation',
  'uncategorized_file',
] as const;

const MAX_FIELD = 20_000;
const MAX_TOTAL = 150_000;

export type Evidence = Record<string, unknown>;

export function emptyEvidence(): Evidence {
  const fields = [...TEXT_FIELDS, ...FILE_FIELDS].sort().map((k) => [k, null]);
  return { ...Object.fromEntries(fields), enhanced_evidence: {} };
}

/** The `evidence[…]` of an update, checked as Stripe checks it; returns only the fields sent. */
export function parseEvidence(evidence: Params): Record<string, string> {
  evidence.allowOnly([...TEXT_FIELDS, ...FILE_FIELDS, 'appeal', 'enhanced_evidence']);
  for (const key of FILE_FIELDS) if (evidence.has(key)) throw unsupportedParam(evidence.name(key), 'the fake has no Files API for uploads');
  evidence.refuse(['appeal', 'enhanced_evidence']);
  const out: Record<string, string> = {};
  let total = 0;
  for (const key of TEXT_FIELDS) {
    const value = evidence.string(key, { max: MAX_FIELD });
    if (value === undefined) continue;
    out[key] = value;
    total += value.length;
  }
  if (total > MAX_TOTAL) {
    throw invalidRequest(`The combined character count of all evidence fields is limited to ${MAX_TOTAL}.`, { param: 'evidence' });
  }
  return out;
}
