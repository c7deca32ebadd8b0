import type { Labels } from './labels';

/**
 * A binary min-heap of label ids ordered by (k1, k2, k3, id): lexicographic, and
 * deterministic on full ties because older labels come first.
 */
export class LabelHeap {
  private items = new Int32Array(1024);
  size = 0;

  constructor(private readonly labels: Labels) {}

  clear(): void {
    this.size = 0;
  }

  push(id: number): void {
    if (this.size === this.items.length) {
      const bigger = new Int32Array(this.size * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    let i = this.size++;
    const items = this.items;
    const { k1, k2, k3 } = this.labels;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(k1, k2, k3, id, items[p])) break;
      items[i] = items[p];
      i = p;
    }
    items[i] = id;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items[--this.size];
    const { k1, k2, k3 } = this.labels;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && less(k1, k2, k3, items[c + 1], items[c])) c++;
      if (!less(k1, k2, k3, items[c], last)) break;
      items[i] = items[c];
      i = c;
    }
    items[i] = last;
    return top;
  }
}

function less(k1: Float64Array, k2: Float64Array, k3: Float64Array, a: number, b: number): boolean {
  if (k1[a] !== k1[b]) return k1[a] < k1[b];
  if (k2[a] !== k2[b]) return k2[a] < k2[b];
  if (k3[a] !== k3[b]) return k3[a] < k3[b];
  return a < b;
}
