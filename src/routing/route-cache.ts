import { WeightBand } from './weight-band';

/** Answers kept for one query across weights; beyond this, redundant ones make room. */
const ANSWERS_PER_BAND = 64;
/** What eviction brings the answers kept down to, as a share of the capacity. */
const EVICT_TO = 0.9;

/**
 * A bounded, nearly least-recently-used memo of weight bands, one per
 * query-but-the-weight, holding at most `capacity` answers in all. It belongs to one
 * Router, so one network version with one set of closures: an entry can never outlive
 * what it was computed from, and a hit is the answer a fresh search gives (see
 * WeightBand for ties).
 *
 * Bands are evicted in the order they were last moved to the back; a band used again
 * is moved only once half the bands have been used since its last move, which keeps
 * the order close to recency without re-inserting the hottest keys on every call.
 */
export class RouteCache {
  hits = 0;
  misses = 0;
  private answers = 0;
  private uses = 0;
  private readonly bands = new Map<string, WeightBand>();

  /** @param capacity answers kept; 0 disables the cache. */
  constructor(private readonly capacity: number) {}

  /** Whether it keeps anything: callers skip building keys for a cache that does not. */
  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** Answers kept, in all bands. */
  get size(): number {
    return this.answers;
  }

  /** The band of `key`, a new one when there is none; undefined when the cache is off. */
  band(key: string): WeightBand | undefined {
    if (!this.enabled) return undefined;
    const use = ++this.uses;
    let band = this.bands.get(key);
    if (band && use - band.movedAt <= this.bands.size >> 1) return band;
    if (band) this.bands.delete(key);
    else band = new WeightBand(ANSWERS_PER_BAND);
    band.movedAt = use;
    this.bands.set(key, band);
    return band;
  }

  /**
   * Count answers added to a band; past the capacity, evict the least recently used
   * bands down to EVICT_TO of it at once (a Map walked from its front after many
   * deletions is slow, so evicting one band per call would cost more the longer it ran).
   */
  added(count: number): void {
    this.answers += count;
    if (this.answers <= this.capacity) return;
    const target = Math.floor(this.capacity * EVICT_TO);
    for (const [key, band] of this.bands) {
      this.bands.delete(key);
      this.answers -= band.size;
      if (this.answers <= target) return;
    }
  }
}
