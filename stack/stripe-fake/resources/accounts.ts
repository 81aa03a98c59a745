// Connect accounts for the payouts work: create an Express (or Standard/Custom) account with
// requested capabilities, retrieve, update and list it, and onboard it through an Account Link to a
// hosted stand-in page. A new account can neither take payments nor be paid out; onboarding turns on
// its requested capabilities, adds a test bank account and sends `account.updated` to Connect
// endpoints, as Stripe does when a user finishes onboarding. The control API can restrict an account
// later (requirements past due), as Stripe does when verification fails.
import { invalidRequest, missingParam } from '../errors.ts';
import { automatic, type FakeContext, type RequestInfo } from '../fake-context.ts';
import { newId, PREFIX, randomBase62 } from '../ids.ts';
import { applyMetadata, type Metadata, type Params } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { listHandler, mustGet, type ObjectKind } from './common.ts';

export const ACCOUNT: ObjectKind = { object: 'account', param: 'account', url: '/v1/accounts' };

export interface Account extends StripeObject {
  object: 'account';
  type: string;
  country: string;
  default_currency: string;
  email: string | null;
  capabilities: Record<string, 'active' | 'inactive' | 'pending'>;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  external_accounts: { object: 'list'; data: StripeObject[]; has_more: boolean; total_count: number; url: string };
  metadata: Metadata;
  requirements: Record<string, unknown>;
}

/** The link an Account Link's URL points at (not an API object; looked up by the onboarding page). */
export interface OnboardingLink extends StripeObject {
  object: 'fake.account_link';
  account: string;
  refresh_url: string;
  return_url: string;
  expires_at: number;
  /** Stripe's links work once. */
  used?: boolean;
}

const EURO_COUNTRIES = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const CURRENCY_BY_COUNTRY: Record<string, string> = { US: 'usd', IL: 'ils', GB: 'gbp', CA: 'cad', AU: 'aud', CH: 'chf', JP: 'jpy' };
const INITIAL_REQUIREMENTS = ['business_type', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'];

function requirements(due: string[]) {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

function readCapabilities(params: Params): string[] {
  const caps = params.object('capabilities');
  if (!caps) return [];
  const out: string[] = [];
  for (const name of Object.keys(caps.raw)) {
    const cap = caps.object(name);
    cap?.allowOnly(['requested']);
    if (cap?.bool('requested')) out.push(name);
  }
  return out;
}

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  if (info.account) throw invalidRequest('Connected accounts cannot create accounts.', {}, 403);
  params.allowOnly([
    'business_profile',
    'business_type',
    'capabilities',
    'company',
    'controller',
    'country',
    'default_currency',
    'email',
    'expand',
    'external_account',
    'individual',
    'metadata',
    'settings',
    'tos_acceptance',
    'type',
  ]);
  params.refuse(['company', 'external_account', 'individual', 'tos_acceptance'], 'the onboarding page collects these');
  // Of the settings only the payout schedule: a platform that pays each payout out itself sets it manual.
  const settings = params.object('settings');
  settings?.allowOnly(['payouts']);
  const payoutSettings = settings?.object('payouts');
  payoutSettings?.allowOnly(['schedule']);
  const schedule = payoutSettings?.object('schedule');
  schedule?.allowOnly(['interval']);
  const interval = schedule?.oneOf('interval', ['manual', 'daily', 'weekly', 'monthly']) ?? 'daily';
  const type = params.oneOf('type', ['custom', 'express', 'standard']) ?? (params.has('controller') ? 'express' : undefined);
  if (!type) throw missingParam('type');
  const country = (params.string('country') ?? 'US').toUpperCase();
  const capabilities = readCapabilities(params);
  if (type !== 'standard' && capabilities.length === 0) {
    throw invalidRequest(`Accounts of type ${type} must request at least one capability, e.g. capabilities[transfers][requested]=true.`, {
      param: 'capabilities',
    });
  }
  const id = newId(PREFIX.account, 16);
  const profile = params.object('business_profile');
  const account: Account = {
    id,
    object: 'account',
    business_profile: {
      mcc: null,
      name: null,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
      ...(profile ? structuredClone(profile.raw) : {}),
    },
    business_type: params.oneOf('business_type', ['company', 'government_entity', 'individual', 'non_profit']) ?? null,
    capabilities: Object.fromEntries(capabilities.map((c) => [c, 'inactive'])),
    charges_enabled: false,
    controller: {
      fees: { payer: 'application' },
      is_controller: true,
      losses: { payments: 'application' },
      requirement_collection: 'stripe',
      type: 'application',
    },
    country,
    created: fake.now(),
    default_currency: params.currency('default_currency') ?? CURRENCY_BY_COUNTRY[country] ?? (EURO_COUNTRIES.includes(country) ? 'eur' : 'usd'),
    details_submitted: false,
    email: params.string('email') ?? null,
    external_accounts: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: requirements([]),
    metadata: (params.metadata() || {}) as Metadata,
    payouts_enabled: false,
    requirements: requirements(INITIAL_REQUIREMENTS),
    settings: { payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval }, statement_descriptor: null } },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
  fake.store.insert(account, null);
  return fake.expand(account, params.expand(), null);
}

/** A connected account, readable by the platform and by the account itself (Stripe-Account header). */
export function accountFor(fake: FakeContext, id: string, caller: string | null): Account {
  if (caller !== null && caller !== id) throw invalidRequest(`No such account: '${id}'`, { code: 'resource_missing', param: 'account' }, 404);
  return mustGet<Account>(fake, ACCOUNT, id, null);
}

/** Onboarded and not restricted since: every requested capability active, payouts on, nothing due. */
function inGoodStanding(account: Account): boolean {
  const due = (account.requirements.currently_due as string[] | undefined) ?? [];
  return account.payouts_enabled && due.length === 0 && Object.values(account.capabilities).every((c) => c === 'active');
}

function standing(account: Account): Record<string, unknown> {
  return {
    capabilities: { ...account.capabilities },
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: structuredClone(account.requirements),
  };
}

/** `previous_attributes` holds only what changed, as in Stripe's events. */
function changedSince(before: Record<string, unknown>, account: Account): Record<string, unknown> {
  return Object.fromEntries(Object.entries(before).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(account[k])));
}

/**
 * What finishing the hosted onboarding does: every requested capability becomes active. On a
 * restricted account (restrictAccount) it is the user supplying what was due: the account is active again.
 */
export function onboardAccount(fake: FakeContext, accountId: string): Account {
  const account = mustGet<Account>(fake, ACCOUNT, accountId, null);
  if (account.details_submitted && inGoodStanding(account)) return account;
  const previous = standing(account);
  const bank = account.external_accounts.data[0] ?? {
    id: newId(PREFIX.bankAccount),
    object: 'bank_account',
    account: account.id,
    account_holder_name: null,
    account_holder_type: null,
    account_type: null,
    available_payout_methods: ['standard'],
    bank_name: 'STRIPE TEST BANK',
    country: account.country,
    currency: account.default_currency,
    default_for_currency: true,
    fingerprint: randomBase62(16),
    last4: '6789',
    metadata: {},
    routing_number: '110000000',
    status: 'new',
  };
  for (const cap of Object.keys(account.capabilities)) account.capabilities[cap] = 'active';
  Object.assign(account, {
    business_type: account.business_type ?? 'individual',
    charges_enabled: account.capabilities.card_payments === 'active' || account.type === 'standard',
    details_submitted: true,
    external_accounts: { ...account.external_accounts, data: [bank], total_count: 1 },
    payouts_enabled: true,
    requirements: requirements([]),
    tos_acceptance: (account.tos_acceptance as { date: number | null } | undefined)?.date
      ? account.tos_acceptance
      : { date: fake.now(), ip: '127.0.0.1', user_agent: 'stripe-fake' },
  });
  fake.store.changed();
  // Connect events carry the account and go to Connect endpoints.
  fake.emit('account.updated', account, automatic(account.id), changedSince(previous, account));
  return account;
}

/** What Stripe asks of a restricted individual account by default: an identity document. */
export const DEFAULT_RESTRICTION = ['individual.verification.document'];

/**
 * Stripe restricts the account, as when verification fails or information falls past due: every
 * capability becomes inactive, payouts and charges stop, `requirements` lists what is due
 * (`disabled_reason` requirements.past_due), and the Connect endpoint gets account.updated. A transfer
 * to it then fails with insufficient_capabilities_for_transfer and its payouts with
 * payouts_not_allowed, until onboardAccount (or an account_update link) brings it back.
 */
export function restrictAccount(fake: FakeContext, accountId: string, due: string[] = DEFAULT_RESTRICTION): Account {
  const account = mustGet<Account>(fake, ACCOUNT, accountId, null);
  if (!Array.isArray(due) || due.length === 0 || due.some((r) => typeof r !== 'string' || r === '')) {
    throw invalidRequest('requirements must be a non-empty list of requirement names, e.g. individual.verification.document.', {
      param: 'requirements',
    });
  }
  const previous = standing(account);
  for (const cap of Object.keys(account.capabilities)) account.capabilities[cap] = 'inactive';
  Object.assign(account, { charges_enabled: false, payouts_enabled: false, requirements: requirements(due) });
  fake.store.changed();
  fake.emit('account.updated', account, automatic(account.id), changedSince(previous, account));
  return account;
}

function update(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly(['business_profile', 'email', 'expand', 'metadata']);
  const account = accountFor(fake, req.path.id ?? '', info.account);
  const previous: Record<string, unknown> = {};
  if (params.has('metadata')) {
    previous.metadata = account.metadata;
    account.metadata = applyMetadata(account.metadata, params.metadata());
  }
  if (params.has('email')) {
    previous.email = account.email;
    account.email = params.string('email') || null;
  }
  const profile = params.object('business_profile');
  if (profile) {
    previous.business_profile = structuredClone(account.business_profile);
    Object.assign(account.business_profile as object, structuredClone(profile.raw));
  }
  fake.store.changed();
  const eventInfo: RequestInfo = { ...info, account: account.id };
  fake.emit('account.updated', account, eventInfo, previous);
  return fake.expand(account, params.expand(), null);
}

function createLink(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly(['account', 'collect', 'collection_options', 'expand', 'refresh_url', 'return_url', 'type']);
  params.refuse(['collect', 'collection_options']);
  const accountId = params.requiredString('account');
  if (info.account) throw invalidRequest('Account Links are created by the platform.', {}, 403);
  mustGet<Account>(fake, ACCOUNT, accountId, null, 'account');
  const type = params.oneOf('type', ['account_onboarding', 'account_update']);
  if (!type) throw missingParam('type');
  const refreshUrl = params.url('refresh_url');
  const returnUrl = params.url('return_url');
  if (!refreshUrl) throw missingParam('refresh_url');
  if (!returnUrl) throw missingParam('return_url');
  const created = fake.now();
  const token = newId(PREFIX.accountLink, 32);
  const link: OnboardingLink = {
    id: token,
    object: 'fake.account_link',
    account: accountId,
    created,
    expires_at: created + 300,
    refresh_url: refreshUrl,
    return_url: returnUrl,
  };
  fake.store.insert(link, null);
  return { object: 'account_link', created, expires_at: link.expires_at, url: `${fake.publicUrl()}/connect/onboarding/${token}` };
}

export const accountRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/accounts', handler: create },
  {
    method: 'GET',
    path: '/v1/accounts/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      return fake.expand(accountFor(fake, req.path.id ?? '', req.info.account), req.params.expand(), null);
    },
  },
  { method: 'POST', path: '/v1/accounts/:id', handler: update },
  {
    method: 'GET',
    path: '/v1/accounts',
    handler: (fake, req) => {
      if (req.info.account) throw invalidRequest('Connected accounts cannot list accounts.', {}, 403);
      return listHandler<Account>(ACCOUNT)(fake, req);
    },
  },
  { method: 'POST', path: '/v1/account_links', handler: createLink },
];
