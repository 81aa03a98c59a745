// Running a payout batch, the loop without the network: call the payouts function until it says
// nothing is left, or until a call gets nowhere (every payout it tried was "retry later", or it had
// none to try), so a payout Stripe cannot take right now does not keep the screen busy forever. Each
// payout's last outcome is what counts, however many calls it took.
import { z } from 'zod';

/** A guard against a loop that never ends: 10,000 payouts at 20 a call, and then some. */
const MAX_CALLS = 1_000;

export const runAnswer = z.object({
  payouts: z.array(z.object({ payout_id: z.string(), outcome: z.enum(['sent', 'refused', 'retry_later']) })),
  remaining: z.number().int().nonnegative(),
});

export type RunAnswer = z.infer<typeof runAnswer>;
export type PayoutOutcome = RunAnswer['payouts'][number]['outcome'];

export interface RunProgress {
  sent: number;
  refused: number;
  retryLater: number;
  /** What the last call said is still to send. */
  remaining: number;
}

export function summarize(outcomes: ReadonlyMap<string, PayoutOutcome>, remaining: number): RunProgress {
  const counts = { sent: 0, refused: 0, retryLater: 0 };
  for (const outcome of outcomes.values()) {
    if (outcome === 'sent') counts.sent++;
    else if (outcome === 'refused') counts.refused++;
    else counts.retryLater++;
  }
  return { ...counts, remaining };
}

/** Calls `call` until nothing is left or a call makes no progress; reports after each call. */
export async function runUntilDone(call: () => Promise<RunAnswer>, onProgress: (progress: RunProgress) => void = () => {}): Promise<RunProgress> {
  const outcomes = new Map<string, PayoutOutcome>();
  let progress: RunProgress = summarize(outcomes, 0);
  for (let calls = 0; calls < MAX_CALLS; calls++) {
    const result = await call();
    for (const { payout_id, outcome } of result.payouts) outcomes.set(payout_id, outcome);
    progress = summarize(outcomes, result.remaining);
    onProgress(progress);
    const progressed = result.payouts.some(({ outcome }) => outcome !== 'retry_later');
    if (result.remaining <= 0 || !progressed) break;
  }
  return progress;
}
