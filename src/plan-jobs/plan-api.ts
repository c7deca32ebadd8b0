/** What the API needs for plans: the submitter and the store, over one request-path Redis client, and the plan queue over the producer client. */
import { Queue } from 'bullmq';
import type { Config } from '../config';
import type { RedisClient } from '../redis/connection';
import { IdempotencyKeys } from '../redis/idempotency-keys';
import { keys } from '../redis/keys';
import { PLAN_JOB_OPTIONS, PLAN_QUEUE, type PlanJobData } from './plan-job';
import { PlanStore } from './plan-store';
import { PlanSubmitter } from './plan-submit';

export type PlanApiSettings = Pick<
  Config,
  'keyPrefix' | 'resultsTtlSeconds' | 'batchChunkSize' | 'batchMaxParcels' | 'bodyLimitBytes'
>;

export interface PlanApi {
  submitter: PlanSubmitter;
  store: PlanStore;
  close(): Promise<void>;
}

/**
 * @param redis a request-path client, not closed here.
 * @param producer the client the queue adds plan jobs with (connectRedis, 'parcel-route:producer'), not closed here.
 */
export function createPlanApi(settings: PlanApiSettings, redis: RedisClient, producer: RedisClient): PlanApi {
  const k = keys(settings.keyPrefix);
  const store = new PlanStore(redis, k, settings.resultsTtlSeconds);
  const queue = new Queue<PlanJobData>(PLAN_QUEUE, {
    connection: producer,
    prefix: k.planQueuePrefix,
    skipWaitingForReady: true,
    defaultJobOptions: PLAN_JOB_OPTIONS,
  });
  queue.on('error', () => undefined);
  const submitter = new PlanSubmitter(
    redis,
    store,
    queue,
    { chunkSize: settings.batchChunkSize, maxParcels: settings.batchMaxParcels, maxLineBytes: settings.bodyLimitBytes },
    new IdempotencyKeys(redis, k.planIdempotency, settings.resultsTtlSeconds),
  );
  return { submitter, store, close: () => queue.close() };
}
