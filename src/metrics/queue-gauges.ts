/**
 * parcel_queue_jobs{queue, state}: BullMQ's job counts of every queue this
 * process watches, read at scrape time. The counts are kept for at most one
 * second, so that several scrapes at once (or close together) cost Redis one
 * round trip per queue. A queue Redis does not answer for within the timeout is
 * left out of that scrape rather than shown with stale counts.
 */
import type { JobState } from 'bullmq';
import type { Gauge } from 'prom-client';

/** What is asked of a queue: a BullMQ Queue. */
export interface CountedQueue {
  readonly name: string;
  getJobCounts(...states: JobState[]): Promise<Record<string, number>>;
}

const STATES: readonly JobState[] = [
  'waiting',
  'prioritized',
  'delayed',
  'active',
  'waiting-children',
  'completed',
  'failed',
];
const MAX_AGE_MS = 1000;
const TIMEOUT_MS = 500;

type QueueCounts = { queue: string; counts: Record<string, number> } | undefined;

const watched = new Map<string, CountedQueue>();
let cached: { at: number; counts: Promise<QueueCounts[]> } | undefined;

/** Adds `queues` to the watched ones (one entry per name); returns the undo, for shutdown. */
export function observeQueues(queues: readonly CountedQueue[]): () => void {
  for (const queue of queues) watched.set(queue.name, queue);
  cached = undefined;
  return () => {
    for (const queue of queues) if (watched.get(queue.name) === queue) watched.delete(queue.name);
    cached = undefined;
  };
}

export async function collectQueueJobs(this: Gauge<'queue' | 'state'>): Promise<void> {
  const now = Date.now();
  if (!cached || now - cached.at >= MAX_AGE_MS)
    cached = { at: now, counts: Promise.all([...watched.values()].map(read)) };
  const all = await cached.counts;
  this.reset();
  for (const entry of all) {
    if (!entry) continue;
    for (const state of STATES) this.set({ queue: entry.queue, state }, entry.counts[state] ?? 0);
  }
}

async function read(queue: CountedQueue): Promise<QueueCounts> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, TIMEOUT_MS, undefined);
  });
  try {
    const counts = await Promise.race([queue.getJobCounts(...STATES), timeout]);
    return counts && { queue: queue.name, counts };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
