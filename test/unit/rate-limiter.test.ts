/** RateLimiter: fixed one-minute windows per client, counts dropped when a window ends. */
import { RateLimiter } from '../../src/http/auth/rate-limiter';

describe('RateLimiter', () => {
  it('lets each client make perMinute calls a window, then tells the seconds left', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    now += 15_500;
    expect(limiter.take('a')).toBe(45); // 44.5 s left, rounded up
    expect(limiter.take('b')).toBe(0); // another client counts on its own
    now += 44_499;
    expect(limiter.take('a')).toBe(1);
    now += 1; // the window ends: every count starts again
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(60);
  });
});
