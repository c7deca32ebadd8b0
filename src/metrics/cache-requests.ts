/**
 * parcel_route_cache_requests_total{result}: the answer cache's hits and misses.
 * Each Router counts its own from zero, and a network or closures change swaps
 * the Router; so a scrape adds what the Router seen last time counted since
 * then (read once more, even if it was swapped out), plus all of a new one's.
 * The counter never goes backwards. Only a Router that lived and died between
 * two scrapes goes uncounted.
 */
import type { Counter } from 'prom-client';
import { observedSnapshot } from './network-gauges';

interface CacheStats {
  hits: number;
  misses: number;
}

/** Anything that counts cache hits and misses: a Router. */
export interface CacheStatsSource {
  readonly cacheStats: CacheStats;
}

/** Turns the absolute counts of successive sources into increments. */
export class CacheDeltas {
  private source: CacheStatsSource | undefined;
  private seen: CacheStats = { hits: 0, misses: 0 };

  /** Hits and misses counted since the previous call. */
  take(current: CacheStatsSource | undefined): CacheStats {
    const delta = { hits: 0, misses: 0 };
    if (this.source) this.addSinceSeen(delta, this.source.cacheStats);
    if (current !== this.source) {
      this.source = current;
      this.seen = { hits: 0, misses: 0 };
      if (current) this.addSinceSeen(delta, current.cacheStats);
    }
    return delta;
  }

  private addSinceSeen(delta: CacheStats, now: CacheStats): void {
    delta.hits += now.hits - this.seen.hits;
    delta.misses += now.misses - this.seen.misses;
    this.seen = now;
  }
}

const deltas = new CacheDeltas();

export function collectCacheRequests(this: Counter<'result'>): void {
  const { hits, misses } = deltas.take(observedSnapshot()?.router);
  this.inc({ result: 'hit' }, hits);
  this.inc({ result: 'miss' }, misses);
}
