// Fixtures for lead, proposal and contact-reveal tests: fresh approved experts, consumer leads with
// client PII unique to the run (so every response body can be searched for it), proposals,
// acceptance, and plain HTTP to PostgREST for what supabase-js does not send (GET on an RPC, odd
// Prefer and profile headers). Leads default to gardening in Eilat, which no demo expert covers,
// so test leads stay off the demo experts' lead boards.
import { randomBytes, randomInt } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { application, signInDemo, signUpUser, type SignedIn } from './accounts.ts';
import { stackEnv } from './env.ts';

export interface Expert extends SignedIn {
  expertId: string;
}

/** A new account whose expert application the demo admin approved. */
export async function approvedExpert(tag = 'lead-expert'): Promise<Expert> {
  const user = await signUpUser(tag, 'Lead Expert');
  const expertId = await applyAsExpert(user);
  const admin = await signInDemo('admin');
  const { data, error } = await admin.client.rpc('decide_expert_application', { expert_id: expertId, approve: true });
  if (error || data !== 'approved') throw new Error(`approving ${user.email} failed: ${error?.message ?? String(data)}`);
  return { ...user, expertId };
}

/** A new account with an expert application still waiting for an admin. */
export async function pendingApplicant(tag = 'lead-applicant'): Promise<Expert> {
  const user = await signUpUser(tag, 'Pending Applicant');
  return { ...user, expertId: await applyAsExpert(user) };
}

async function applyAsExpert(user: SignedIn): Promise<string> {
  const { data, error } = await user.client.rpc('apply_as_expert', application({ categories: ['gardening'], city: 'eilat' }));
  if (error) throw new Error(`apply_as_expert failed: ${error.message}`);
  return data as string;
}

/** A client's contact details, each carrying a token no other run uses. */
export interface ClientPii {
  token: string;
  name: string;
  /** E.164, as stored and revealed. */
  phone: string;
  email: string;
  address: string;
  details: string;
}

export function clientPii(): ClientPii {
  const token = `pii${randomBytes(5).toString('hex')}`;
  const subscriber = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return {
    token,
    name: `Dana Tokenberg-${token}`,
    phone: `+97252${subscriber}`,
    email: `client-${token}@pii.example`,
    address: `${randomInt(1, 200)} Herzl Street, flat ${token}, Tel Aviv`,
    details: `Gate code 4471, ask for ${token} at the door`,
  };
}

/**
 * Every string whose presence in a response would be a leak: each value, the token they share, and
 * the phone's digits in the forms a careless formatter would produce (no plus, national, subscriber).
 */
export function piiNeedles(pii: ClientPii): string[] {
  const digits = pii.phone.slice(1); // 97252xxxxxxx
  const national = digits.slice(3); // 52xxxxxxx
  return [pii.token, pii.name, pii.phone, digits, `0${national}`, national, pii.email, pii.address, pii.details];
}

/** The needles found in anything a call returned (data, error, count, headers or raw text). */
export function leakedPii(response: unknown, pii: ClientPii | ClientPii[]): string[] {
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  return [pii]
    .flat()
    .flatMap(piiNeedles)
    .filter((needle) => text.includes(needle));
}

export function expectNoPii(response: unknown, pii: ClientPii | ClientPii[], what: string): void {
  expect.soft(leakedPii(response, pii), what).toEqual([]);
}

/** What reveal_lead_contact returns for a lead created with `pii`. */
export function revealed(pii: ClientPii): Record<string, string> {
  return { client_name: pii.name, client_phone: pii.phone, client_email: pii.email, client_address: pii.address, details: pii.details };
}

export interface LeadInput {
  title?: string;
  summary?: string;
  category?: string;
  city?: string;
  budget_cents?: number | null;
  currency?: string;
}

/** A consumer lead (board, no referrer share) posted by `owner` for a client with `pii`. */
export function postConsumerLead(owner: SignedIn, pii: ClientPii, input: LeadInput = {}): Promise<string> {
  return createLead(owner, pii, { kind: 'consumer', ...input });
}

/** A referral lead posted by an approved expert, with a referrer share, on the board or private. */
export function postReferralLead(
  referrer: SignedIn,
  pii: ClientPii,
  input: LeadInput & { referrer_share_percent: number; visibility: 'board' | 'private' },
): Promise<string> {
  return createLead(referrer, pii, { kind: 'referral', ...input });
}

async function createLead(owner: SignedIn, pii: ClientPii, input: LeadInput & Record<string, unknown>): Promise<string> {
  const { data, error } = await owner.client.rpc('create_lead', {
    title: 'Overgrown hedge and lawn',
    summary: 'The front hedge needs cutting back and the lawn is knee-high.',
    category: 'gardening',
    city: 'eilat',
    budget_cents: 45000,
    currency: 'ILS',
    ...input,
    details: pii.details,
    client_name: pii.name,
    client_phone: pii.phone,
    client_email: pii.email,
    client_address: pii.address,
  });
  if (error) throw new Error(`create_lead failed: ${error.code} ${error.message}`);
  return data as string;
}

export async function submitProposal(expert: SignedIn, leadId: string, priceCents = 40000): Promise<string> {
  const { data, error } = await expert.client.rpc('submit_proposal', {
    lead_id: leadId,
    price_cents: priceCents,
    message: 'I can come tomorrow morning with the parts.',
  });
  if (error) throw new Error(`submit_proposal failed: ${error.code} ${error.message}`);
  return data as string;
}

/** The owner accepts; returns the payable id. */
export async function acceptProposal(owner: SignedIn, proposalId: string): Promise<string> {
  const { data, error } = await owner.client.rpc('accept_proposal', { proposal_id: proposalId });
  if (error) throw new Error(`accept_proposal failed: ${error.code} ${error.message}`);
  return data as string;
}

export async function accessToken(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession();
  if (!data.session) throw new Error('the client has no session');
  return data.session.access_token;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed body, or null when it is not JSON. */
  body: unknown;
}

export interface RestRequest {
  method?: string;
  /** A user's access token; omitted, the request is made with the API key alone. */
  token?: string;
  /** Defaults to the publishable key. */
  apikey?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Plain fetch to `${SUPABASE_URL}/rest/v1${path}`: the request an attacker with curl would make. */
export async function rest(path: string, r: RestRequest = {}): Promise<RestResponse> {
  const env = stackEnv();
  const headers: Record<string, string> = { apikey: r.apikey ?? env.SUPABASE_PUBLISHABLE_KEY, ...r.headers };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  if (r.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${env.SUPABASE_URL}/rest/v1${path}`, {
    method: r.method ?? (r.body === undefined ? 'GET' : 'POST'),
    headers,
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), text, body };
}

export interface LogRow {
  id: number;
  lead_id: string;
  revealer_role: 'owner' | 'winner' | 'admin';
  revealer_expert_id: string | null;
  fields: string[];
  created_at: string;
  revealer_user_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** The lead's reveal log as `reader` sees it, oldest first. */
export async function revealLog(reader: SupabaseClient, leadId: string): Promise<LogRow[]> {
  const { data, error } = await reader.from('contact_access_logs').select('*').eq('lead_id', leadId).order('id');
  if (error) throw new Error(`reading contact_access_logs failed: ${error.code} ${error.message}`);
  return data as LogRow[];
}
