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
