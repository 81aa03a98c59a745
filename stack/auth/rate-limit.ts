// In-memory sliding-window counters, keyed by whatever is being limited (an email, an IP).
// One process serves auth, so memory is the right place; a restart forgets, as a deploy would.

export type Clock = () => number;

export class SlidingWindowLimiter {
  private hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** True when `key` has used up its allowance in the current window. */
  isLimited(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  hit(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.hits.set(key, list);
    if (++this.calls % 1000 === 0) this.sweep();
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Drops keys whose hits have all expired, so memory stays bounded by recent traffic. */
  sweep(): void {
    for (const key of [...this.hits.keys()]) this.recent(key);
  }

  get size(): number {
    return this.hits.size;
  }
}

/** At most one event per key every `intervalMs` (e.g. one recovery email per address a minute). */
export class IntervalLimiter {
  private last = new Map<string, number>();

  constructor(
    readonly intervalMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  /** Seconds left before `key` may act again, or 0 (and the event is recorded). */
  take(key: string): number {
    const now = this.now();
    for (const [k, t] of this.last) if (now - t >= this.intervalMs) this.last.delete(k);
    const previous = this.last.get(key);
    if (previous !== undefined) return Math.max(1, Math.ceil((previous + this.intervalMs - now) / 1000));
    this.last.set(key, now);
    return 0;
  }
}
