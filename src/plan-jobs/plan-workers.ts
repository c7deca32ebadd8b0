/**
 * The plan worker of one process: a BullMQ Worker on the plans queue taking one plan at
 * a time, which a plans thread plans (PlansPool) while the process's event loop stays
 * free for its chunk workers and lock renewals.
 */
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Capacity } from '../capacity/capacity-runtime';
import type { Config } from '../config';
import type { LiveNetwork } from '../network/live-network';
import { PlansPool } from '../plans-pool/plans-pool';
import { createRedis, type RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';
import { PLAN_MAX_STARTS, PLAN_QUEUE, type PlanJobData } from './plan-job';
import { PlanRunner } from './plan-runner';
import { PlanStore } from './plan-store';

export type PlanWorkerSettings = Pick<
  Config,
  'redisUrl' | 'redisClusterNodes' | 'keyPrefix' | 'resultsTtlSeconds' | 'batchChunkSize' | 'plansHeapMb'
>;

export interface PlanWorkers {
  close(): Promise<void>;
}

/**
 * @param deps.redis a request-path client (not closed here); the worker opens its own blocking connection.
 * @param options.workerFile the plans thread's script (tests run it from the sources)
 * @param options.searchFile its search helper's script (likewise)
 */
export function startPlanWorkers(
  settings: PlanWorkerSettings,
  deps: { redis: RedisClient; live: LiveNetwork; capacity: Capacity },
  logger: Logger,
  options: { workerFile?: string; searchFile?: string } = {},
): PlanWorkers {
  const k = keys(settings.keyPrefix);
  const store = new PlanStore(deps.redis, k, settings.resultsTtlSeconds);
  const pool = new PlansPool({ ...options, heapMb: settings.plansHeapMb });
  const runner = new PlanRunner({
    live: deps.live,
    store,
    ledger: deps.capacity.ledger,
    pool,
    booking: { ledger: deps.capacity.ledger, view: deps.capacity.view, live: deps.live, store },
    logger,
  });
  const connection = createRedis(settings, 'queue', 'parcel-route:plan-worker');
  connection.on('error', () => undefined);
  const worker = new Worker<PlanJobData, string>(PLAN_QUEUE, (job) => runner.run(job), {
    connection,
    prefix: k.planQueuePrefix,
    concurrency: 1,
    maxStalledCount: PLAN_MAX_STARTS,
  });
  worker.on('error', (err) => logger.warn({ err }, 'plan worker error'));
  return {
    async close() {
      await worker.close();
      await pool.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
