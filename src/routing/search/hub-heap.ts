/**
 * An indexed binary min-heap of hubs keyed by a distance array, with decrease-key.
 * Used by the static (reverse) Dijkstra that computes lower bounds.
 */
export class HubHeap {
  private readonly items: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;
  private dist: Float64Array;

  constructor(hubCount: number) {
    this.items = new Int32Array(hubCount);
    this.pos = new Int32Array(hubCount).fill(-1);
    this.dist = new Float64Array(0);
  }

  /** Start over with `dist` as the keys; the heap is empty afterwards. */
  reset(dist: Float64Array): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]] = -1;
    this.size = 0;
    this.dist = dist;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Insert `hub`, or move it up after its key has decreased. */
  upsert(hub: number): void {
    let i = this.pos[hub];
    if (i < 0) {
      i = this.size++;
      this.items[i] = hub;
      this.pos[hub] = i;
    }
    this.up(i);
  }

  pop(): number {
    const top = this.items[0];
    this.pos[top] = -1;
    const last = this.items[--this.size];
    if (this.size > 0) {
      this.items[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { items, pos, dist } = this;
    const hub = items[i];
    const key = dist[hub];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (dist[items[p]] <= key) break;
      items[i] = items[p];
      pos[items[i]] = i;
      i = p;
    }
    items[i] = hub;
    pos[hub] = i;
  }

  private down(i: number): void {
    const { items, pos, dist } = this;
    const hub = items[i];
    const key = dist[hub];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && dist[items[c + 1]] < dist[items[c]]) c++;
      if (dist[items[c]] >= key) break;
      items[i] = items[c];
      pos[items[i]] = i;
      i = c;
    }
    items[i] = hub;
    pos[hub] = i;
  }
}
