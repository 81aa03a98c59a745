// Checkout Sessions in `payment` mode with inline `price_data` line items: create, retrieve (with
// `expand[]=line_items`), update metadata, list, expire, and list line items. As in current Stripe
// API versions, the PaymentIntent is created when the payer confirms, so `payment_intent` is null
// until then. The session's `url` is the fake's hosted page; see checkout-outcomes.ts for what the
// Pay and Decline buttons do.
import { invalidRequest, unsupportedParam } from '../errors.ts';
import type { FakeContext, RequestInfo } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { paginate, type StripeList } from '../lists.ts';
import { applyMetadata, type Metadata, type Params } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { equals, listHandler, mustGet, type ObjectKind } from './common.ts';
import type { PaymentIntentData } from './payments.ts';

export const CHECKOUT_SESSION: ObjectKind = { object: 'checkout.session', param: 'session', url: '/v1/checkout/sessions' };

export interface CheckoutSession extends StripeObject {
  object: 'checkout.session';
  amount_total: number;
  currency: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  customer_email: string | null;
  customer_details: Record<string, unknown> | null;
  expires_at: number;
  metadata: Metadata;
  url: string | null;
}

export interface LineItem extends StripeObject {
  object: 'item';
  amount_total: number;
  currency: string;
  description: string;
  quantity: number;
}

/** What the session keeps beside its API shape. */
export interface SessionInternal {
  lineItems: LineItem[];
  paymentIntentData: PaymentIntentData;
}

const DAY = 24 * 60 * 60;
const MAX_AMOUNT = 99_999_999;

// Accepted and kept or ignored: they change nothing the fake models.
const ACCEPTED = [
  'allow_promotion_codes',
  'billing_address_collection',
  'cancel_url',
  'client_reference_id',
  'consent_collection',
  'currency',
  'custom_text',
  'customer_creation',
  'customer_email',
  'expand',
  'expires_at',
  'invoice_creation',
  'line_items',
  'locale',
  'metadata',
  'mode',
  'payment_intent_data',
  'payment_method_types',
  'phone_number_collection',
  'submit_type',
  'success_url',
  'ui_mode',
];
// Real parameters with effects the fake does not model: refused with a clear message.
const REFUSED = [
  'adaptive_pricing',
  'after_expiration',
  'allowed_payment_method_types',
  'automatic_tax',
  'branding_settings',
  'custom_fields',
  'customer',
  'customer_account',
  'customer_update',
  'discounts',
  'excluded_payment_method_types',
  'integration_identifier',
  'managed_payments',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'permissions',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'shipping_address_collection',
  'shipping_options',
  'subscription_data',
  'tax_id_collection',
  'wallet_options',
];

function email(params: Params, key: string): string | null {
  const value = params.string(key, { max: 800 });
  if (value === undefined) return null;
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw invalidRequest(`Invalid email address: ${value}`, { code: 'email_invalid', param: params.name(key) });
  return value;
}

function readLineItems(fake: FakeContext, params: Params): LineItem[] {
  const items = params.objectArray('line_items');
  if (!items || items.length === 0) throw invalidRequest('Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' });
  const created = fake.now();
  return items.map((item) => {
    item.allowOnly(['adjustable_quantity', 'metadata', 'price', 'price_data', 'quantity', 'tax_rates']);
    item.refuse(['price'], 'use price_data; the fake has no Prices API');
    item.refuse(['adjustable_quantity', 'tax_rates']);
    const priceData = item.object('price_data');
    if (!priceData)
      throw invalidRequest(`Missing required param: ${item.name('price_data')}.`, { code: 'parameter_missing', param: item.name('price_data') });
    priceData.allowOnly(['currency', 'product', 'product_data', 'recurring', 'tax_behavior', 'unit_amount', 'unit_amount_decimal']);
    priceData.refuse(['product'], 'use product_data');
    priceData.refuse(['recurring', 'unit_amount_decimal']);
    const currency = priceData.requiredCurrency('currency');
    const unitAmount = priceData.requiredInt('unit_amount', { min: 0, max: MAX_AMOUNT });
    const productData = priceData.object('product_data');
    if (!productData) {
      throw invalidRequest(`Missing required param: ${priceData.name('product_data')}.`, {
        code: 'parameter_missing',
        param: priceData.name('product_data'),
      });
    }
    productData.allowOnly(['description', 'images', 'metadata', 'name', 'tax_code', 'unit_label']);
    const name = productData.requiredString('name');
    const description = productData.string('description') ?? null;
    const quantity = item.requiredInt('quantity', { min: 1 });
    const total = unitAmount * quantity;
    return {
      id: newId(PREFIX.lineItem),
      object: 'item',
      amount_discount: 0,
      amount_subtotal: total,
      amount_tax: 0,
      amount_total: total,
      currency,
      description: name,
      metadata: (item.metadata() || {}) as Metadata,
      price: {
        id: newId(PREFIX.price),
        object: 'price',
        active: false,
        billing_scheme: 'per_unit',
        created,
        currency,
        custom_unit_amount: null,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: null,
        product: {
          id: newId(PREFIX.product),
          object: 'product',
          active: false,
          description,
          livemode: false,
          metadata: (productData.metadata() || {}) as Metadata,
          name,
        },
        recurring: null,
        tax_behavior: priceData.oneOf('tax_behavior', ['exclusive', 'inclusive', 'unspecified']) ?? 'unspecified',
        tiers_mode: null,
        transform_quantity: null,
        type: 'one_time',
        unit_amount: unitAmount,
        unit_amount_decimal: String(unitAmount),
      },
      quantity,
    };
  });
}

function readPaymentIntentData(params: Params, customerEmail: string | null): PaymentIntentData {
  const data = params.object('payment_intent_data');
  if (!data) {
    return {
      description: null,
      metadata: {},
      receipt_email: customerEmail,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      transfer_group: null,
    };
  }
  data.allowOnly([
    'application_fee_amount',
    'capture_method',
    'description',
    'metadata',
    'on_behalf_of',
    'receipt_email',
    'setup_future_usage',
    'shipping',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_data',
    'transfer_group',
  ]);
  data.refuse(['application_fee_amount', 'on_behalf_of', 'transfer_data'], 'destination charges are not modelled; use separate transfers');
  data.refuse(['setup_future_usage', 'shipping']);
  if (data.has('capture_method') && data.oneOf('capture_method', ['automatic', 'automatic_async', 'manual']) === 'manual') {
    throw unsupportedParam(data.name('capture_method'), 'manual capture is not modelled');
  }
  return {
    description: data.string('description', { max: 1000 }) ?? null,
    metadata: (data.metadata() || {}) as Metadata,
    receipt_email: email(data, 'receipt_email') ?? customerEmail,
    statement_descriptor: data.string('statement_descriptor', { max: 22 }) ?? null,
    statement_descriptor_suffix: data.string('statement_descriptor_suffix', { max: 22 }) ?? null,
    transfer_group: data.string('transfer_group') ?? null,
  };
}

export function checkoutPageUrl(fake: FakeContext, id: string): string {
  return `${fake.publicUrl()}/checkout/${id}`;
}

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly([...ACCEPTED, ...REFUSED]);
  params.refuse(REFUSED);
  const mode = params.oneOf('mode', ['payment', 'setup', 'subscription']);
  if (!mode) throw invalidRequest('Missing required param: mode.', { code: 'parameter_missing', param: 'mode' });
  if (mode !== 'payment') throw unsupportedParam('mode', `only mode=payment is modelled, not ${mode}`);
  const uiMode = params.string('ui_mode');
  if (uiMode !== undefined && uiMode !== 'hosted' && uiMode !== 'hosted_page') throw unsupportedParam('ui_mode', 'only the hosted page is modelled');

  const lineItems = readLineItems(fake, params);
  const currency = lineItems[0]?.currency ?? 'usd';
  if (lineItems.some((li) => li.currency !== currency)) {
    throw invalidRequest('All line items must use the same currency.', { param: 'line_items' });
  }
  const explicitCurrency = params.currency('currency');
  if (explicitCurrency && explicitCurrency !== currency) {
    throw invalidRequest(`The currency ${explicitCurrency} does not match the line items' currency ${currency}.`, { param: 'currency' });
  }
  const amount = lineItems.reduce((sum, li) => sum + li.amount_total, 0);
  if (amount <= 0) {
    throw invalidRequest("The Checkout Session's total amount due must be greater than zero (the fake does not model free sessions).", {
      param: 'line_items',
    });
  }
  if (amount > MAX_AMOUNT) throw invalidRequest(`The Checkout Session's total amount must be at most ${MAX_AMOUNT}.`, { param: 'line_items' });

  const now = fake.now();
  const expiresAt = params.int('expires_at') ?? now + DAY;
  if (expiresAt < now + 30 * 60 || expiresAt > now + DAY) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', {
      param: 'expires_at',
    });
  }
  const customerEmail = email(params, 'customer_email');
  const id = newId(PREFIX.checkoutSession, 58);
  const internal: SessionInternal = { lineItems, paymentIntentData: readPaymentIntentData(params, customerEmail) };
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: params.bool('allow_promotion_codes') ?? null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: params.oneOf('billing_address_collection', ['auto', 'required']) ?? null,
    cancel_url: params.url('cancel_url') ?? null,
    client_reference_id: params.string('client_reference_id', { max: 200 }) ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: params.oneOf('customer_creation', ['always', 'if_required']) ?? 'if_required',
    // Filled in from what the payer enters, when the session completes.
    customer_details: null,
    customer_email: customerEmail,
    discounts: [],
    expires_at: expiresAt,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: params.string('locale') ?? null,
    metadata: (params.metadata() || {}) as Metadata,
    mode: 'payment',
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: params.stringArray('payment_method_types') ?? ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: params.oneOf('submit_type', ['auto', 'book', 'donate', 'pay', 'subscribe']) ?? null,
    subscription: null,
    success_url: params.url('success_url') ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: checkoutPageUrl(fake, id),
    wallet_options: null,
  };
  fake.store.insert(session, info.account, internal as unknown as Record<string, unknown>);
  return withLineItems(fake, session, params.expand(), info.account);
}

export function sessionInternal(fake: FakeContext, id: string): SessionInternal {
  return fake.store.internal(id) as unknown as SessionInternal;
}

function lineItemList(fake: FakeContext, session: CheckoutSession, params?: Params): StripeList<LineItem> {
  const items = sessionInternal(fake, session.id).lineItems;
  const url = `/v1/checkout/sessions/${session.id}/line_items`;
  return params ? paginate(items, params, url, 'item') : { object: 'list', data: items, has_more: false, url };
}

/** `line_items` is not an id field but a list Stripe includes only when expanded. */
function withLineItems(fake: FakeContext, session: CheckoutSession, paths: string[], account: string | null): unknown {
  const wantsItems = paths.some((p) => p === 'line_items' || p.startsWith('line_items.'));
  const rest = paths.filter((p) => p !== 'line_items' && !p.startsWith('line_items.'));
  const out = fake.expand(session, rest, account);
  if (wantsItems) {
    const itemPaths = paths.filter((p) => p.startsWith('line_items.')).map((p) => p.slice('line_items.'.length));
    return { ...out, line_items: fake.expand(lineItemList(fake, session), itemPaths, account) };
  }
  return out;
}

/** Stripe expires open sessions at `expires_at`; the fake does it whenever it is next asked about anything. */
export function sweepExpiredSessions(fake: FakeContext): void {
  const now = fake.now();
  for (const { obj, account } of fake.store.all<CheckoutSession>('checkout.session')) {
    if (obj.status === 'open' && obj.expires_at <= now) expireSession(fake, obj, { account, requestId: null, idempotencyKey: null });
  }
}

export function expireSession(fake: FakeContext, session: CheckoutSession, info: RequestInfo): void {
  Object.assign(session, { status: 'expired', url: null });
  // An attempt that was declined left a PaymentIntent waiting for a method; expiry cancels it.
  if (session.payment_intent) {
    const pi = fake.store.get(session.payment_intent, info.account, 'payment_intent');
    if (pi && pi.status === 'requires_payment_method') {
      Object.assign(pi, { status: 'canceled', canceled_at: fake.now(), cancellation_reason: 'abandoned' });
      fake.emit('payment_intent.canceled', pi, info);
    }
  }
  fake.store.changed();
  fake.emit('checkout.session.expired', session, info);
}

export const checkoutRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/checkout/sessions', handler: create },
  {
    method: 'GET',
    path: '/v1/checkout/sessions/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const session = mustGet<CheckoutSession>(fake, CHECKOUT_SESSION, req.path.id ?? '', req.info.account);
      return withLineItems(fake, session, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'POST',
    path: '/v1/checkout/sessions/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['expand', 'metadata', 'collected_information', 'line_items', 'shipping_options']);
      req.params.refuse(['collected_information', 'line_items', 'shipping_options']);
      const session = mustGet<CheckoutSession>(fake, CHECKOUT_SESSION, req.path.id ?? '', req.info.account);
      session.metadata = applyMetadata(session.metadata, req.params.metadata());
      fake.store.changed();
      return withLineItems(fake, session, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'POST',
    path: '/v1/checkout/sessions/:id/expire',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const session = mustGet<CheckoutSession>(fake, CHECKOUT_SESSION, req.path.id ?? '', req.info.account);
      if (session.status !== 'open') {
        throw invalidRequest(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of ${session.status}.`,
          { param: 'session' },
        );
      }
      expireSession(fake, session, req.info);
      return withLineItems(fake, session, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions/:id/line_items',
    handler: (fake, req) => {
      req.params.allowOnly(['limit', 'starting_after', 'ending_before', 'expand']);
      const session = mustGet<CheckoutSession>(fake, CHECKOUT_SESSION, req.path.id ?? '', req.info.account);
      return fake.expand(lineItemList(fake, session, req.params), req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions',
    handler: listHandler<CheckoutSession>(CHECKOUT_SESSION, {
      customer: equals('customer'),
      customer_account: () => () => false,
      customer_details: (p) => {
        const details = p.object('customer_details');
        details?.allowOnly(['email']);
        const wanted = details?.requiredString('email');
        return (s) => (s.customer_details?.email as string | undefined) === wanted;
      },
      payment_intent: equals('payment_intent'),
      payment_link: () => () => false,
      status: (p) => {
        const status = p.oneOf('status', ['open', 'complete', 'expired']);
        return (s) => s.status === status;
      },
      subscription: () => () => false,
    }),
  },
];
