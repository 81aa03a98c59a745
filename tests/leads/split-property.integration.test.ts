// quote_lead_split, the price quote anyone may ask for, as a property: for any amount at or over the
// minimum and any allowed share, the platform fee, the referrer fee and the performer's net are
// non-negative whole minor units that add up to the amount exactly. The documented rule (each fee
// is round-half-up of amount × rate, the performer gets the rest, and the referrer's fee gives up
// the cent when both fees rounded up would pass the amount) is modelled here in bigint arithmetic;
// the RPC must agree with the model for the live policy, and the model keeps the property for
// every policy an admin may publish.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient } from '../support/clients.ts';

type Kind = 'consumer' | 'referral';
type Split = [platform: bigint, referrer: bigint, performer: bigint];

/** A percentage as an exact fraction: "33.33" → 3333/100. */
function percent(p: number | string): { num: bigint; den: bigint } {
  const [whole, frac = ''] = String(p).split('.');
  const den = 10n ** BigInt(frac.length);
  return { num: BigInt(whole!) * den + BigInt(frac || '0'), den };
}

/** round-half-up(amount × p / 100), for amount ≥ 0 and p ≥ 0. */
function fee(amount: bigint, p: number | string): bigint {
  const { num, den } = percent(p);
  return (2n * amount * num + 100n * den) / (200n * den);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

function modelSplit(amount: bigint, platformPercent: number | string, sharePercent: number | string): Split {
  const platform = min(fee(amount, platformPercent), amount);
  const referrer = min(fee(amount, sharePercent), amount - platform);
  return [platform, referrer, amount - platform - referrer];
}

function expectParts(split: Split, amount: bigint, what: string): void {
  for (const part of split) expect(part >= 0n, `${what}: ${split.join(' + ')} has a negative part`).toBe(true);
  expect(split[0] + split[1] + split[2], `${what}: ${split.join(' + ')} ≠ ${amount}`).toBe(amount);
}

interface Quote {
  platform_fee_cents: number;
  referrer_fee_cents: number;
  performer_net_cents: number;
}

async function quote(kind: Kind, amount: number, share: number | string = 0, currency = 'ILS'): Promise<Split> {
  const { data, error } = await anonClient()
    .rpc('quote_lead_split', { kind, amount_cents: amount, referrer_share_percent: share, currency })
    .single<Quote>();
  if (error) throw new Error(`quote_lead_split(${kind}, ${amount}, ${share}) failed: ${error.code} ${error.message}`);
  for (const v of Object.values(data)) expect(Number.isSafeInteger(v), `${kind} ${amount} ${share}: ${JSON.stringify(data)}`).toBe(true);
  return [BigInt(data.platform_fee_cents), BigInt(data.referrer_fee_cents), BigInt(data.performer_net_cents)];
}

interface Case {
  kind: Kind;
  amount: number;
  share: number | string;
}

/** Every case through the RPC, 50 at a time; each split must keep the property and match the model. */
async function checkAgainstModel(cases: Case[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 50) {
    const chunk = cases.slice(i, i + 50);
    const splits = await Promise.all(chunk.map((c) => quote(c.kind, c.amount, c.share)));
    chunk.forEach((c, j) => {
      const what = `${c.kind} ${c.amount} at ${c.share}%`;
      expectParts(splits[j]!, BigInt(c.amount), what);
      const platform = c.kind === 'consumer' ? live.consumer : live.referral;
      expect(splits[j], what).toEqual(modelSplit(BigInt(c.amount), platform, c.share));
    });
  }
}

// The live policy, read as anyone can read it; the worked examples below are policy 1's.
const live = { version: 0, consumer: 0, referral: 0, shareMax: 0, minimumIls: 0 };
beforeAll(async () => {
  const anon = anonClient();
  const { data: policies } = await anon
    .from('fee_policies')
    .select('version, consumer_platform_percent, referral_platform_percent, referrer_share_max_percent')
    .lte('effective_from', new Date().toISOString())
    .order('version', { ascending: false })
    .limit(1);
  const p = policies![0]!;
  const { data: minimum } = await anon
    .from('fee_policy_minimums')
    .select('minimum_job_cents')
    .eq('policy_version', p.version)
    .eq('currency', 'ILS')
    .single();
  Object.assign(live, {
    version: p.version,
    consumer: p.consumer_platform_percent,
    referral: p.referral_platform_percent,
    shareMax: p.referrer_share_max_percent,
    minimumIls: minimum!.minimum_job_cents,
  });
});

/** A few hundred amounts: the minimum and its neighbours, half-cent edges, the largest, and random ones of every size. */
function amounts(): number[] {
  const edges = [5000, 5001, 5005, 5009, 5010, 5050, 5555, 9999, 10000, 10005, 33333, 45000, 99999, 100000, 123457, 99_999_999_999];
  const halfCents = Array.from({ length: 40 }, () => randomInt(50, 1_000_000) * 100 + 50);
  const random = Array.from({ length: 250 }, () => Math.min(99_999_999_999, Math.floor(5000 * 10 ** (Math.random() * 7.3))));
  return [...edges, ...halfCents, ...random];
}

describe('quote_lead_split', () => {
  it('is policy 1: consumer 10%, referral 5% plus a share of up to 90%, minimum 50.00 ILS', () => {
    expect(live).toEqual({ version: 1, consumer: 10, referral: 5, shareMax: 90, minimumIls: 5000 });
  });

  it('gives the documented worked examples', async () => {
    expect(await quote('referral', 100000, 20)).toEqual([5000n, 20000n, 75000n]);
    expect(await quote('consumer', 45000)).toEqual([4500n, 0n, 40500n]);
    expect(await quote('consumer', 5000)).toEqual([500n, 0n, 4500n]);
    expect(await quote('referral', 5000, 90)).toEqual([250n, 4500n, 250n]);
    // Round half up, per fee: 5% of 5010 is 250.5 → 251; 33.33% of 5010 is 1669.833 → 1670.
    expect(await quote('referral', 5010, 33.33)).toEqual([251n, 1670n, 3089n]);
    // Lower-case currency and USD's own minimum.
    expect(await quote('consumer', 1500, 0, 'usd')).toEqual([150n, 0n, 1350n]);
  });

  it('splits edge amounts exactly for every whole share from 0 to 90', async () => {
    const edgeAmounts = [5000, 5001, 5005, 5010, 5050, 9999, 10001, 33333, 100000, 99_999_999_999];
    const cases: Case[] = edgeAmounts.flatMap((amount) => Array.from({ length: 91 }, (_, share): Case => ({ kind: 'referral', amount, share })));
    await checkAgainstModel(cases);
  });

  it('splits hundreds of amounts exactly, for both kinds, whole and fractional shares', async () => {
    const fractional = ['12.5', '33.33', '0.01', '89.99', '45.5', '66.67'];
    const cases: Case[] = amounts().flatMap((amount, i): Case[] => [
      { kind: 'consumer', amount, share: 0 },
      { kind: 'referral', amount, share: (i * 7) % 91 },
      { kind: 'referral', amount, share: randomInt(0, 91) },
      { kind: 'referral', amount, share: fractional[i % fractional.length]! },
    ]);
    await checkAgainstModel(cases);
  });
});

describe('the split rule, for every policy an admin may publish', () => {
  // publish_fee_policy accepts rates of 0–100% with the referral rate plus the largest share at
  // most 100%. The rule must keep the property for all of them, including the tight ones, where
  // rounding both fees up would pass the amount.
  const policies: [platform: string, shareMax: string][] = [
    ['5', '90'],
    ['10', '90'],
    ['0', '100'],
    ['100', '0'],
    ['12.5', '87.5'],
    ['33.33', '66.67'],
    ['50', '50'],
    ['0.01', '99.99'],
  ];

  it('the referrer’s fee gives up the cent when both fees rounded up would pass the amount', () => {
    expect(modelSplit(5n, '10', '90')).toEqual([1n, 4n, 0n]); // 0.5 → 1 and 4.5 → 5 would make 6
    expect(modelSplit(15n, '10', '90')).toEqual([2n, 13n, 0n]); // 1.5 → 2 and 13.5 → 14 would make 16
    expect(modelSplit(1n, '50', '50')).toEqual([1n, 0n, 0n]);
  });

  it.each(policies)('platform %s%% with shares up to %s%%: parts are never negative and always add up', (platform, shareMax) => {
    const max = Number(shareMax);
    const shares = [...Array.from({ length: Math.floor(max) + 1 }, (_, s) => String(s)), shareMax, '12.5', '33.33', '0.01'].filter(
      (s) => Number(s) <= max,
    );
    const tiny = Array.from({ length: 201 }, (_, a) => a); // a policy's minimum may be 0
    const sample = [...tiny, ...amounts(), 99_999_999_999, 100_000_000_000];
    const broken: string[] = [];
    for (const amount of sample.map(BigInt)) {
      for (const share of shares) {
        const [p, r, n] = modelSplit(amount, platform, share);
        // Never negative, adds up, and neither fee more than its own rounded rate.
        if (p < 0n || r < 0n || n < 0n || p + r + n !== amount || p > fee(amount, platform) || r > fee(amount, share)) {
          broken.push(`amount ${amount} at ${share}%: ${p} + ${r} + ${n}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('refusals', () => {
  const cases: [string, Kind | string, number, number, string, RegExp][] = [
    ['a share over the maximum', 'referral', 100000, 95, 'ILS', /referrer share must be between 0 and 90 percent/],
    ['a negative share', 'referral', 100000, -1, 'ILS', /referrer share must be between 0 and 90 percent/],
    ['a negative amount', 'referral', -1, 10, 'ILS', /the amount must be 0 to 100000000000 minor units/],
    ['an amount under the minimum', 'consumer', 4999, 0, 'ILS', /under the minimum job amount of 5000 minor units of ILS/],
    ['an amount under the USD minimum', 'consumer', 1499, 0, 'USD', /under the minimum job amount of 1500 minor units of USD/],
    ['a consumer lead with a share', 'consumer', 100000, 10, 'ILS', /consumer leads have no referrer share/],
    ['an unknown kind', 'gift', 100000, 0, 'ILS', /kind must be consumer or referral/],
    ['an unknown currency', 'consumer', 100000, 0, 'GBP', /currency must be ILS, USD or EUR/],
  ];
  it.each(cases)('%s: 22023 with a message that says why', async (_, kind, amount, share, currency, message) => {
    const { data, error } = await anonClient().rpc('quote_lead_split', { kind, amount_cents: amount, referrer_share_percent: share, currency });
    expect(data).toBeNull();
    expect(error?.code).toBe('22023');
    expect(error?.message).toMatch(message);
  });
});
