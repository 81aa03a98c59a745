import { describe, expect, it } from 'vitest';
import { IntervalLimiter, SlidingWindowLimiter } from './rate-limit.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('limits a key after `limit` hits within the window, per key', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(3, 60_000, c.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.isLimited('a')).toBe(false);
      limiter.hit('a');
    }
    expect(limiter.isLimited('a')).toBe(true);
    expect(limiter.isLimited('b')).toBe(false);
  });

  it('forgets hits as they leave the window', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(2, 60_000, c.now);
    limiter.hit('a');
    c.advance(30_000);
    limiter.hit('a');
    expect(limiter.isLimited('a')).toBe(true);
    c.advance(30_001);
    expect(limiter.isLimited('a')).toBe(false);
    c.advance(30_000);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it('reset clears a key', () => {
    const limiter = new SlidingWindowLimiter(1, 60_000);
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.isLimited('a')).toBe(false);
  });

  it('sweep drops expired keys, so memory follows recent traffic', () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(5, 1000, c.now);
    for (let i = 0; i < 100; i++) limiter.hit(`k${i}`);
    c.advance(1001);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});

describe('IntervalLimiter', () => {
  it('allows one event per interval per key and says how long to wait', () => {
    const c = clock();
    const limiter = new IntervalLimiter(60_000, c.now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
    c.advance(15_000);
    expect(limiter.take('a')).toBe(45);
    c.advance(45_000);
    expect(limiter.take('a')).toBe(0);
  });

  it('never limits with a zero interval', () => {
    const limiter = new IntervalLimiter(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
  });
});
