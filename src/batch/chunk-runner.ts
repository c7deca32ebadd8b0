/**
 * What a worker does with one chunk job: route it on the network being served
 * and record its results. A failed attempt is retried by BullMQ (with backoff);
 * the last attempt, and a chunk that keeps stopping its workers, record an
 * INTERNAL error line per parcel instead, so the batch still finishes with one
 * line per parcel, and reports the chunk in `failed`. A booked chunk (book=true) is
 * booked by its run (chunk-booking.ts); its results are recorded only while the run
 * owns the chunk, and a run that cannot record gives back what it held.
 */
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { recordBatch } from '../metrics/recorder';
import type { LiveNetwork } from '../network/live-network';
import type { BatchStatusStore } from './batch-status';
import { recordBooking } from '../metrics/recorder';
import type { NetworkSnapshot } from '../network/live-network';
import { releaseRun } from '../capacity/reserve-round';
import { bookChunk, chunkBookingIds, claimChunk, newRunToken, type ChunkBookingDeps } from './chunk-booking';
import type { ChunkJobData } from './chunk-job';
import { lostChunk, routeChunk, type FaultHandler } from './chunk-processor';
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
    private readonly booking: ChunkBookingDeps,
    private readonly logger: Logger,
  ) {}

  async run(job: Job<ChunkJobData>): Promise<ChunkOutcome> {
    const { batchId, chunk, requestId, entries } = job.data;
    const log = this.logger.child({ batchId, chunk, requestId });
    if (job.attemptsStarted > MAX_STARTS) {
      log.error(
        { starts: job.attemptsStarted },
        'chunk stopped its workers too often; its parcels get INTERNAL errors',
      );
      return this.recordLost(job, lostChunk(entries, 'its workers stopped while routing it, too many times'));
    }
    try {
      if (!(await this.status.exists(batchId))) {
        // A booked chunk of a batch that is gone claims it still: what its runs held goes back.
        if (job.data.book) await claimChunk(this.booking, batchId, chunk, this.bookingIds(job), newRunToken());
        return 'abandoned';
      }
      const network = this.live.require();
      const onFault: FaultHandler = (err, parcelId) => log.error({ err, parcelId }, 'routing a parcel failed');
      if (job.data.book) return await this.book(job, network, onFault);
      const results = await routeChunk(entries, network, onFault);
      log.debug({ parcels: entries.length, routed: results.routed }, 'chunk routed');
      return await this.record(job, results);
    } catch (err) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
      log.error({ err }, 'chunk failed its last attempt; its parcels get INTERNAL errors');
      return this.recordLost(
        job,
        lostChunk(entries, `${job.opts.attempts} attempts failed (${(err as Error).message})`),
      );
    }
  }

  /** Books a chunk; a run that cannot record its results (a later run owns the chunk, or the batch is gone) gives back what it held. */
  private async book(job: Job<ChunkJobData>, network: NetworkSnapshot, onFault: FaultHandler): Promise<ChunkOutcome> {
    const { batchId, chunk } = job.data;
    const booked = await bookChunk(job.data, network, this.booking, onFault);
    if (booked.kind === 'recorded') return (await this.status.read(batchId))?.state ?? 'abandoned';
    if (booked.kind !== 'booked') return booked.kind;
    const settled = await this.results.record(batchId, chunk, booked.results, booked.token);
    if (settled === undefined || settled === 'superseded') {
      await releaseRun(this.booking, this.bookingIds(job), booked.token, booked.dates);
      return settled ?? 'abandoned';
    }
    recordBooking('booked', booked.results.routed);
    recordBooking('no_capacity', booked.noCapacity);
    if (settled.changed) recordBatch(settled.state);
    return settled.state;
  }

  private async record(job: Job<ChunkJobData>, results: ChunkResults, runToken = ''): Promise<ChunkOutcome> {
    const settled = await this.results.record(job.data.batchId, job.data.chunk, results, runToken);
    if (!settled || settled === 'superseded') return settled ?? 'abandoned';
    if (settled.changed) recordBatch(settled.state);
    return settled.state;
  }

  /** Records a chunk that failed for good; a booked one first claims it and releases what its last run held. */
  private async recordLost(job: Job<ChunkJobData>, results: ChunkResults): Promise<ChunkOutcome> {
    if (!job.data.book) return this.record(job, results);
    const token = newRunToken();
    const claim = await claimChunk(this.booking, job.data.batchId, job.data.chunk, this.bookingIds(job), token);
    if (claim.kind === 'abandoned') return 'abandoned';
    if (claim.kind === 'recorded') return (await this.status.read(job.data.batchId))?.state ?? 'abandoned';
    return this.record(job, results, token);
  }

  private bookingIds(job: Job<ChunkJobData>): string[] {
    return chunkBookingIds(job.data.batchId, job.data.chunk, job.data.entries.length);
  }
}
