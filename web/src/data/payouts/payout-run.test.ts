import { describe, expect, it } from 'vitest';
import { runUntilDone, type RunAnswer } from './payout-run.ts';

function answers(...list: RunAnswer[]) {
  const calls: number[] = [];
  return {
    calls,
    call: async () => {
      calls.push(calls.length);
      const next = list[calls.length - 1];
      if (!next) throw new Error('called once too often');
      return next;
    },
  };
}

describe('runUntilDone', () => {
  it('calls again while payouts remain and the last call got somewhere', async () => {
    const { call, calls } = answers(
      {
        payouts: [
          { payout_id: 'a', outcome: 'sent' },
          { payout_id: 'b', outcome: 'refused' },
        ],
        remaining: 1,
      },
      { payouts: [{ payout_id: 'c', outcome: 'sent' }], remaining: 0 },
    );
    const seen: number[] = [];
    const result = await runUntilDone(call, (p) => seen.push(p.sent));
    expect(calls.length).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(result).toEqual({ sent: 2, refused: 1, retryLater: 0, remaining: 0 });
  });

  it('stops when a call only had payouts to retry later', async () => {
    const { call, calls } = answers({ payouts: [{ payout_id: 'a', outcome: 'retry_later' }], remaining: 1 });
    expect(await runUntilDone(call)).toEqual({ sent: 0, refused: 0, retryLater: 1, remaining: 1 });
    expect(calls.length).toBe(1);
  });

  it('stops when there was nothing to send', async () => {
    const { call } = answers({ payouts: [], remaining: 0 });
    expect(await runUntilDone(call)).toEqual({ sent: 0, refused: 0, retryLater: 0, remaining: 0 });
  });

  it('counts each payout by its last outcome', async () => {
    const { call } = answers(
      {
        payouts: [
          { payout_id: 'a', outcome: 'retry_later' },
          { payout_id: 'b', outcome: 'sent' },
        ],
        remaining: 1,
      },
      { payouts: [{ payout_id: 'a', outcome: 'sent' }], remaining: 0 },
    );
    expect(await runUntilDone(call)).toEqual({ sent: 2, refused: 0, retryLater: 0, remaining: 0 });
  });

  it('passes a failed call on', async () => {
    await expect(
      runUntilDone(async () => {
        throw new Error('403');
      }),
    ).rejects.toThrow('403');
  });
});
