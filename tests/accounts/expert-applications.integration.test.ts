// Expert onboarding through the real supabase-js: apply, apply again while pending, approval and
// rejection by an admin (the demo admin), and everyone else refused.
import { describe, expect, it } from 'vitest';
import { application, signInDemo, signUpUser } from '../support/accounts.ts';
import { anonClient } from '../support/clients.ts';

describe('applying as an expert', () => {
  it('creates a pending application only its applicant (and admins) can see', async () => {
    const applicant = await signUpUser('apply');
    const { data: expertId, error } = await applicant.client.rpc(
      'apply_as_expert',
      application({
        display_name: 'Rina Plumbing',
        headline: 'Emergency plumber',
        categories: ['plumbing', 'renovation'],
        city: 'tel-aviv',
        specialties: ['Boilers', 'Leaks'],
        languages: ['he', 'en'],
        service_radius_km: 20,
        hourly_rate: 27550,
        currency: 'ILS',
      }),
    );
    expect(error).toBeNull();
    expect(expertId).toMatch(/^[0-9a-f-]{36}$/);

    const own = await applicant.client.from('experts').select('*, expert_categories(category)').eq('id', expertId).single();
    expect(own.data).toMatchObject({
      display_name: 'Rina Plumbing',
      headline: 'Emergency plumber',
      city: 'tel-aviv',
      specialties: ['Boilers', 'Leaks'],
      languages: ['he', 'en'],
      service_radius_km: 20,
      hourly_rate: 27550,
      currency: 'ILS',
      status: 'pending',
    });
    expect(own.data.expert_categories.map((c: { category: string }) => c.category).sort()).toEqual(['plumbing', 'renovation']);

    expect((await anonClient().from('experts').select('id').eq('id', expertId)).data).toEqual([]);
    const other = await signUpUser('curious');
    expect((await other.client.from('experts').select('id').eq('id', expertId)).data).toEqual([]);
    const admin = await signInDemo('admin');
    expect((await admin.client.from('experts').select('status').eq('id', expertId).single()).data).toEqual({ status: 'pending' });
  });

  it('applying again while pending updates the same application', async () => {
    const applicant = await signUpUser('reapply');
    const first = await applicant.client.rpc('apply_as_expert', application({ display_name: 'First Name', city: 'haifa' }));
    const second = await applicant.client.rpc(
      'apply_as_expert',
      application({ display_name: 'Second Name', city: 'eilat', categories: ['gardening'] }),
    );
    expect(second.error).toBeNull();
    expect(second.data).toBe(first.data);
    const { data } = await applicant.client.from('experts').select('display_name, city, status, expert_categories(category)').eq('id', first.data);
    expect(data).toEqual([{ display_name: 'Second Name', city: 'eilat', status: 'pending', expert_categories: [{ category: 'gardening' }] }]);
  });

  it('an admin approves: the expert is public and sees the note', async () => {
    const applicant = await signUpUser('approved');
    const { data: expertId } = await applicant.client.rpc('apply_as_expert', application({ display_name: 'Approved Person' }));
    const admin = await signInDemo('admin');
    const decision = await admin.client.rpc('decide_expert_application', { expert_id: expertId, approve: true, note: 'Welcome aboard' });
    expect(decision.error).toBeNull();
    expect(decision.data).toBe('approved');

    const pub = await anonClient().from('experts').select('display_name, status').eq('id', expertId).single();
    expect(pub.data).toEqual({ display_name: 'Approved Person', status: 'approved' });
    const mine = await applicant.client.from('expert_private').select('decision_note, decided_at').eq('expert_id', expertId).single();
    expect(mine.data?.decision_note).toBe('Welcome aboard');
    expect(mine.data?.decided_at).toBeTruthy();
  });

  it('an admin rejects with a note: still private, the applicant reads why and can apply again', async () => {
    const applicant = await signUpUser('rejected');
    const { data: expertId } = await applicant.client.rpc('apply_as_expert', application());
    const admin = await signInDemo('admin');
    const decision = await admin.client.rpc('decide_expert_application', {
      expert_id: expertId,
      approve: false,
      note: 'Please add your licence number',
    });
    expect(decision.data).toBe('rejected');

    expect((await anonClient().from('experts').select('id').eq('id', expertId)).data).toEqual([]);
    const view = await applicant.client.from('experts').select('status, expert_private(decision_note)').eq('id', expertId).single();
    expect(view.data).toEqual({ status: 'rejected', expert_private: { decision_note: 'Please add your licence number' } });

    const again = await applicant.client.rpc('apply_as_expert', application({ bio: 'Licensed, licence on request.' }));
    expect(again.data).toBe(expertId);
    expect((await applicant.client.from('experts').select('status').eq('id', expertId).single()).data).toEqual({ status: 'pending' });
  });

  it('nobody but an admin can decide, and a refused decision changes nothing', async () => {
    const applicant = await signUpUser('selfapprove');
    const { data: expertId } = await applicant.client.rpc('apply_as_expert', application());
    const expert = await signInDemo('expert');
    for (const client of [anonClient(), applicant.client, expert.client]) {
      const { error } = await client.rpc('decide_expert_application', { expert_id: expertId, approve: true });
      expect(error?.code).toBe('42501');
    }
    const admin = await signInDemo('admin');
    expect((await admin.client.from('experts').select('status').eq('id', expertId).single()).data).toEqual({ status: 'pending' });
    expect((await applicant.client.from('user_roles').select('role')).data).toEqual([{ role: 'customer' }]);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown category', { categories: ['plumbing', 'astrology'] }, /unknown category: astrology/],
    ['an unknown city', { city: 'gotham' }, /unknown city: gotham/],
    ['an empty name', { display_name: '   ' }, /display name/],
    ['no category', { categories: [] }, /categories/],
    ['a phone number in the bio', { bio: 'Call 052-123-4567 anytime' }, /phone numbers/],
    ['an unknown currency', { hourly_rate: 100, currency: 'GBP' }, /currency/],
  ];
  it.each(cases)('%s gets a clear error and creates nothing', async (_, overrides, message) => {
    const applicant = await signUpUser('bad');
    const { data, error } = await applicant.client.rpc('apply_as_expert', application(overrides));
    expect(data).toBeNull();
    expect(error?.code).toBe('22023');
    expect(error?.message).toMatch(message);
    expect((await applicant.client.from('expert_private').select('expert_id')).data).toEqual([]);
  });

  it('a signed-out visitor cannot apply', async () => {
    const { error } = await anonClient().rpc('apply_as_expert', application());
    expect(error?.code).toBe('42501');
  });
});
