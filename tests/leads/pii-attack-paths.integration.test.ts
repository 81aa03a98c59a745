// A lead's client PII (name, phone, email, address, private details) is readable only through
// reveal_lead_contact, by the owner, the winner or an admin. Here everyone else's way in is tried
// through the real API, as anon, as the secret key (service_role), as the owner, as an expert who
// lost and as the winner of another lead: tables and views, embeds, filters and counts on the PII
// column names, writes with return=representation, the reveal as a GET or HEAD, other schemas
// through the profile headers. Every response (data, error, count, status and headers) is searched
// for every PII value of three leads, and the raw phone digits; none may appear. Then: what each
// caller does see (masked hints), PII smuggled into the public title, and Prefer: tx=rollback on
// the reveal, which must not make an unlogged reveal.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInDemo, signUpUser, type SignedIn } from '../support/accounts.ts';
import { adminClient, anonClient } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';
import {
  acceptProposal,
  accessToken,
  approvedExpert,
  clientPii,
  expectNoPii,
  leakedPii,
  postConsumerLead,
  postReferralLead,
  rest,
  revealed,
  revealLog,
  submitProposal,
  type ClientPii,
  type Expert,
  type RestRequest,
} from '../support/leads.ts';

// Three leads, each with its own client: one assigned to `winner` (the loser's proposal declined),
// one still open with a proposal from `loser`, and a private referral lead `winner` posted and
// invited `loser` to.
const pii = { assigned: clientPii(), open: clientPii(), referral: clientPii() };
const everyPii: ClientPii[] = Object.values(pii);
const lead = { assigned: '', open: '', referral: '' };
let owner: SignedIn;
let winner: Expert;
let loser: Expert;

const ATTACKERS = ['anon', 'secret key', 'owner', 'losing expert', 'winner of another lead'] as const;
type AttackerName = (typeof ATTACKERS)[number];
interface Attacker {
  client: SupabaseClient;
  /** Raw-HTTP credentials: the API key, and the user's access token when there is a user. */
  auth: Pick<RestRequest, 'apikey' | 'token'>;
}
const attackers = {} as Record<AttackerName, Attacker>;

beforeAll(async () => {
  owner = await signUpUser('pii-owner', 'Lead Owner');
  [winner, loser] = await Promise.all([approvedExpert('pii-winner'), approvedExpert('pii-loser')]);
  lead.assigned = await postConsumerLead(owner, pii.assigned);
  lead.open = await postConsumerLead(owner, pii.open, {
    title: 'Dead palm tree to remove',
    summary: 'A dead palm by the gate needs felling and hauling away.',
  });
  const won = await submitProposal(winner, lead.assigned, 42000);
  await submitProposal(loser, lead.assigned, 39000);
  await submitProposal(loser, lead.open, 30000);
  await acceptProposal(owner, won);
  lead.referral = await postReferralLead(winner, pii.referral, {
    title: 'Drip irrigation I cannot take',
    summary: 'A family wants drip irrigation for a large garden next week.',
    referrer_share_percent: 20,
    visibility: 'private',
  });
  const invite = await winner.client.rpc('refer_lead', { lead_id: lead.referral, expert_id: loser.expertId });
  if (invite.error) throw new Error(invite.error.message);
  // Legitimate reveals, so there are log rows (and a payable) to go after.
  for (const [who, id] of [
    [owner, lead.assigned],
    [winner, lead.assigned],
    [winner, lead.referral],
  ] as const) {
    const { error } = await who.client.rpc('reveal_lead_contact', { lead_id: id });
    if (error) throw new Error(`setup reveal failed: ${error.message}`);
  }

  const env = stackEnv();
  const user = async (u: SignedIn): Promise<Attacker> => ({ client: u.client, auth: { token: await accessToken(u.client) } });
  attackers.anon = { client: anonClient(), auth: {} };
  attackers['secret key'] = { client: adminClient(), auth: { apikey: env.SUPABASE_SECRET_KEY } };
  attackers.owner = await user(owner);
  attackers['losing expert'] = await user(loser);
  attackers['winner of another lead'] = await user(winner);
  snapshotBefore = await snapshot();
});
let snapshotBefore: unknown;

/** Everything the attacks could change, as the demo admin sees it. */
async function snapshot(): Promise<unknown> {
  const admin = (await signInDemo('admin')).client;
  const ids = Object.values(lead);
  const [leads, proposals, payables, referrals, logs] = await Promise.all([
    admin.from('leads').select('*').in('id', ids).order('id'),
    admin.from('proposals').select('*').in('lead_id', ids).order('id'),
    admin.from('payables').select('*').in('lead_id', ids).order('id'),
    admin.from('referrals').select('*').in('lead_id', ids).order('id'),
    admin.from('contact_access_logs').select('*').in('lead_id', ids).order('id'),
  ]);
  return { leads: leads.data, proposals: proposals.data, payables: payables.data, referrals: referrals.data, logs: logs.data };
}

interface Probe {
  name: string;
  run: (a: Attacker) => PromiseLike<{ status: number }>;
  /** Who must get an error status: everyone, only the callers with no user (anon and the secret key), or nobody in particular. */
  refused: 'everyone' | 'no user' | 'nobody';
}

const raw = (a: Attacker, path: string, init: Omit<RestRequest, 'apikey' | 'token'> = {}) => rest(path, { ...init, ...a.auth });
const ids = () => `in.(${Object.values(lead).join(',')})`;

async function attack(name: AttackerName, probes: Probe[]): Promise<void> {
  const a = attackers[name];
  for (const probe of probes) {
    const res = await probe.run(a);
    expectNoPii(res, everyPii, `${name}: ${probe.name}`);
    if (probe.refused === 'everyone' || (probe.refused === 'no user' && (name === 'anon' || name === 'secret key'))) {
      expect.soft(res.status, `${name}: ${probe.name} must be refused`).toBeGreaterThanOrEqual(400);
    }
  }
}

const reads: Probe[] = [
  ...['leads', 'proposals', 'payables', 'referrals', 'contact_access_logs'].flatMap((table): Probe[] => [
    { name: `supabase-js select * from ${table}`, run: (a) => a.client.from(table).select('*'), refused: 'no user' },
    { name: `GET /${table}?select=*`, run: (a) => raw(a, `/${table}?select=*`), refused: 'no user' },
  ]),
  { name: 'GET /leads?select=*&id=in.(ours)', run: (a) => raw(a, `/leads?select=*&id=${ids()}`), refused: 'no user' },
  { name: 'GET /leads as CSV', run: (a) => raw(a, `/leads?select=*&id=${ids()}`, { headers: { accept: 'text/csv' } }), refused: 'no user' },
  { name: 'GET /lead_contacts', run: (a) => raw(a, '/lead_contacts?select=*'), refused: 'everyone' },
  { name: 'supabase-js select * from lead_contacts', run: (a) => a.client.from('lead_contacts').select('*'), refused: 'everyone' },
  { name: 'the OpenAPI description', run: (a) => raw(a, '/'), refused: 'nobody' },
  {
    name: 'GET /leads as an execution plan',
    run: (a) => raw(a, `/leads?select=*&id=${ids()}`, { headers: { accept: 'application/vnd.pgrst.plan+json' } }),
    refused: 'everyone',
  },
  {
    name: 'supabase-js rpc lead_board',
    run: (a) => a.client.rpc('lead_board', { category_slug: 'gardening', max_distance_km: 20000 }),
    refused: 'no user',
  },
  { name: 'POST /rpc/lead_board?select=*', run: (a) => raw(a, '/rpc/lead_board?select=*', { body: { max_distance_km: 20000 } }), refused: 'no user' },
  {
    name: 'POST /rpc/lead_board filtered on client_phone',
    run: (a) => raw(a, `/rpc/lead_board?client_phone=eq.${encodeURIComponent(pii.open.phone)}`, { body: {} }),
    refused: 'everyone',
  },
];

const embeds: Probe[] = [
  ...[
    'lead_contacts(*)',
    'lead_contacts!inner(*)',
    '...lead_contacts(*)',
    'lead_contacts!lead_id(*)',
    'lead_contacts:lead_contacts(client_phone,client_email)',
  ].map((embed): Probe => ({ name: `leads?select=*,${embed}`, run: (a) => raw(a, `/leads?select=*,${embed}&id=${ids()}`), refused: 'everyone' })),
  ...['contact_access_logs(*)', 'payables(*)', 'proposals(*)', 'referrals(*)', 'payables(*,proposals(*))'].flatMap((embed): Probe[] => [
    { name: `leads?select=*,${embed}`, run: (a) => raw(a, `/leads?select=*,${embed}&id=${ids()}`), refused: 'no user' },
    {
      name: `supabase-js leads *,${embed}`,
      run: (a) => a.client.from('leads').select(`*,${embed}`).in('id', Object.values(lead)),
      refused: 'no user',
    },
  ]),
  ...['proposals', 'payables', 'referrals', 'contact_access_logs'].flatMap((table): Probe[] => [
    { name: `${table}?select=*,leads(*)`, run: (a) => raw(a, `/${table}?select=*,leads(*)`), refused: 'no user' },
    { name: `${table}?select=*,leads(*,lead_contacts(*))`, run: (a) => raw(a, `/${table}?select=*,leads(*,lead_contacts(*))`), refused: 'everyone' },
  ]),
];

// The filter values are the real PII: an error that quoted the request back would leak it too.
const piiFilters = (p: ClientPii): [string, string][] => [
  ['client_phone=eq', `client_phone=eq.${encodeURIComponent(p.phone)}`],
  ['client_phone=like (digits)', `client_phone=like.*${p.phone.slice(-7)}*`],
  ['client_name=like', `client_name=like.*${p.token}*`],
  ['client_email=eq', `client_email=eq.${encodeURIComponent(p.email)}`],
  ['client_address=ilike', `client_address=ilike.*${p.token}*`],
  ['details=ilike', `details=ilike.*${p.token}*`],
  ['or=(client_phone.eq…)', `or=(client_phone.eq.${encodeURIComponent(p.phone)},details.ilike.*${p.token}*)`],
  ['order=client_phone', 'order=client_phone.asc'],
  ['select=client_phone', 'select=id,client_phone,client_name,client_email,client_address,details'],
  ['client_phone=not.is.null', 'client_phone=not.is.null'],
];

const filters: Probe[] = [
  ...piiFilters(pii.assigned).map(([name, query]): Probe => ({
    name: `GET /leads?${name}`,
    run: (a) => raw(a, `/leads?${query}`),
    refused: 'everyone',
  })),
  ...piiFilters(pii.assigned).map(([name, query]): Probe => ({
    name: `GET /proposals?${name} (no such columns there either)`,
    run: (a) => raw(a, `/proposals?${query}`),
    refused: 'everyone',
  })),
  {
    name: 'supabase-js .eq(client_phone)',
    run: (a) => a.client.from('leads').select('*').eq('client_phone', pii.assigned.phone),
    refused: 'everyone',
  },
  {
    name: 'supabase-js .like(client_name)',
    run: (a) => a.client.from('leads').select('*').like('client_name', `%${pii.open.token}%`),
    refused: 'everyone',
  },
  {
    name: 'supabase-js .ilike(details)',
    run: (a) => a.client.from('leads').select('*').ilike('details', `%${pii.referral.token}%`),
    refused: 'everyone',
  },
];

const counts: Probe[] = [
  ...piiFilters(pii.open).map(([name, query]): Probe => ({
    name: `GET /leads?${name} with Prefer: count=exact`,
    run: (a) => raw(a, `/leads?${query}`, { headers: { prefer: 'count=exact', range: '0-0' } }),
    refused: 'everyone',
  })),
  ...piiFilters(pii.open).map(([name, query]): Probe => ({
    name: `HEAD /leads?${name} with Prefer: count=exact`,
    run: (a) => raw(a, `/leads?${query}`, { method: 'HEAD', headers: { prefer: 'count=exact' } }),
    refused: 'everyone',
  })),
  {
    name: 'supabase-js count=exact head with .eq(client_phone)',
    run: (a) => a.client.from('leads').select('*', { count: 'exact', head: true }).eq('client_phone', pii.open.phone),
    refused: 'everyone',
  },
  {
    name: 'supabase-js count=exact with .ilike(details)',
    run: (a) => a.client.from('leads').select('id', { count: 'exact' }).ilike('details', `%${pii.open.token}%`),
    refused: 'everyone',
  },
];

// Writes that name real columns, so a refusal is about permission, not a typo.
const writeBodies = (): Record<string, { insert: Record<string, unknown>; update: Record<string, unknown>; filter: string }> => ({
  leads: {
    insert: { kind: 'consumer', title: 'Injected lead', summary: 'Injected', category: 'plumbing', city: 'haifa' },
    update: { title: 'Hijacked lead', status: 'open' },
    filter: `id=${ids()}`,
  },
  proposals: {
    insert: { lead_id: lead.open, expert_id: loser.expertId, price_cents: 1, currency: 'ILS', message: 'Injected' },
    update: { status: 'accepted', price_cents: 1 },
    filter: `lead_id=${ids()}`,
  },
  payables: {
    insert: { lead_id: lead.open, amount_cents: 1, currency: 'ILS', status: 'due' },
    update: { status: 'cancelled' },
    filter: `lead_id=${ids()}`,
  },
  contact_access_logs: {
    insert: { lead_id: lead.open, revealer_role: 'owner', fields: ['client_phone'] },
    update: { fields: [], revealer_role: 'admin' },
    filter: `lead_id=${ids()}`,
  },
  referrals: {
    insert: { lead_id: lead.referral, from_expert_id: winner.expertId, to_expert_id: loser.expertId, referrer_share_percent: 90 },
    update: { status: 'accepted', referrer_share_percent: 90 },
    filter: `lead_id=${ids()}`,
  },
});

const writes: Probe[] = ['leads', 'proposals', 'payables', 'contact_access_logs', 'referrals'].flatMap((table): Probe[] => {
  const body = () => writeBodies()[table]!;
  const prefer = { prefer: 'return=representation' };
  return [
    {
      name: `POST /${table} return=representation`,
      run: (a) => raw(a, `/${table}?select=*`, { body: body().insert, headers: prefer }),
      refused: 'everyone',
    },
    {
      name: `PATCH /${table} return=representation`,
      run: (a) => raw(a, `/${table}?${body().filter}&select=*`, { method: 'PATCH', body: body().update, headers: prefer }),
      refused: 'everyone',
    },
    {
      name: `DELETE /${table} return=representation`,
      run: (a) => raw(a, `/${table}?${body().filter}&select=*`, { method: 'DELETE', headers: prefer }),
      refused: 'everyone',
    },
    { name: `supabase-js insert ${table} .select()`, run: (a) => a.client.from(table).insert(body().insert).select(), refused: 'everyone' },
    {
      name: `supabase-js update ${table} .select()`,
      run: (a) =>
        a.client
          .from(table)
          .update(body().update)
          .in(table === 'leads' ? 'id' : 'lead_id', Object.values(lead))
          .select(),
      refused: 'everyone',
    },
    {
      name: `supabase-js delete ${table} .select()`,
      run: (a) =>
        a.client
          .from(table)
          .delete()
          .in(table === 'leads' ? 'id' : 'lead_id', Object.values(lead))
          .select(),
      refused: 'everyone',
    },
  ];
});

// A GET runs in a read-only transaction: the reveal cannot write its log row there, so it must fail
// for everyone, the owner included, before returning anything.
const revealByGet: Probe[] = (['assigned', 'open', 'referral'] as const).flatMap((which): Probe[] =>
  ['GET', 'HEAD'].map((method): Probe => ({
    name: `${method} /rpc/reveal_lead_contact?lead_id=<${which}>`,
    run: (a) => raw(a, `/rpc/reveal_lead_contact?lead_id=${lead[which]}`, { method }),
    refused: 'everyone',
  })),
);

// PostgREST exposes `public` only; asking for `private` (or `audit`) by profile header is refused.
const profiles: Probe[] = [
  ...['private', 'audit'].flatMap((schema): Probe[] => [
    {
      name: `Accept-Profile: ${schema} GET /lead_contacts`,
      run: (a) => raw(a, '/lead_contacts?select=*', { headers: { 'accept-profile': schema } }),
      refused: 'everyone',
    },
    {
      name: `Accept-Profile: ${schema} GET /leads`,
      run: (a) => raw(a, '/leads?select=*', { headers: { 'accept-profile': schema } }),
      refused: 'everyone',
    },
    {
      name: `Content-Profile: ${schema} POST /rpc/reveal_lead_contact`,
      run: (a) => raw(a, '/rpc/reveal_lead_contact', { body: { p_lead_id: lead.assigned }, headers: { 'content-profile': schema } }),
      refused: 'everyone',
    },
    {
      name: `Content-Profile: ${schema} POST /lead_contacts`,
      run: (a) => raw(a, '/lead_contacts', { body: { lead_id: lead.open }, headers: { 'content-profile': schema, prefer: 'return=representation' } }),
      refused: 'everyone',
    },
  ]),
  {
    name: 'supabase-js .schema(private).from(lead_contacts)',
    run: (a) => a.client.schema('private').from('lead_contacts').select('*'),
    refused: 'everyone',
  },
  {
    name: 'supabase-js .schema(private).rpc(reveal_lead_contact)',
    run: (a) => a.client.schema('private').rpc('reveal_lead_contact', { p_lead_id: lead.assigned }),
    refused: 'everyone',
  },
];

describe.each(ATTACKERS)('as %s, no path shows a lead’s client PII', (name) => {
  it('reading the tables and views', () => attack(name, reads));
  it('embedding lead_contacts, logs, payables, proposals and referrals', () => attack(name, embeds));
  it('filtering, ordering and selecting by the PII column names (errors do not echo the value)', () => attack(name, filters));
  it('counting with Prefer: count=exact under those filters', () => attack(name, counts));
  it('inserting, updating and deleting with return=representation (all refused)', () => attack(name, writes));
  it('calling reveal_lead_contact with GET or HEAD (refused: it writes)', () => attack(name, revealByGet));
  it('asking for the private and audit schemas by profile header', () => attack(name, profiles));
});

describe('what each caller does see', () => {
  it('anon cannot read leads at all', async () => {
    const { data, error, status } = await anonClient().from('leads').select('id');
    expect(error?.code).toBe('42501');
    expect(error?.message).toBe('permission denied for view leads');
    expect(data).toBeNull();
    expect(status).toBe(401);
  });

  it('the secret key (service_role) cannot read leads either', async () => {
    const { data, error } = await adminClient().from('leads').select('id');
    expect(error?.code).toBe('42501');
    expect(data).toBeNull();
  });

  it('lead_contacts is not in the API for anyone: 404, whoever asks', async () => {
    for (const name of ATTACKERS) {
      const res = await raw(attackers[name], '/lead_contacts?select=*');
      expect(res.status, name).toBe(404);
      expect(res.body, name).toMatchObject({ code: '42P01' });
    }
  });

  it('before acceptance an expert sees only the masked hints, with the real last two phone digits', async () => {
    const { data, error } = await loser.client.from('leads').select('*').eq('id', lead.open).single();
    expect(error).toBeNull();
    expect(Object.keys(data).sort()).toEqual(
      [
        'assigned_at',
        'budget_cents',
        'cancelled_at',
        'category',
        'city',
        'client_email_hint',
        'client_name_hint',
        'client_phone_hint',
        'created_at',
        'currency',
        'expires_at',
        'id',
        'is_mine',
        'kind',
        'proposal_count',
        'referrer_expert_id',
        'referrer_share_percent',
        'share_locked',
        'status',
        'summary',
        'title',
        'visibility',
      ].sort(),
    );
    expect(data).toMatchObject({
      status: 'open',
      is_mine: false,
      client_name_hint: 'D.',
      client_phone_hint: `+972-5•-•••-••${pii.open.phone.slice(-2)}`,
      client_email_hint: 'c•••@p•••.example',
    });
    expect(leakedPii(data, everyPii)).toEqual([]);

    // An approved expert who never proposed sees the same board lead the same way.
    const other = await winner.client.from('leads').select('client_name_hint, client_phone_hint, client_email_hint').eq('id', lead.open).single();
    expect(other.data).toEqual({
      client_name_hint: 'D.',
      client_phone_hint: `+972-5•-•••-••${pii.open.phone.slice(-2)}`,
      client_email_hint: 'c•••@p•••.example',
    });
  });

  it('the losing expert still sees the assigned lead, masked, and the private referral lead it was invited to, masked', async () => {
    const { data } = await loser.client
      .from('leads')
      .select('id, status, client_phone_hint')
      .in('id', [lead.assigned, lead.referral])
      .order('status');
    expect(data).toEqual(
      expect.arrayContaining([
        { id: lead.assigned, status: 'assigned', client_phone_hint: `+972-5•-•••-••${pii.assigned.phone.slice(-2)}` },
        { id: lead.referral, status: 'open', client_phone_hint: `+972-5•-•••-••${pii.referral.phone.slice(-2)}` },
      ]),
    );
    expect(data).toHaveLength(2);
  });

  it('the OpenAPI description lists no lead_contacts and no PII column, whoever asks', async () => {
    for (const name of ATTACKERS) {
      const res = await raw(attackers[name], '/');
      expect(res.status, name).toBe(200);
      expect(Object.keys((res.body as { paths: object }).paths), name).not.toContain('/lead_contacts');
      expect(res.text, name).not.toMatch(/"lead_contacts|rowFilter\.leads\.(client_phone|client_name|client_email|client_address|details)"/);
    }
  });

  it('the owner’s own reads show hints, never the details it gave', async () => {
    const { data } = await owner.client.from('leads').select('*').in('id', [lead.assigned, lead.open]);
    expect(data).toHaveLength(2);
    expect(data?.every((l) => l.is_mine === true)).toBe(true);
    expect(leakedPii(data, everyPii)).toEqual([]);
  });
});

describe('smuggling PII into the public part', () => {
  // The title and summary are shown to every approved expert: they refuse the client's phone (in
  // the ways people write it) and email, and the refusal does not quote them back.
  it('create_lead refuses a title or summary with the client’s phone or email', async () => {
    const client = clientPii();
    const local = client.phone.slice(-9); // 52xxxxxxx
    const smuggled = [
      `Call Dana on ${client.phone}`,
      `Call 0${local.slice(0, 2)}-${local.slice(2)}`,
      `Call 0${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`,
      `Call +972 ${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`,
      `Call ${local}`,
      `Write to ${client.email}`,
    ];
    for (const text of smuggled) {
      for (const field of ['title', 'summary'] as const) {
        const { data, error } = await owner.client.rpc('create_lead', {
          kind: 'consumer',
          title: 'Hedge trimming',
          summary: 'The hedge needs trimming.',
          [field]: text,
          details: null,
          category: 'gardening',
          city: 'eilat',
          budget_cents: null,
          currency: 'ILS',
          client_name: client.name,
          client_phone: client.phone,
          client_email: client.email,
          client_address: null,
        });
        expect(data, `${field}: ${text}`).toBeNull();
        expect(error?.code, `${field}: ${text}`).toBe('22023');
        expect(error?.message).toMatch(/title and summary are public/);
        expect(leakedPii(error, client), `${field}: ${text}`).toEqual([]);
      }
    }
  });
});

describe('after all of the above', () => {
  it('nothing the attacks sent changed a lead, proposal, payable, referral or log row', async () => {
    expect(await snapshot()).toEqual(snapshotBefore);
  });
});

describe('Prefer: tx=rollback on the reveal', () => {
  // If PostgREST honoured tx=rollback, an allowed caller would get the details and the log row
  // would be rolled back: an unlogged reveal. Our PostgREST runs with the default db-tx-end=commit,
  // which ignores the preference, so the secure behaviour is: the reveal commits with its log row
  // (and Preference-Applied does not claim a rollback), and a caller who may not reveal is refused.
  it('cannot make an unlogged reveal, and gets a refused caller nothing', async () => {
    const client = clientPii();
    const me = await signUpUser('rollback-owner');
    const stranger = await approvedExpert('rollback-stranger');
    const leadId = await postConsumerLead(me, client);
    const admin = (await signInDemo('admin')).client;
    const rollback = { prefer: 'tx=rollback' };

    const refused = await rest('/rpc/reveal_lead_contact', {
      token: await accessToken(stranger.client),
      body: { lead_id: leadId },
      headers: rollback,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: '42501' });
    expect(leakedPii(refused, client)).toEqual([]);
    expect(await revealLog(admin, leadId)).toEqual([]);

    for (const prefer of ['tx=rollback', 'tx=rollback, handling=strict']) {
      const before = (await revealLog(admin, leadId)).length;
      const res = await rest('/rpc/reveal_lead_contact', { token: await accessToken(me.client), body: { lead_id: leadId }, headers: { prefer } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([revealed(client)]);
      expect(res.headers['preference-applied'] ?? '').not.toContain('tx=');
      const after = await revealLog(admin, leadId);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({ revealer_role: 'owner', revealer_user_id: me.userId });
    }
  });
});
