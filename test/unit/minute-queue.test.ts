/**
 * MinuteQueue against LabelHeap, its oracle: fed the same labels in lockstep, as a
 * sweep feeds it (each label popped makes labels arriving at least a minute later),
 * it pops the same ids in the same order, ties on every key included.
 */
import { LabelHeap } from '../../src/routing/search/label-heap';
import { Labels } from '../../src/routing/search/labels';
import { MinuteQueue } from '../../src/routing/sweep/minute-queue';
import { createRng, type Rng } from '../../src/synthetic/prng';

const FROM = 29_000_000;
const SPAN = 600;

/** A label arriving at `arrival` with keys drawn from few values, so that ties are common. */
function addLabel(labels: Labels, rng: Rng, arrival: number): number {
  const id = labels.add(0, arrival, 0, 0, -1, -1);
  labels.k1[id] = arrival;
  labels.k2[id] = rng.int(0, 3) * 0.5;
  labels.k3[id] = rng.int(0, 2);
  return id;
}

describe('MinuteQueue', () => {
  it.each(Array.from({ length: 100 }, (_, i) => 100 + i))('pops as LabelHeap does (seed %i)', (seed) => {
    const rng = createRng(seed);
    const labels = new Labels(4);
    const heap = new LabelHeap(labels);
    const queue = new MinuteQueue(labels);
    queue.reset(FROM, FROM + SPAN);
    const push = (id: number): void => {
      heap.push(id);
      queue.push(id);
    };
    for (let i = rng.int(1, 5); i > 0; i--) push(addLabel(labels, rng, FROM + rng.int(0, 3)));
    const fromHeap: number[] = [];
    const fromQueue: number[] = [];
    const sizes: [number, number][] = [];
    while (heap.size > 0 && queue.size > 0) {
      sizes.push([heap.size, queue.size]);
      const id = heap.pop();
      fromHeap.push(id);
      fromQueue.push(queue.pop());
      // Up to a few labels per pop (some buckets grow past the insertion-sort size), each a minute or more later.
      const children = rng.chance(0.05) ? rng.int(20, 60) : rng.int(0, 3);
      for (let c = 0; c < children && labels.size < 5_000; c++) {
        const arrival = labels.arrival[id] + rng.int(1, 40);
        if (arrival <= FROM + SPAN) push(addLabel(labels, rng, arrival));
      }
    }
    expect(fromQueue).toEqual(fromHeap);
    expect(sizes.filter(([h, q]) => h !== q)).toEqual([]);
    expect([heap.size, queue.size]).toEqual([0, 0]);
    expect(fromHeap.length).toBe(labels.size);
  });

  it('starts empty again after reset, whatever was left in it', () => {
    const rng = createRng(1);
    const labels = new Labels();
    const queue = new MinuteQueue(labels);
    queue.reset(FROM, FROM + SPAN);
    for (let i = 0; i < 10; i++) queue.push(addLabel(labels, rng, FROM + i));
    queue.pop();
    queue.reset(FROM + 5, FROM + SPAN);
    expect(queue.size).toBe(0);
    const id = addLabel(labels, rng, FROM + 7);
    queue.push(id);
    expect(queue.pop()).toBe(id);
    expect(queue.size).toBe(0);
  });

  it('refuses a label for a minute already popped, or past the last one, instead of losing it', () => {
    const rng = createRng(2);
    const labels = new Labels();
    const queue = new MinuteQueue(labels);
    queue.reset(FROM, FROM + SPAN);
    queue.push(addLabel(labels, rng, FROM + 3));
    queue.pop();
    expect(() => queue.push(addLabel(labels, rng, FROM + 3))).toThrow(RangeError);
    expect(() => queue.push(addLabel(labels, rng, FROM + SPAN + 1))).toThrow(RangeError);
    expect(queue.size).toBe(0);
  });
});
