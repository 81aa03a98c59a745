// reveal_lead_contact is the only way to a lead's client details. It answers the lead's owner, the
// expert whose proposal the owner accepted (while the grant lives) and admins, and each answer adds
// one log row; everyone else gets 42501 and adds none. The owner reads the log (who, which fields,
// when); only admins see the revealer's account, IP and user agent; nobody edits or deletes it.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUser } from '../../stack/demo-users.ts';
import { signInDemo, signUpUser, type SignedIn } from '../support/accounts.ts';
import { randomLoopback, rawRequest } from '../auth/raw-http.ts';
import { adminClient, anonClient, stackClient } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';
import {
  acceptProposal,
  accessToken,
  approvedExpert,
  clientPii,
  leakedPii,
  pendingApplicant,
  postConsumerLead,
  rest,
  revealed,
  revealLog,
  submitProposal,
  type LogRow,
} from '../support/leads.ts';

const FIELDS = ['client_name', 'client_phone', 'client_email', 'client_address', 'details'];

/** A consumer lead with two proposals: `winner`'s (not yet accepted) and `loser`'s. */
async function leadWithProposals() {
  const pii = clientPii();
  const owner = await signUpUser('reveal-owner', 'Lead Owner');
  const [winner, loser] = await Promise.all([approvedExpert('reveal-winner'), approvedExpert('reveal-loser')]);
  const leadId = await postConsumerLead(owner, pii);
  const winning = await submitProposal(winner, leadId, 42000);
  await submitProposal(loser, leadId, 39000);
  const admin = await signInDemo('admin');
  return { pii, owner, winner, loser, leadId, admin, accept: () => acceptProposal(owner, winning) };
}

const reveal = (client: SupabaseClient, leadId: string) => client.rpc('reveal_lead_contact', { lead_id: leadId });

/** The log as the owner and as the admin see it: the same rows, whoever counts. */
async function logCounts(owner: SignedIn, admin: SignedIn, leadId: string): Promise<{ owner: number; admin: number }> {
  return { owner: (await revealLog(owner.client, leadId)).length, admin: (await revealLog(admin.client, leadId)).length };
}

/** The demo admin signed in on a client that sends `userAgent`, as a browser would. */
async function adminWithUserAgent(userAgent: string): Promise<SupabaseClient> {
  const client = stackClient(stackEnv().SUPABASE_PUBLISHABLE_KEY, { 'user-agent': userAgent });
  const { error } = await client.auth.signInWithPassword({ email: demoUser('admin').email, password: DEMO_PASSWORD });
  if (error) throw new Error(error.message);
  return client;
}

/**
 * A guest (anonymous session), signed up from a fresh loopback address so the per-IP limit on
 * anonymous sign-ups that other suites share does not apply.
 */
async function guestClient(): Promise<SupabaseClient> {
  const res = await rawRequest({ path: '/auth/v1/signup', body: {}, localAddress: randomLoopback() });
  if (res.status !== 200 || typeof res.json.access_token !== 'string') throw new Error(`anonymous sign-up failed: ${res.status} ${res.text}`);
  return stackClient(stackEnv().SUPABASE_PUBLISHABLE_KEY, { authorization: `Bearer ${res.json.access_token}` });
}

describe('who may not reveal', () => {
  it('anon, a losing or unrelated expert, a pending applicant, a customer, a guest and the secret key get 42501 and log nothing', async () => {
    const { pii, owner, winner, loser, leadId, admin, accept } = await leadWithProposals();
    const guest = await guestClient();
    const refused: [string, SupabaseClient][] = [
      // A proposal alone grants nothing: the future winner is refused until the owner accepts.
      ['the proposer before acceptance', winner.client],
      ['anon', anonClient()],
      ['an unrelated approved expert', (await approvedExpert('reveal-unrelated')).client],
      ['a pending applicant', (await pendingApplicant('reveal-pending')).client],
      ['an unrelated customer', (await signUpUser('reveal-customer')).client],
      ['a guest (anonymous session)', guest],
      ['the secret key (service_role)', adminClient()],
    ];
    const tryAll = async (who: [string, SupabaseClient][]) => {
      for (const [name, client] of who) {
        const res = await reveal(client, leadId);
        expect(res.error?.code, name).toBe('42501');
        expect(res.data, name).toBeNull();
        expect(leakedPii(res, pii), name).toEqual([]);
        expect(await logCounts(owner, admin, leadId), name).toEqual({ owner: 0, admin: 0 });
      }
    };
    await tryAll(refused);

    await accept();
    await tryAll([['the losing proposer', loser.client], ...refused.slice(1)]);
  });
});

describe('who may reveal', () => {
  it('the owner, the winner after acceptance and an admin each get exactly the details and add exactly one log row', async () => {
    const { pii, owner, winner, leadId, admin, accept } = await leadWithProposals();

    const byOwner = await reveal(owner.client, leadId);
    expect(byOwner.error).toBeNull();
    expect(byOwner.data).toEqual([revealed(pii)]);
    let log = await revealLog(admin.client, leadId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ revealer_role: 'owner', revealer_user_id: owner.userId, revealer_expert_id: null, fields: FIELDS });

    await accept();
    const byWinner = await reveal(winner.client, leadId);
    expect(byWinner.error).toBeNull();
    expect(byWinner.data).toEqual([revealed(pii)]);
    log = await revealLog(admin.client, leadId);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ revealer_role: 'winner', revealer_user_id: winner.userId, revealer_expert_id: winner.expertId, fields: FIELDS });

    const byAdmin = await reveal(admin.client, leadId);
    expect(byAdmin.error).toBeNull();
    expect(byAdmin.data).toEqual([revealed(pii)]);
    log = await revealLog(admin.client, leadId);
    expect(log).toHaveLength(3);
    expect(log[2]).toMatchObject({ revealer_role: 'admin', revealer_user_id: admin.userId, revealer_expert_id: null, fields: FIELDS });
    // An admin's reveal is also an audited admin action.
    const audit = await admin.client.rpc('admin_audit_log', { max_rows: 20 });
    expect(audit.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'pii.reveal_lead_contact', target_id: leadId, actor_id: admin.userId })]),
    );

    // The same three rows, in the owner's view.
    expect((await revealLog(owner.client, leadId)).map((r) => r.revealer_role)).toEqual(['owner', 'winner', 'admin']);
  });

  it('an admin may not reveal a lead that does not exist (and nothing is logged for it)', async () => {
    const admin = await signInDemo('admin');
    const missing = randomUUID();
    expect((await reveal(admin.client, missing)).error?.code).toBe('42501');
    expect(await revealLog(admin.client, missing)).toEqual([]);
  });
});

describe('the reveal log', () => {
  it('the owner sees who, which fields and when; only an admin sees the account, IP and user agent', async () => {
    const { owner, winner, leadId, accept } = await leadWithProposals();
    await accept();
    const winnerAgent = `GuildhallTest/winner-${randomUUID()}`;
    const adminAgent = `GuildhallTest/admin-${randomUUID()}`;
    const byWinner = await rest('/rpc/reveal_lead_contact', {
      token: await accessToken(winner.client),
      body: { lead_id: leadId },
      headers: { 'user-agent': winnerAgent },
    });
    expect(byWinner.status).toBe(200);
    const admin = await adminWithUserAgent(adminAgent);
    expect((await reveal(admin, leadId)).error).toBeNull();

    const seenByOwner = await revealLog(owner.client, leadId);
    expect(seenByOwner).toHaveLength(2);
    for (const row of seenByOwner) {
      expect(Math.abs(Date.parse(row.created_at) - Date.now())).toBeLessThan(60_000);
      expect(row).toMatchObject({ lead_id: leadId, fields: FIELDS, revealer_user_id: null, ip: null, user_agent: null });
    }
    expect(seenByOwner.map((r) => [r.revealer_role, r.revealer_expert_id])).toEqual([
      ['winner', winner.expertId],
      ['admin', null],
    ]);

    const seenByAdmin = await revealLog(admin, leadId);
    // The local gateway sets X-Forwarded-For from the socket, so the address is the loopback one.
    expect(seenByAdmin.map((r) => [r.revealer_user_id, r.ip, r.user_agent])).toEqual([
      [winner.userId, '127.0.0.1', winnerAgent],
      [demoUser('admin').id, '127.0.0.1', adminAgent],
    ]);
    expect(seenByAdmin.map((r) => r.id)).toEqual(seenByOwner.map((r) => r.id));
  });

  it('nobody else reads it: not the winner, not another expert, not anon', async () => {
    const { owner, winner, loser, leadId, accept } = await leadWithProposals();
    await reveal(owner.client, leadId);
    await accept();
    await reveal(winner.client, leadId);
    expect(await revealLog(winner.client, leadId)).toEqual([]);
    expect(await revealLog(loser.client, leadId)).toEqual([]);
    expect((await anonClient().from('contact_access_logs').select('*').eq('lead_id', leadId)).error?.code).toBe('42501');
  });

  it('log rows cannot be updated or deleted through the API, by anyone', async () => {
    const { owner, winner, leadId, admin, accept } = await leadWithProposals();
    await reveal(owner.client, leadId);
    await accept();
    await reveal(winner.client, leadId);
    const before = await revealLog(admin.client, leadId);
    expect(before).toHaveLength(2);

    const env = stackEnv();
    const editors: [string, SupabaseClient, { apikey?: string; token?: string }][] = [
      ['anon', anonClient(), {}],
      ['the owner', owner.client, { token: await accessToken(owner.client) }],
      ['the winner', winner.client, { token: await accessToken(winner.client) }],
      ['the demo admin', admin.client, { token: await accessToken(admin.client) }],
      ['the secret key', adminClient(), { apikey: env.SUPABASE_SECRET_KEY }],
    ];
    const changes: Partial<LogRow>[] = [
      { fields: [] },
      { revealer_role: 'admin' },
      { revealer_expert_id: null },
      { created_at: '2020-01-01T00:00:00Z' },
    ];
    for (const [name, client, auth] of editors) {
      for (const change of changes) {
        const update = await client.from('contact_access_logs').update(change).eq('lead_id', leadId).select();
        expect(update.error, `${name} update ${Object.keys(change)[0]}`).not.toBeNull();
        const patch = await rest(`/contact_access_logs?lead_id=eq.${leadId}`, {
          ...auth,
          method: 'PATCH',
          body: change,
          headers: { prefer: 'return=representation' },
        });
        expect(patch.status, `${name} PATCH`).toBeGreaterThanOrEqual(400);
      }
      const del = await client.from('contact_access_logs').delete().eq('lead_id', leadId).select();
      expect(del.error?.code, `${name} delete`).toBe('42501');
      const rawDelete = await rest(`/contact_access_logs?lead_id=eq.${leadId}`, {
        ...auth,
        method: 'DELETE',
        headers: { prefer: 'return=representation' },
      });
      expect(rawDelete.status, `${name} DELETE`).toBeGreaterThanOrEqual(400);
    }
    expect(await revealLog(admin.client, leadId)).toEqual(before);
  });
});

describe('revoked access', () => {
  it('a revoked grant stops a winner: after cancel_lead the winner gets 42501 and nothing is logged', async () => {
    const { pii, owner, winner, leadId, admin, accept } = await leadWithProposals();
    await accept();
    expect((await reveal(winner.client, leadId)).data).toEqual([revealed(pii)]);
    expect(await logCounts(owner, admin, leadId)).toEqual({ owner: 1, admin: 1 });

    const cancel = await owner.client.rpc('cancel_lead', { lead_id: leadId });
    expect(cancel.error).toBeNull();
    expect(cancel.data).toBe('cancelled');

    const after = await reveal(winner.client, leadId);
    expect(after.error?.code).toBe('42501');
    expect(after.data).toBeNull();
    expect(leakedPii(after, pii)).toEqual([]);
    expect(await logCounts(owner, admin, leadId)).toEqual({ owner: 1, admin: 1 });
    // The payable the acceptance created is cancelled with the grant.
    expect((await owner.client.from('payables').select('status').eq('lead_id', leadId)).data).toEqual([{ status: 'cancelled' }]);
  });
});
