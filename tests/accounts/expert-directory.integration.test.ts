// The public directory through the real supabase-js as a signed-out visitor: approved experts only,
// filtered by category (a group includes its categories), city and language, with no PII anywhere.
import { beforeAll, describe, expect, it } from 'vitest';
import { application, signInDemo, signUpUser } from '../support/accounts.ts';
import { anonClient } from '../support/clients.ts';

const tag = Math.random().toString(36).slice(2, 8);
const ids: Record<'gardener' | 'lawyer' | 'pending', string> = { gardener: '', lawyer: '', pending: '' };

beforeAll(async () => {
  const admin = await signInDemo('admin');
  const apply = async (overrides: Record<string, unknown>) => {
    const user = await signUpUser('directory');
    const { data, error } = await user.client.rpc('apply_as_expert', application(overrides));
    if (error) throw new Error(error.message);
    return data as string;
  };
  ids.gardener = await apply({ display_name: `Gardener ${tag}`, categories: ['gardening'], city: 'beer-sheva', languages: ['he', 'ar'] });
  ids.lawyer = await apply({ display_name: `Lawyer ${tag}`, categories: ['legal'], city: 'beer-sheva', languages: ['en'] });
  ids.pending = await apply({ display_name: `Pending ${tag}`, categories: ['gardening'], city: 'beer-sheva', languages: ['he'] });
  for (const id of [ids.gardener, ids.lawyer]) await admin.client.rpc('decide_expert_application', { expert_id: id, approve: true });
});

async function search(filters: Record<string, string>): Promise<string[]> {
  const { data, error } = await anonClient().rpc('search_experts', filters).select('id, display_name').like('display_name', `%${tag}`);
  expect(error).toBeNull();
  return (data as { id: string }[]).map((e) => e.id).sort();
}

describe('expert directory', () => {
  it('lists approved experts only', async () => {
    expect(await search({})).toEqual([ids.gardener, ids.lawyer].sort());
    const table = await anonClient().from('experts').select('id').like('display_name', `%${tag}`);
    expect(table.data?.map((e) => e.id).sort()).toEqual([ids.gardener, ids.lawyer].sort());
    expect((await search({})).includes(ids.pending)).toBe(false);
  });

  it('filters by category, including a whole group', async () => {
    expect(await search({ category: 'gardening' })).toEqual([ids.gardener]);
    expect(await search({ category: 'home-services' })).toEqual([ids.gardener]);
    expect(await search({ category: 'business' })).toEqual([ids.lawyer]);
    expect(await search({ category: 'plumbing' })).toEqual([]);
  });

  it('filters by city and language, and combines filters', async () => {
    expect(await search({ city: 'beer-sheva' })).toEqual([ids.gardener, ids.lawyer].sort());
    expect(await search({ city: 'eilat' })).toEqual([]);
    expect(await search({ language: 'ar' })).toEqual([ids.gardener]);
    expect(await search({ language: 'en', city: 'beer-sheva', category: 'legal' })).toEqual([ids.lawyer]);
    expect(await search({ language: 'en', category: 'gardening' })).toEqual([]);
  });

  it('filters on the table too, with categories embedded', async () => {
    const { data } = await anonClient()
      .from('experts')
      .select('id, expert_categories!inner(category)')
      .eq('expert_categories.category', 'legal')
      .contains('languages', ['en'])
      .like('display_name', `%${tag}`);
    expect(data).toEqual([{ id: ids.lawyer, expert_categories: [{ category: 'legal' }] }]);
  });

  it('shows public fields only: no account link, email, phone or private field', async () => {
    const { data } = await anonClient().from('experts').select('*, expert_categories(*)').eq('id', ids.gardener).single();
    expect(Object.keys(data).sort()).toEqual(
      [
        'approved_at',
        'bio',
        'city',
        'created_at',
        'currency',
        'display_name',
        'expert_categories',
        'headline',
        'hourly_rate',
        'id',
        'languages',
        'service_radius_km',
        'specialties',
        'status',
        'submitted_at',
        'updated_at',
      ].sort(),
    );
    expect(JSON.stringify(data)).not.toMatch(/@|user_id/);
    const privateFields = await anonClient().from('experts').select('id, expert_private(*)').eq('id', ids.gardener);
    expect(privateFields.error).not.toBeNull();
  });

  it('reference data is public: categories, cities and languages', async () => {
    const anon = anonClient();
    const cities = await anon.from('cities').select('slug, name_he').in('slug', ['tel-aviv', 'jerusalem', 'haifa', 'beer-sheva', 'eilat']);
    expect(cities.data).toHaveLength(5);
    const categories = await anon.from('categories').select('slug, parent_slug').eq('parent_slug', 'home-services');
    expect(categories.data?.map((c) => c.slug)).toEqual(expect.arrayContaining(['plumbing', 'electrical', 'cleaning']));
    expect((await anon.from('languages').select('code').eq('code', 'he')).data).toEqual([{ code: 'he' }]);
  });
});
