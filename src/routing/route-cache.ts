/**
 * A bounded least-recently-used memo of answers. It belongs to one Router, so one
 * network version with one set of closures: an entry can never outlive what it was
 * computed from, and a hit is the very answer a fresh search would give.
 */
export class RouteCache<V> {
  hits = 0;
  misses = 0;
  private readonly entries = new Map<string, V>();

  /** @param capacity entries kept; 0 disables the cache. */
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    if (this.capacity === 0) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}
