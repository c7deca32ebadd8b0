/**
 * A per-client limit of calls a minute, counted in this process's memory so that
 * routing never waits on Redis (with N processes a client may get up to N × the
 * limit). Fixed one-minute windows: when a window ends, every client's count is
 * dropped at once, which also bounds the memory to the clients of one minute.
 * A call costs one clock read and one Map update, far less than a general-purpose
 * rate-limit plugin with its per-call hooks.
 */
const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly counts = new Map<string, number>();
  private windowEnds = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a call of `client`: 0 when it is within the limit, else the whole seconds until its window ends. */
  take(client: string): number {
    const now = this.now();
    if (now >= this.windowEnds) {
      this.counts.clear();
      this.windowEnds = now + WINDOW_MS;
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count > this.perMinute ? Math.ceil((this.windowEnds - now) / 1000) : 0;
  }
}
