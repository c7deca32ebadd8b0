/**
 * A batch's status in Redis, from its submission to its expiry.
 *
 * While its parcels are being queued a batch is `submitting`: invisible (404),
 * and held by a lease that the submitter renews; if the submitter goes away, the
 * lease runs out and every key of the batch expires with it. commit() makes it
 * visible as queued (or further, if workers already recorded chunks), for
 * RESULTS_TTL. discard() removes a submission at once (a committed batch only when
 * asked to: see its doc).
 */
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { COMMIT, DISCARD, RENEW_LEASE } from './batch-scripts';

export type BatchState = 'queued' | 'running' | 'completed' | 'failed';

export interface BatchStatus {
  batchId: string;
  state: BatchState;
  total: number;
  routed: number;
  failed: number;
  /** ISO time the submission started. */
  createdAt: string;
  /** ISO time every parcel had its result; null before. */
  completedAt: string | null;
  /** Chunks the batch was queued in. */
  chunks: number;
}

/** A state reached, and whether this call moved the batch into it. */
export interface Settled {
  state: BatchState;
  changed: boolean;
}

/** How long a submission (a batch's, a plan's) stays alive without a renewal. */
export const SUBMISSION_LEASE_SECONDS = 60;
/** How often a running submission renews its lease. */
export const LEASE_RENEWAL_MS = (SUBMISSION_LEASE_SECONDS * 1000) / 3;

export class BatchStatusStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  /** Creates the submission, invisible until commit(). */
  async begin(batchId: string, createdAt: string): Promise<void> {
    const { status } = this.keys.batch(batchId);
    await this.redis
      .multi()
      .hset(status, { state: 'submitting', createdAt, routed: 0, failed: 0, failedChunks: 0, recorded: 0 })
      .expire(status, SUBMISSION_LEASE_SECONDS)
      .exec();
  }

  /** Extends the lease of a submission still running (the results written so far follow it). */
  async renew(batchId: string): Promise<void> {
    const k = this.keys.batch(batchId);
    await this.redis.eval(RENEW_LEASE, 3, k.status, k.chunkCounts, k.results, SUBMISSION_LEASE_SECONDS);
  }

  /** Makes the batch visible; undefined when the submission was lost (its lease ran out). */
  async commit(batchId: string, total: number, chunks: number): Promise<Settled | undefined> {
    const k = this.keys.batch(batchId);
    const now = new Date().toISOString();
    const reply = await this.redis.eval(
      COMMIT,
      4,
      k.status,
      k.chunkCounts,
      k.results,
      k.bookingRuns,
      total,
      chunks,
      now,
      this.ttlSeconds,
    );
    return toSettled(reply);
  }

  /**
   * Removes the keys of a submission (its booking runs stay, to release what they hold);
   * false (nothing removed) when the batch is committed, unless `evenCommitted`: a commit
   * whose reply was lost may have made it visible, and the Idempotency-Key that names it
   * lets its client find it.
   */
  async discard(batchId: string, evenCommitted = false): Promise<boolean> {
    const k = this.keys.batch(batchId);
    const keys = [k.status, k.chunkCounts, k.results, k.bookingRuns];
    return (await this.redis.eval(DISCARD, keys.length, ...keys, evenCommitted ? '1' : '0')) === 1;
  }

  /** The status of a committed batch; undefined when it is unknown, expired or still being submitted. */
  async read(batchId: string): Promise<BatchStatus | undefined> {
    const fields = await this.redis.hgetall(this.keys.batch(batchId).status);
    if (!fields.state || fields.state === 'submitting') return undefined;
    return {
      batchId,
      state: fields.state as BatchState,
      total: Number(fields.total),
      routed: Number(fields.routed),
      failed: Number(fields.failed),
      createdAt: fields.createdAt,
      completedAt: fields.completedAt ?? null,
      chunks: Number(fields.chunks),
    };
  }

  /** True while the batch exists, being submitted or committed: its chunks are worth routing. */
  async exists(batchId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.batch(batchId).status)) === 1;
  }
}

/** A { state, changed } reply of the batch scripts. */
export function toSettled(reply: unknown): Settled | undefined {
  if (!Array.isArray(reply)) return undefined;
  return { state: reply[0] as BatchState, changed: reply[1] === 1 };
}
