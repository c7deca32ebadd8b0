/**
 * Submitting a batch: the parcels are read as they arrive, cut into chunks of
 * BATCH_CHUNK_SIZE and queued with addBulk, a round of chunks at a time, while
 * the next round is read. Nothing waits for a chunk to be routed, and no more
 * than two rounds of parcels are held in memory.
 *
 * The batch is created invisible (`submitting`, under a lease) and becomes
 * visible only once every chunk is queued. A submission that fails part-way
 * answers its error and leaves nothing behind (see AbandonedBatches), what workers
 * booked for its chunks included; but a batch that Redis committed before the failure
 * (the commit's reply lost) stands when an Idempotency-Key names it. What a booked
 * submission's chunks booked is released by another API process when the submitting
 * one dies (see BookedSubmissions).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../errors';
import { recordBatch, recordBatchParcels } from '../metrics/recorder';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { AbandonedBatches } from './abandoned-batches';
import { LEASE_RENEWAL_MS, type BatchStatusStore } from './batch-status';
import type { BookedSubmissions } from './booked-submissions';
import type { ChunkEntry, ChunkJobData } from './chunk-job';
import type { IdempotencyKeys } from '../redis/idempotency-keys';
import { ParcelIntake, type RawParcel } from './parcel-intake';
import type { ChunkQueues } from './queues';

/** Chunks queued per round of addBulk calls. */
const CHUNKS_PER_ROUND = 8;

export interface SubmitLimits {
  chunkSize: number;
  maxParcels: number;
  /** Longest NDJSON line, for the error lines of longer ones. */
  maxLineBytes: number;
}

export interface SubmitContext {
  /** Carried into every chunk job, for the workers' logs. */
  requestId: string;
  /** idempotencyHash() of the Idempotency-Key header, when there is one. */
  idempotencyHash?: string;
  /** Book every parcel (POST /v1/batches?book=true). */
  book?: boolean;
}

export interface Submission {
  batchId: string;
  total: number;
  /** False when an Idempotency-Key named a batch submitted before. */
  created: boolean;
}

export interface SubmitterDeps {
  redis: RedisClient;
  /** The register of booked submissions, through which an abandoned one's chunks' holds are released. */
  booked: BookedSubmissions;
  status: BatchStatusStore;
  queues: ChunkQueues;
  idempotency: IdempotencyKeys;
  abandoned: AbandonedBatches;
  limits: SubmitLimits;
}

export class BatchSubmitter {
  constructor(private readonly deps: SubmitterDeps) {}

  /**
   * Queues the parcels (given in groups, as they arrive) as a new batch; or,
   * when the Idempotency-Key names a batch already, returns that batch without
   * reading them. Throws 503 UNAVAILABLE when Redis fails, 413 over the parcel
   * limit, 400 for no parcels, 409 while the same key's first submission runs.
   */
  async submit(parcels: AsyncIterable<RawParcel[]>, context: SubmitContext): Promise<Submission> {
    const { redis, status, limits } = this.deps;
    const batchId = randomUUID();
    const { idempotencyHash } = context;
    const rounds = new Rounds(this.deps);
    // However slowly the body arrives, the submission stays alive while this request runs.
    const lease = setInterval(() => void status.renew(batchId).catch(() => undefined), LEASE_RENEWAL_MS);
    try {
      // Begun before the key is claimed: a concurrent request with the same key then sees it being submitted.
      await needRedis(redis, () => status.begin(batchId, new Date().toISOString()));
      const earlier = idempotencyHash && (await needRedis(redis, () => this.claim(idempotencyHash, batchId)));
      if (earlier) {
        await this.abandon(batchId, 0, undefined, false);
        return earlier;
      }
      // Registered before any chunk is queued: should this process die, another releases what they booked.
      if (context.book) await needRedis(redis, () => this.deps.booked.register(batchId, limits.chunkSize));
      const intake = new ParcelIntake(batchId, limits.maxLineBytes);
      const book = context.book ? { book: true } : {};
      const chunk = (entries: ChunkEntry[], index: number): ChunkJobData => ({
        batchId,
        chunk: index,
        requestId: context.requestId,
        ...book,
        entries,
      });
      let entries: ChunkEntry[] = [];
      let round: ChunkJobData[] = [];
      let chunks = 0;
      for await (const group of parcels) {
        for (const raw of group) {
          if (intake.count === limits.maxParcels) {
            throw new AppError('PAYLOAD_TOO_LARGE', `a batch holds at most ${limits.maxParcels} parcels`);
          }
          entries.push(intake.take(raw));
          if (entries.length < limits.chunkSize) continue;
          round.push(chunk(entries, chunks++));
          entries = [];
          if (round.length < CHUNKS_PER_ROUND) continue;
          await rounds.send(round);
          round = [];
        }
      }
      if (entries.length) round.push(chunk(entries, chunks++));
      if (round.length) await rounds.send(round);
      await rounds.drain();
      if (intake.count === 0) throw new AppError('VALIDATION', 'the batch holds no parcels');
      const settled = await needRedis(redis, () => status.commit(batchId, intake.count, chunks));
      if (!settled)
        throw new AppError('UNAVAILABLE', 'the submission was interrupted for too long; submit the batch again');
      // Committed: should taking it off the register fail, a sweep finds it committed and does.
      if (context.book) await this.deps.booked.forget(batchId).catch(() => undefined);
      recordBatchParcels(intake.count);
      recordBatch('queued');
      if (settled.changed) recordBatch(settled.state);
      return { batchId, total: intake.count, created: true };
    } catch (err) {
      await rounds.drain().catch(() => undefined);
      await this.abandon(batchId, rounds.started, idempotencyHash, context.book === true);
      throw err;
    } finally {
      clearInterval(lease);
    }
  }

  /** Undefined when the key is now bound to `batchId`; the earlier batch when it names one. */
  private async claim(hash: string, batchId: string): Promise<Submission | undefined> {
    const { idempotency, status } = this.deps;
    const earlier = await idempotency.claimRun(hash, batchId, {
      noun: 'batch',
      total: async (id) => (await status.read(id))?.total,
      exists: (id) => status.exists(id),
    });
    return earlier && { batchId: earlier.id, total: earlier.total, created: false };
  }

  private abandon(batchId: string, chunks: number, idempotencyHash: string | undefined, book: boolean): Promise<void> {
    const { status, queues, idempotency, abandoned, booked, limits } = this.deps;
    return abandoned.clean(async () => {
      // A batch committed already (the commit's reply lost) stands when a key names it: the
      // client's retry with the key finds it. Without a key no client could, so it goes too.
      if (!(await status.discard(batchId, !idempotencyHash))) {
        if (book) await booked.forget(batchId);
        return;
      }
      await Promise.all([
        queues.remove(batchId, chunks),
        idempotencyHash ? idempotency.release(idempotencyHash, batchId) : undefined,
      ]);
      if (book) await booked.release(batchId, limits.chunkSize);
    });
  }
}

/** Rounds of chunks on their way to the queues: one round may be in flight while the next is read. */
class Rounds {
  /** Chunks whose queueing started: the ones to remove if the batch is abandoned. */
  started = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly deps: Pick<SubmitterDeps, 'redis' | 'queues'>) {}

  async send(round: ChunkJobData[]): Promise<void> {
    // A round is milliseconds of CPU (parsing, job JSON): let other requests in between rounds.
    await nextTurn();
    await this.drain();
    const { redis, queues } = this.deps;
    this.started += round.length;
    this.inFlight = needRedis(redis, () => queues.add(round)).catch((err: unknown) => {
      this.failure = err;
    });
  }

  /** Waits for the round in flight; throws if any round failed. */
  async drain(): Promise<void> {
    await this.inFlight;
    if (this.failure !== undefined) throw this.failure;
  }
}
