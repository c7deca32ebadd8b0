/**
 * Submitting a plan: the parcels are read as they arrive (JSON or NDJSON, as for
 * batches: the same limits and the same error entries for parcels already known to be
 * bad), stored in the plan's keys in chunks, and one job is queued for the whole plan.
 * The plan becomes visible (queued) once its parcels are stored, just before its job is
 * queued; a submission that fails part-way leaves nothing behind. An Idempotency-Key
 * names the plan its first request submitted, as for batches: the same key answers the
 * same plan (its parcels are then not read), 409 while its first submission runs.
 */
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { ChunkEntry } from '../batch/chunk-job';
import { ParcelIntake, type RawParcel } from '../batch/parcel-intake';
import { AppError } from '../errors';
import { needRedis } from '../redis/availability';
import type { RedisClient } from '../redis/connection';
import type { IdempotencyKeys } from '../redis/idempotency-keys';
import type { PlanPenalties } from '../plans/types';
import { LEASE_RENEWAL_MS } from '../batch/batch-status';
import { PLAN_JOB, type PlanJobData } from './plan-job';
import type { PlanStore } from './plan-store';

export interface PlanLimits {
  chunkSize: number;
  maxParcels: number;
  maxLineBytes: number;
}

export interface PlanSubmission {
  planId: string;
  total: number;
  /** False when an Idempotency-Key named a plan submitted before. */
  created: boolean;
}

export interface PlanSubmitContext {
  requestId: string;
  book: boolean;
  penalties: PlanPenalties;
  /** idempotencyHash() of the Idempotency-Key header, when there is one. */
  idempotencyHash?: string;
}

export class PlanSubmitter {
  constructor(
    private readonly redis: RedisClient,
    private readonly store: PlanStore,
    private readonly queue: Queue<PlanJobData>,
    private readonly limits: PlanLimits,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** Throws 503 UNAVAILABLE when Redis fails, 413 over the parcel limit, 400 for no parcels, 409 while the same key's first submission runs. */
  async submit(parcels: AsyncIterable<RawParcel[]>, context: PlanSubmitContext): Promise<PlanSubmission> {
    const { redis, store, limits } = this;
    const planId = randomUUID();
    const { idempotencyHash } = context;
    let claimed = false;
    // However slowly the body arrives, the submission stays alive while this request runs.
    const lease = setInterval(() => void store.renew(planId).catch(() => undefined), LEASE_RENEWAL_MS);
    try {
      // Begun before the key is claimed: a concurrent request with the same key then sees it being submitted.
      await needRedis(redis, () => store.begin(planId, new Date().toISOString(), context.book, context.penalties));
      if (idempotencyHash) {
        const earlier = await needRedis(redis, () =>
          this.idempotency.claimRun(idempotencyHash, planId, {
            noun: 'plan',
            total: async (id) => (await store.read(id))?.total,
            exists: (id) => store.exists(id),
          }),
        );
        if (earlier) {
          await store.discard(planId);
          return { planId: earlier.id, total: earlier.total, created: false };
        }
        claimed = true;
      }
      const intake = new ParcelIntake(planId, limits.maxLineBytes);
      let entries: ChunkEntry[] = [];
      let chunks = 0;
      for await (const group of parcels) {
        for (const raw of group) {
          if (intake.count === limits.maxParcels)
            throw new AppError('PAYLOAD_TOO_LARGE', `a plan holds at most ${limits.maxParcels} parcels`);
          entries.push(intake.take(raw));
          if (entries.length < limits.chunkSize) continue;
          const full = entries;
          entries = [];
          await needRedis(redis, () => store.writeParcels(planId, chunks, full));
          chunks++;
        }
      }
      if (entries.length) {
        const last = entries;
        await needRedis(redis, () => store.writeParcels(planId, chunks, last));
        chunks++;
      }
      if (intake.count === 0) throw new AppError('VALIDATION', 'body: the plan holds no parcels', { field: 'body' });
      // Visible (queued) before its job exists, so that a worker taking the job at once finds it queued.
      if (!(await needRedis(redis, () => store.commit(planId, intake.count, chunks))))
        throw new AppError('UNAVAILABLE', 'the submission was interrupted for too long; submit the plan again');
      await needRedis(redis, () =>
        this.queue.add(PLAN_JOB, { planId, requestId: context.requestId }, { jobId: planId }),
      );
      return { planId, total: intake.count, created: true };
    } catch (err) {
      await store.discard(planId).catch(() => undefined);
      await this.queue.remove(planId).catch(() => undefined);
      if (claimed) await this.idempotency.release(idempotencyHash as string, planId).catch(() => undefined);
      throw err;
    } finally {
      clearInterval(lease);
    }
  }
}
