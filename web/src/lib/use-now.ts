// The current time for "3 minutes ago" labels, to the minute. One shared clock for every label on
// the page (a board can show a hundred), ticking while any label is mounted, so relative times stay
// right on a page left open and rendering stays pure.
import { useMemo, useSyncExternalStore } from 'react';

const MINUTE = 60_000;
const listeners = new Set<() => void>();
let timer: number | undefined;

/** Stable within a minute, as useSyncExternalStore requires of a snapshot. */
function currentMinute(): number {
  return Math.floor(Date.now() / MINUTE) * MINUTE;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    let last = currentMinute();
    // Checked often enough that a label turns within seconds of the minute changing.
    timer = window.setInterval(() => {
      const minute = currentMinute();
      if (minute === last) return;
      last = minute;
      for (const notify of listeners) notify();
    }, 5_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): Date {
  const minute = useSyncExternalStore(subscribe, currentMinute);
  return useMemo(() => new Date(minute), [minute]);
}
