/**
 * parcel_route_cache_requests_total{result}: the answer cache's hits and misses.
 * Each Router counts its own from zero, and a network or closures change swaps
 * the Router; so a scrape adds what the Router seen last time counted since
 * then (read once more, even if it was swapped out), plus what the current one
 * counted since it was last seen (all of it, for a new one). The counter never
 * goes backwards. Only a Router that lived and died between two scrapes goes
 * uncounted.
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

const NONE: CacheStats = { hits: 0, misses: 0 };

/** Turns the absolute counts of successive sources into increments. */
export class CacheDeltas {
  private last: CacheStatsSource | undefined;
  private readonly seen = new WeakMap<CacheStatsSource, CacheStats>();

  /** Hits and misses counted since the previous call, by `current` and by the source of that call. */
  take(current: CacheStatsSource | undefined): CacheStats {
    const delta = { hits: 0, misses: 0 };
    if (this.last && this.last !== current) this.addUnseen(delta, this.last);
    if (current) this.addUnseen(delta, current);
    this.last = current;
    return delta;
  }

  private addUnseen(delta: CacheStats, source: CacheStatsSource): void {
    const now = source.cacheStats;
    const seen = this.seen.get(source) ?? NONE;
    delta.hits += now.hits - seen.hits;
    delta.misses += now.misses - seen.misses;
    this.seen.set(source, now);
  }
}

const deltas = new CacheDeltas();

export function collectCacheRequests(this: Counter<'result'>): void {
  const { hits, misses } = deltas.take(observedSnapshot()?.router);
  this.inc({ result: 'hit' }, hits);
  this.inc({ result: 'miss' }, misses);
}
