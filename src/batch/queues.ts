/**
 * The chunk queues: QUEUE_SHARDS BullMQ queues, chunk i of a batch going to
 * shard i % QUEUE_SHARDS. Each shard's keys sit under a hash tag of their own
 * (keys.chunkQueuePrefix), so a Redis Cluster can hold the shards on different
 * nodes while each shard's BullMQ scripts stay within one slot.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { chunkJobId, type ChunkJobData } from './chunk-job';

/** The BullMQ job name of a chunk. */
export const CHUNK_JOB = 'chunk';

/**
 * Three attempts, 1 s then 2 s apart, for what can pass (Redis blips, no network
 * active yet). Done jobs are dropped at once: the results live in the batch's
 * own keys. Jobs that failed for good are kept a day for a look.
 */
export const CHUNK_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 86_400 },
} satisfies JobsOptions;

export function chunkQueueName(shard: number): string {
  return `chunks-${shard}`;
}

export class ChunkQueues {
  readonly queues: readonly Queue<ChunkJobData>[];

  /** @param connection a client this class does not close. */
  constructor(connection: RedisClient, keys: Keys, shards: number) {
    this.queues = Array.from({ length: shards }, (_, shard) => {
      const queue = new Queue<ChunkJobData>(chunkQueueName(shard), {
        connection,
        prefix: keys.chunkQueuePrefix(shard),
        skipWaitingForReady: true,
        defaultJobOptions: CHUNK_JOB_OPTIONS,
      });
      // Connection errors are the client's owner's to report; calls made meanwhile reject.
      queue.on('error', () => undefined);
      return queue;
    });
  }

  /** Queues chunks, one addBulk per shard, the shards in parallel. */
  async add(chunks: readonly ChunkJobData[]): Promise<void> {
    const byShard = this.queues.map(() => [] as { name: string; data: ChunkJobData; opts: { jobId: string } }[]);
    for (const data of chunks) {
      byShard[data.chunk % this.queues.length].push({
        name: CHUNK_JOB,
        data,
        opts: { jobId: chunkJobId(data.batchId, data.chunk) },
      });
    }
    await Promise.all(byShard.map((jobs, shard) => (jobs.length ? this.queues[shard].addBulk(jobs) : undefined)));
  }

  /** Removes the waiting jobs of chunks 0..chunks-1 of a batch; a chunk being routed stays (its results are refused). */
  async remove(batchId: string, chunks: number): Promise<void> {
    const removals: Promise<unknown>[] = [];
    for (let chunk = 0; chunk < chunks; chunk++) {
      removals.push(this.queues[chunk % this.queues.length].remove(chunkJobId(batchId, chunk)));
    }
    await Promise.all(removals);
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}
