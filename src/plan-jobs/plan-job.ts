/**
 * The job of one flow plan (POST /v1/plans): the whole plan is one job, since its
 * parcels are planned together. The parcels wait in the plan's own keys (PlanStore);
 * the job names the plan.
 */
import type { JobsOptions } from 'bullmq';

export const PLAN_QUEUE = 'plans';
export const PLAN_JOB = 'plan';

export interface PlanJobData {
  planId: string;
  /** The submitting request's id, for log correlation. */
  requestId: string;
}

/**
 * Two attempts, 5 s apart: a plan that failed for something that passes (Redis, no
 * network active) is planned again; the second failure marks it failed. A plan whose
 * worker died is taken up again by the stalled-job check (it books nothing twice).
 */
export const PLAN_JOB_OPTIONS = {
  attempts: 2,
  backoff: { type: 'fixed', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: { age: 86_400 },
} satisfies JobsOptions;

/** Times a plan may stall (its worker stopped while planning it) beyond its attempts. */
const STALLS_TOLERATED = 2;

/**
 * Starts after which a plan is failed without planning it again (a plan that kills its
 * worker, out of memory say, does so every time). The worker's maxStalledCount is this:
 * BullMQ would otherwise fail a plan that stalled twice without running it, leaving it
 * `running` and what its runs booked held.
 */
export const PLAN_MAX_STARTS = PLAN_JOB_OPTIONS.attempts + STALLS_TOLERATED;
