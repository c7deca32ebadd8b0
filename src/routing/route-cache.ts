import { WeightBand } from './weight-band';

/** Answers kept for one query across weights; beyond this, redundant ones make room. */
const ANSWERS_PER_BAND = 64;

/**
 * A bounded least-recently-used memo of weight bands, one per query-but-the-weight,
 * holding at most `capacity` answers in all. It belongs to one Router, so one network
 * version with one set of closures: an entry can never outlive what it was computed
 * from, and a hit is the answer a fresh search gives (see WeightBand for ties).
 */
export class RouteCache {
  hits = 0;
  misses = 0;
  private answers = 0;
  private readonly bands = new Map<string, WeightBand>();

  /** @param capacity answers kept; 0 disables the cache. */
  constructor(private readonly capacity: number) {}

  /** The band of `key`, made the most recently used; a new one when there is none. */
  band(key: string): WeightBand | undefined {
    if (this.capacity === 0) return undefined;
    let band = this.bands.get(key);
    if (band) this.bands.delete(key);
    else band = new WeightBand(ANSWERS_PER_BAND);
    this.bands.set(key, band);
    return band;
  }

  /** Count answers added to a band, and evict the least recently used bands past the capacity. */
  added(count: number): void {
    this.answers += count;
    if (this.answers <= this.capacity) return;
    for (const [key, band] of this.bands) {
      this.bands.delete(key);
      this.answers -= band.size;
      if (this.answers <= this.capacity) return;
    }
  }
}
