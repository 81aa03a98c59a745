// Back from Checkout with `?payment=success`, the payable is still `due` until Stripe's webhook
// reaches the database, usually well under a second later. This re-reads the payable every half
// second until it has moved on, then once more everything that depends on it (`onSettled`: also when
// the first read already found it paid, since the lead may have been read a moment before). After
// 30 seconds it stops and says so: a slow webhook still settles the payment, a reload shows it.
import { useEffect, useRef, useState } from 'react';
import type { PayableStatus } from './payment-types.ts';

export const SETTLEMENT_POLL_MS = 500;
export const SETTLEMENT_TIMEOUT_MS = 30_000;

interface SettlementWaitOptions {
  /** The payable's status as last read. */
  status: PayableStatus;
  /** True when the payer just came back from a successful checkout. */
  returnedFromCheckout: boolean;
  /** Re-reads the payable. */
  refetch: () => Promise<unknown>;
  /** Called once, when a payer back from Checkout first sees the payable past `due`: re-read what the payment changed. */
  onSettled: () => void;
}

export interface SettlementWait {
  /** Still due, still polling: "waiting for confirmation…". */
  waiting: boolean;
  /** Still due after the timeout: polling stopped. */
  timedOut: boolean;
}

export function useSettlementWait({ status, returnedFromCheckout, refetch, onSettled }: SettlementWaitOptions): SettlementWait {
  const [timedOut, setTimedOut] = useState(false);
  const waiting = returnedFromCheckout && status === 'due' && !timedOut;
  const onSettledRef = useRef(onSettled);
  const settledSeen = useRef(false);

  useEffect(() => {
    onSettledRef.current = onSettled;
  });

  useEffect(() => {
    if (!waiting) return;
    const poll = window.setInterval(() => void refetch(), SETTLEMENT_POLL_MS);
    const stop = window.setTimeout(() => setTimedOut(true), SETTLEMENT_TIMEOUT_MS);
    return () => {
      window.clearInterval(poll);
      window.clearTimeout(stop);
    };
  }, [waiting, refetch]);

  useEffect(() => {
    if (!returnedFromCheckout || status === 'due' || settledSeen.current) return;
    settledSeen.current = true;
    onSettledRef.current();
  }, [status, returnedFromCheckout]);

  return { waiting, timedOut: returnedFromCheckout && status === 'due' && timedOut };
}
