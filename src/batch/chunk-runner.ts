/**
 * What a worker does with one chunk job: route it on the network being served
 * and record its results. A failed attempt is retried by BullMQ (with backoff);
 * the last attempt, and a chunk that keeps stopping its workers, record an
 * INTERNAL error line per parcel instead, so the batch still finishes with one
 * line per parcel, and reports the chunk in `failed`.
 */
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { recordBatch } from '../metrics/recorder';
import type { LiveNetwork } from '../network/live-network';
import type { BatchStatusStore } from './batch-status';
import type { ChunkJobData } from './chunk-job';
import { lostChunk, routeChunk } from './chunk-processor';
import { CHUNK_JOB_OPTIONS } from './queues';
import type { ChunkResults, ResultsStore } from './results-store';

/** Times a chunk may stall (its worker stopped while routing it) beyond its attempts. */
const STALLS_TOLERATED = 2;

/**
 * Starts after which a chunk is recorded as failed without routing it again.
 * Worker's maxStalledCount must be at least this, so that BullMQ never fails a
 * stalled chunk before it is recorded.
 */
export const MAX_STARTS = CHUNK_JOB_OPTIONS.attempts + STALLS_TOLERATED;

/** What run() returns: the batch's state after the chunk, or 'abandoned' when the batch is gone. */
export type ChunkOutcome = string;

export class ChunkRunner {
  constructor(
    private readonly live: LiveNetwork,
    private readonly status: BatchStatusStore,
    private readonly results: ResultsStore,
    private readonly logger: Logger,
  ) {}

  async run(job: Job<ChunkJobData>): Promise<ChunkOutcome> {
    const { batchId, chunk, requestId, entries } = job.data;
    const log = this.logger.child({ batchId, chunk, requestId });
    if (job.attemptsStarted > MAX_STARTS) {
      log.error({ starts: job.attemptsStarted }, 'chunk stopped its workers too often; its parcels get INTERNAL errors');
      return this.record(job, lostChunk(entries, 'its workers stopped while routing it, too many times'));
    }
    try {
      if (!(await this.status.exists(batchId))) return 'abandoned';
      const network = this.live.require();
      const results = await routeChunk(entries, network, (err, parcelId) => log.error({ err, parcelId }, 'routing a parcel failed'));
      log.debug({ parcels: entries.length, routed: results.routed }, 'chunk routed');
      return await this.record(job, results);
    } catch (err) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
      log.error({ err }, 'chunk failed its last attempt; its parcels get INTERNAL errors');
      return this.record(job, lostChunk(entries, `${job.opts.attempts} attempts failed (${(err as Error).message})`));
    }
  }

  private async record(job: Job<ChunkJobData>, results: ChunkResults): Promise<ChunkOutcome> {
    const settled = await this.results.record(job.data.batchId, job.data.chunk, results);
    if (!settled) return 'abandoned';
    if (settled.changed) recordBatch(settled.state);
    return settled.state;
  }
}
