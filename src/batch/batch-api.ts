/**
 * What the API needs for batches: the submitter and the readers of status and
 * results, over one request-path Redis client, and the chunk queues over the producer
 * client. close() releases the queues.
 */
import type { Config } from '../config';
import { observeQueues } from '../metrics/queue-gauges';
import type { RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';
import { AbandonedBatches, type WarningLog } from './abandoned-batches';
import { BatchStatusStore } from './batch-status';
import { BookedSubmissions } from './booked-submissions';
import { BookingRuns } from './booking-runs';
import type { LedgerAccess } from '../capacity/reserve-round';
import { IdempotencyKeys } from '../redis/idempotency-keys';
import { ChunkQueues } from './queues';
import { ResultsStore } from './results-store';
import { BatchSubmitter } from './submit';

export type BatchApiSettings = Pick<
  Config,
  'keyPrefix' | 'queueShards' | 'resultsTtlSeconds' | 'batchChunkSize' | 'batchMaxParcels' | 'bodyLimitBytes'
>;

export interface BatchApi {
  submitter: BatchSubmitter;
  status: BatchStatusStore;
  results: ResultsStore;
  close(): Promise<void>;
}

/**
 * @param redis a request-path client (fails fast while Redis is down), not closed here.
 * @param producer the client the queues add chunks with (connectRedis, 'parcel-route:producer'), not closed here.
 * @param capacity the ledger and this process's view, through which an abandoned booked submission's holds are released.
 */
export function createBatchApi(
  settings: BatchApiSettings,
  redis: RedisClient,
  producer: RedisClient,
  capacity: LedgerAccess,
  logger: WarningLog,
): BatchApi {
  const k = keys(settings.keyPrefix);
  const status = new BatchStatusStore(redis, k, settings.resultsTtlSeconds);
  const queues = new ChunkQueues(producer, k, settings.queueShards);
  // A cleanup deletes keys over the request path's client and queued chunks over the producer.
  const abandoned = new AbandonedBatches([redis, producer], logger);
  const unobserve = observeQueues(queues.queues);
  const booking = { ...capacity, runs: new BookingRuns(redis, k, settings.resultsTtlSeconds) };
  const booked = new BookedSubmissions(redis, k, booking, logger);
  booked.start();
  const submitter = new BatchSubmitter({
    redis,
    booked,
    status,
    queues,
    idempotency: new IdempotencyKeys(redis, k.batchIdempotency, settings.resultsTtlSeconds),
    abandoned,
    limits: {
      chunkSize: settings.batchChunkSize,
      maxParcels: settings.batchMaxParcels,
      maxLineBytes: settings.bodyLimitBytes,
    },
  });
  return {
    submitter,
    status,
    results: new ResultsStore(redis, k),
    async close() {
      unobserve();
      abandoned.stop();
      await booked.stop();
      await queues.close();
    },
  };
}
