/**
 * The batch workers of one process: a BullMQ Worker per chunk-queue shard, each
 * routing up to WORKER_CONCURRENCY chunks at once. close() stops taking chunks
 * and lets the ones being routed finish (SIGTERM loses no parcel); a worker
 * that dies instead (SIGKILL, a crash) leaves its chunks locked for LOCK_MS, and
 * then the stalled-job check of any live worker puts them back in the queue.
 */
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Capacity } from '../capacity/capacity-runtime';
import type { LiveNetwork } from '../network/live-network';
import { createRedis, type RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';
import { BatchStatusStore } from './batch-status';
import { BookingRuns } from './booking-runs';
import type { ChunkJobData } from './chunk-job';
import { ChunkRunner, MAX_STARTS, type ChunkOutcome } from './chunk-runner';
import { chunkQueueName } from './queues';
import { ResultsStore } from './results-store';

/**
 * How long a chunk's lock lasts without renewal (BullMQ renews it every half of
 * this). Routing yields to the event loop every few milliseconds (see
 * chunk-processor's SLICE), so renewals are never late; a dead worker's chunks
 * are free again after at most LOCK_MS + STALLED_CHECK_MS.
 */
export const LOCK_MS = 5_000;
/** How often each worker looks for chunks whose lock ran out. */
export const STALLED_CHECK_MS = 2_000;

export type WorkerSettings = Pick<
  Config,
  'redisUrl' | 'redisClusterNodes' | 'keyPrefix' | 'queueShards' | 'workerConcurrency' | 'resultsTtlSeconds'
>;

export interface BatchWorkers {
  close(): Promise<void>;
}

/**
 * @param deps.redis a request-path client for the results (not closed here);
 *   the workers open their own blocking connection.
 */
export function startBatchWorkers(
  settings: WorkerSettings,
  deps: { redis: RedisClient; live: LiveNetwork; capacity: Capacity },
  logger: Logger,
): BatchWorkers {
  const k = keys(settings.keyPrefix);
  const runner = new ChunkRunner(
    deps.live,
    new BatchStatusStore(deps.redis, k, settings.resultsTtlSeconds),
    new ResultsStore(deps.redis, k),
    {
      ledger: deps.capacity.ledger,
      view: deps.capacity.view,
      runs: new BookingRuns(deps.redis, k, settings.resultsTtlSeconds),
    },
    logger,
  );
  // Blocking BullMQ commands: waits while Redis is away (no retry limit), as BullMQ requires.
  const connection = createRedis(settings, 'queue', 'parcel-route:batch-worker');
  connection.on('error', () => undefined);
  const workers = Array.from({ length: settings.queueShards }, (_, shard) => {
    const worker = new Worker<ChunkJobData, ChunkOutcome>(chunkQueueName(shard), (job) => runner.run(job), {
      connection,
      prefix: k.chunkQueuePrefix(shard),
      concurrency: settings.workerConcurrency,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: MAX_STARTS,
    });
    worker.on('error', (err) => logger.warn({ err, shard }, 'batch worker error'));
    return worker;
  });
  logger.info({ shards: settings.queueShards, concurrency: settings.workerConcurrency }, 'batch workers started');
  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await connection.quit().catch(() => undefined);
    },
  };
}
