/**
 * POST /v1/plans, GET /v1/plans/:id and GET /v1/plans/:id/results (docs/plans.md).
 *
 * Parcels come as for POST /v1/batches: NDJSON read as it streams in, or JSON
 * {"parcels": […]} parsed whole, with the same limits. The plan is made by a worker
 * (one job per plan, planned in a thread), never here. Its results can be read once
 * it is completed (409 before).
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors';
import { createPlanApi } from '../../plan-jobs/plan-api';
import type { PlanStatus } from '../../plan-jobs/plan-store';
import { needRedis } from '../../redis/availability';
import { idempotencyHash } from '../../redis/idempotency-keys';
import { NDJSON } from '../../wire/batch';
import { errorResponses } from '../../wire/error';
import {
  PlanAcceptedSchema,
  PlanHeadersSchema,
  PlanIdParamsSchema,
  PlanQuerySchema,
  PlanResultsSchema,
  PlanStatusSchema,
  type PlanAccepted,
  type PlanStatusBody,
} from '../../wire/plan';
import { routingSecurity } from '../../wire/security';
import { apiKeyOf } from '../auth/credentials';
import { acceptNdjson, PARCELS_BODY, parcelsOf, SUBMISSION_ERRORS } from '../parcels-body';
import type { Services } from '../services';

export const planRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, redis, producer }) => {
  const plans = createPlanApi(config, redis, producer);
  app.addHook('onClose', () => plans.close());
  acceptNdjson(app);

  app.post(
    '/v1/plans',
    {
      bodyLimit: config.batchJsonBodyLimitBytes,
      schema: {
        tags: ['plans'],
        operationId: 'submitPlan',
        summary:
          "Plan a day's parcels together against capacity (an LP solved by HiGHS), instead of first come, first booked",
        description: [
          'Parcels as POST /v1/batches takes them (NDJSON or JSON {"parcels": [...]}, the same limits: at most BATCH_MAX_PARCELS, 413 past that).',
          'The plan minimises Σ cost + latePenalty × late + unplannedPenalty × unplanned over routes that respect every capacity, bookings already made included, and is never worse than booking the parcels one by one (greedy).',
          'It is made by a worker; GET the statusUrl for its figures, the resultsUrl for one line per parcel.',
          "The same Idempotency-Key answers the same plan; 409 while that key's first submission is still running.",
        ].join(' '),
        security: routingSecurity(config.apiKeys),
        querystring: PlanQuerySchema,
        headers: PlanHeadersSchema,
        body: PARCELS_BODY,
        response: {
          202: PlanAcceptedSchema,
          ...SUBMISSION_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { book, latePenalty = 100, unplannedPenalty = 1000 } = request.query;
      const key = request.headers['idempotency-key'];
      const submission = await plans.submitter.submit(parcelsOf(request, config, 'plan'), {
        requestId: request.id,
        book: book === 'true',
        penalties: { latePenalty, unplannedPenalty },
        idempotencyHash: key === undefined ? undefined : idempotencyHash(apiKeyOf(request) ?? '', key),
      });
      const accepted: PlanAccepted = {
        planId: submission.planId,
        total: submission.total,
        statusUrl: `/v1/plans/${submission.planId}`,
        resultsUrl: `/v1/plans/${submission.planId}/results`,
      };
      request.log.info({ planId: submission.planId, total: submission.total }, 'plan accepted');
      reply.code(202).header('location', accepted.statusUrl).send(accepted);
    },
  );

  app.get(
    '/v1/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getPlan',
        summary:
          "State and figures of a plan: objective, lowerBound and gap, greedy's figures, the LP's size and solve time",
        security: routingSecurity(config.apiKeys),
        params: PlanIdParamsSchema,
        response: {
          200: PlanStatusSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request) => statusBody(await readStatus(request.params.planId)),
  );

  app.get(
    '/v1/plans/:planId/results',
    {
      schema: {
        tags: ['plans'],
        operationId: 'getPlanResults',
        summary: 'The results of a completed plan: NDJSON, one line per parcel in submission order',
        description:
          'Each line is the route answer of POST /v1/routes (plus bookingId and bookedAt with book=true), or {parcelId, error: {code, message}}: NO_CAPACITY for a parcel the plan left unplanned. 409 while the plan is queued or running.',
        security: routingSecurity(config.apiKeys),
        params: PlanIdParamsSchema,
        response: {
          200: PlanResultsSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const status = await readStatus(request.params.planId);
      if (status.state !== 'completed') {
        throw new AppError('CONFLICT', `the plan is ${status.state}: its results can be read once it is completed`, {
          state: status.state,
        });
      }
      const { chunks } = status;
      const { store } = plans;
      const stream = Readable.from(
        (async function* () {
          for (let chunk = 0; chunk < chunks; chunk++) {
            const lines = await needRedis(redis, () => store.readResults(status.planId, chunk));
            if (!lines) throw new Error(`results of chunk ${chunk} of plan ${status.planId} are gone (expired?)`);
            yield lines;
          }
        })(),
      );
      return reply.type(NDJSON).send(stream);
    },
  );

  async function readStatus(planId: string): Promise<PlanStatus> {
    const status = await needRedis(redis, () => plans.store.read(planId));
    if (!status)
      throw new AppError('NOT_FOUND', `no plan '${planId}' (unknown, or expired after ${config.resultsTtlSeconds} s)`);
    return status;
  }
};

function statusBody(s: PlanStatus): PlanStatusBody {
  const f = s.figures;
  return {
    planId: s.planId,
    state: s.state,
    total: s.total,
    book: s.book,
    latePenalty: s.penalties.latePenalty,
    unplannedPenalty: s.penalties.unplannedPenalty,
    planned: f?.planned ?? null,
    late: f?.late ?? null,
    unplanned: f?.unplanned ?? null,
    failed: f?.failed ?? null,
    objective: f?.objective ?? null,
    lowerBound: f?.lowerBound ?? null,
    gap: f?.gap ?? null,
    bound: f?.bound ?? null,
    greedy: f ? { objective: f.greedy.objective, late: f.greedy.late, unplanned: f.greedy.unplanned } : null,
    source: f?.source ?? null,
    solveSeconds: f?.solveSeconds ?? null,
    totalSeconds: f?.totalSeconds ?? null,
    commodities: f?.commodities ?? null,
    lp: f?.lp ?? null,
    lpSolves: f?.lpSolves ?? null,
    split: f?.split ?? null,
    helper: f?.helper ?? null,
    booked: f?.booked ?? null,
    rerouted: f?.rerouted ?? null,
    error: s.error,
    createdAt: s.createdAt,
    completedAt: s.completedAt,
  };
}
