// With a data file, a restarted fake still knows its sessions, payments, events and idempotency
// keys, as a second `npm start` needs. Ports 29351–29352.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeFake } from './index.ts';
import { createSession, sdk } from './test-support.ts';

const PORT = 29351;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stripe-fake-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dataFile', () => {
  it('keeps objects, events and idempotency keys across a restart', async () => {
    const dataFile = join(dir, 'state', 'stripe.json');
    const first = await startStripeFake({ port: PORT, dataFile });
    const stripe = sdk(PORT);
    const session = await createSession(stripe, { metadata: { payable_id: 'p1' } }, { idempotencyKey: 'create-p1' });
    first.control.pay(session.id);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    const refund = await stripe.refunds.create({ payment_intent: String(paid.payment_intent), amount: 100 });
    const events = (await stripe.events.list({ limit: 100 })).data.map((e) => e.id);
    await first.close();

    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { version: number };
    expect(saved.version).toBe(1);

    const second = await startStripeFake({ port: PORT, dataFile });
    try {
      expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
        status: 'complete',
        payment_status: 'paid',
        metadata: { payable_id: 'p1' },
      });
      expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ amount: 100 });
      expect((await stripe.events.list({ limit: 100 })).data.map((e) => e.id)).toEqual(events);
      const replay = await createSession(stripe, { metadata: { payable_id: 'p1' } }, { idempotencyKey: 'create-p1' });
      expect(replay.id).toBe(session.id);
      await expect(createSession(stripe, { metadata: { payable_id: 'p2' } }, { idempotencyKey: 'create-p1' })).rejects.toBeInstanceOf(
        Stripe.errors.StripeIdempotencyError,
      );
      // New objects still sort after the restored ones.
      const newer = await createSession(stripe);
      expect((await stripe.checkout.sessions.list({ limit: 2 })).data.map((s) => s.id)).toEqual([newer.id, session.id]);
      // The hosted page of a restored session still works.
      expect((await fetch(session.url ?? '')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('points restored hosted-page links at the fake that now serves them', async () => {
    const dataFile = join(dir, 'moved.json');
    const first = await startStripeFake({ port: PORT, dataFile });
    const session = await createSession(sdk(PORT));
    await first.close();
    const moved = await startStripeFake({ port: PORT + 1, dataFile });
    try {
      const again = await sdk(PORT + 1).checkout.sessions.retrieve(session.id);
      expect(again.url).toBe(`http://127.0.0.1:${PORT + 1}/checkout/${session.id}`);
      expect((await fetch(again.url ?? '')).status).toBe(200);
    } finally {
      await moved.close();
    }
  });

  it('refuses a data file it did not write, with a hint', async () => {
    const dataFile = join(dir, 'broken.json');
    await writeFile(dataFile, '{"not":"ours"}');
    await expect(startStripeFake({ port: PORT, dataFile })).rejects.toThrow(/delete it to start with an empty fake/);
    await writeFile(dataFile, 'not json');
    await expect(startStripeFake({ port: PORT, dataFile })).rejects.toThrow(/not valid JSON/);
  });

  it('reset forgets everything', async () => {
    const dataFile = join(dir, 'reset.json');
    const fake = await startStripeFake({ port: PORT, dataFile });
    try {
      const stripe = sdk(PORT);
      const session = await createSession(stripe);
      expect((await fetch(`${fake.url}/_fake/reset`, { method: 'POST' })).status).toBe(200);
      await expect(stripe.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await fake.close();
    }
    const after = JSON.parse(await readFile(dataFile, 'utf8')) as { entries: unknown[] };
    expect(after.entries).toEqual([]);
  });
});
