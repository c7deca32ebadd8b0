import type { Labels } from '../search/labels';

/** Buckets whose labels are sorted by insertion; larger ones by Array.prototype.sort. */
const INSERTION_SORT_MAX = 32;

/**
 * A bucket queue of label ids by arrival minute, for a sweep: pops in the order of
 * LabelHeap on (arrival, k2, k3, id), at O(1) a push instead of O(log n).
 *
 * It relies on what a sweep guarantees: every leg takes at least a minute, so the
 * labels made while a minute's labels are popped all arrive later. When the queue
 * moves on to a minute, that minute's bucket is complete; it is sorted once by
 * (k2, k3, id) and popped in that order.
 */
export class MinuteQueue {
  /** First label of each minute's bucket, from `from`; -1 for none. */
  private head = new Int32Array(0);
  /** The next label in the same bucket, by label id. */
  private link = new Int32Array(1024);
  private from = 0;
  /** Minutes from `from` to the last one labels may arrive at. */
  private span = 0;
  /** The minute being popped, relative to `from`. */
  private minute = 0;
  /** That minute's labels, sorted, and how many of them were popped. */
  private current = new Int32Array(64);
  private currentSize = 0;
  private taken = 0;
  size = 0;

  constructor(private readonly labels: Labels) {}

  /** Empties the queue for labels arriving from `from` to `to`, both included. */
  reset(from: number, to: number): void {
    const span = to - from + 1;
    if (this.head.length < span) this.head = new Int32Array(span);
    this.head.fill(-1, 0, span);
    this.from = from;
    this.span = span;
    this.minute = 0;
    this.currentSize = this.taken = this.size = 0;
  }

  push(id: number): void {
    if (id >= this.link.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.link.length * 2));
      bigger.set(this.link);
      this.link = bigger;
    }
    const m = this.labels.arrival[id] - this.from;
    // A label for a minute already popped (a leg of no duration) would be lost, and the queue never empty.
    if (m < this.minute || m >= this.span) throw new RangeError(`label ${id} arrives outside the minutes still to pop`);
    this.link[id] = this.head[m];
    this.head[m] = id;
    this.size++;
  }

  /** The next label id; only while `size` > 0. */
  pop(): number {
    while (this.taken === this.currentSize) this.load(this.minute++);
    this.size--;
    return this.current[this.taken++];
  }

  /** Makes minute `m`'s bucket the current one, sorted. */
  private load(m: number): void {
    let n = 0;
    for (let id = this.head[m]; id >= 0; id = this.link[id]) n++;
    if (n > this.current.length) this.current = new Int32Array(Math.max(n, this.current.length * 2));
    const items = this.current;
    const { k2, k3 } = this.labels;
    let i = 0;
    for (let id = this.head[m]; id >= 0; id = this.link[id]) items[i++] = id;
    if (n <= INSERTION_SORT_MAX) {
      for (let a = 1; a < n; a++) {
        const id = items[a];
        let b = a - 1;
        while (b >= 0 && less(k2, k3, id, items[b])) {
          items[b + 1] = items[b];
          b--;
        }
        items[b + 1] = id;
      }
    } else {
      // Ids differ, so no two labels compare equal.
      items.subarray(0, n).sort((a, b) => (less(k2, k3, a, b) ? -1 : 1));
    }
    this.head[m] = -1;
    this.currentSize = n;
    this.taken = 0;
  }
}

/**
 * LabelHeap's order after its first key (arrival, equal within a minute). Written out
 * again rather than shared, so that the heap's own comparison stays inlined in the
 * searches' hottest loop (bench/README.md).
 */
function less(k2: Float64Array, k3: Float64Array, a: number, b: number): boolean {
  if (k2[a] !== k2[b]) return k2[a] < k2[b];
  if (k3[a] !== k3[b]) return k3[a] < k3[b];
  return a < b;
}
