/**
 * POST /v1/batches, GET /v1/batches/:id and GET /v1/batches/:id/results.
 *
 * NDJSON bodies are handed to the submitter as a stream and read line by line
 * while the chunks are queued: no body limit applies but BATCH_MAX_PARCELS (and
 * BODY_LIMIT_BYTES per line). JSON `{"parcels":[…]}` bodies are parsed whole, up
 * to BATCH_JSON_BODY_LIMIT_BYTES. Results may be read while the batch runs:
 * the stream waits for each chunk in turn (ResultsStream); streams still waiting
 * when the server closes are ended, so that shutdown does not wait for a batch.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createBatchApi } from '../../batch/batch-api';
import { idempotencyHash } from '../../redis/idempotency-keys';
import { ResultsStream } from '../../batch/results-stream';
import { AppError } from '../../errors';
import { needRedis } from '../../redis/availability';
import { apiKeyOf } from '../auth/credentials';
import { routingSecurity } from '../../wire/security';
import {
  BatchAcceptedSchema,
  BatchHeadersSchema,
  BatchIdParamsSchema,
  BatchQuerySchema,
  BatchResultsSchema,
  BatchStatusSchema,
  NDJSON,
  type BatchAccepted,
} from '../../wire/batch';
import { errorResponses } from '../../wire/error';
import { acceptNdjson, PARCELS_BODY, parcelsOf, SUBMISSION_ERRORS } from '../parcels-body';
import type { Services } from '../services';

export const batchRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, redis, producer, capacity }) => {
  const batches = createBatchApi(config, redis, producer, capacity, app.log);
  app.addHook('onClose', () => batches.close());
  acceptNdjson(app);

  app.post(
    '/v1/batches',
    {
      bodyLimit: config.batchJsonBodyLimitBytes,
      schema: {
        tags: ['batches'],
        operationId: 'submitBatch',
        summary: 'Submit many parcels to route; the answer comes at once, the results when the batch is completed',
        description: [
          'NDJSON (one route request per line) is read as it streams in; JSON {"parcels": [...]} is parsed whole, up to BATCH_JSON_BODY_LIMIT_BYTES (256 MiB).',
          'At most BATCH_MAX_PARCELS (1,000,000) parcels: 413 past that. Parcels without a parcelId get `<batchId>-<n>` (n counts parcels from 1).',
          'A parcel that is not valid (not JSON, a line over BODY_LIMIT_BYTES, a duplicate parcelId, a bad field) gets an error line in the results, in its place; it counts in total.',
          'The batch becomes visible only once every parcel is queued: on 503 (Redis failing, with Retry-After) nothing of it is kept, unless Redis made it visible and only its reply was lost (a retry with the same Idempotency-Key then answers it).',
          "The same Idempotency-Key answers the same batch; 409 while that key's first submission is still running.",
        ].join(' '),
        security: routingSecurity(config.apiKeys),
        querystring: BatchQuerySchema,
        headers: BatchHeadersSchema,
        body: PARCELS_BODY,
        response: {
          202: BatchAcceptedSchema,
          ...SUBMISSION_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const submission = await batches.submitter.submit(parcelsOf(request, config, 'batch'), {
        requestId: request.id,
        idempotencyHash: key === undefined ? undefined : idempotencyHash(apiKeyOf(request) ?? '', key),
        book: request.query.book === 'true',
      });
      const accepted: BatchAccepted = {
        batchId: submission.batchId,
        total: submission.total,
        statusUrl: `/v1/batches/${submission.batchId}`,
        resultsUrl: `/v1/batches/${submission.batchId}/results`,
      };
      // One line per batch, with the request id its workers' lines carry too.
      request.log.info({ batchId: submission.batchId, total: submission.total }, 'batch accepted');
      reply.code(202).header('location', accepted.statusUrl).send(accepted);
    },
  );

  app.get(
    '/v1/batches/:batchId',
    {
      schema: {
        tags: ['batches'],
        operationId: 'getBatch',
        summary: 'State and progress of a batch',
        security: routingSecurity(config.apiKeys),
        params: BatchIdParamsSchema,
        response: {
          200: BatchStatusSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request) => {
      const { batchId, state, total, routed, failed, createdAt, completedAt } = await readStatus(
        request.params.batchId,
      );
      return { batchId, state, total, routed, failed, createdAt, completedAt };
    },
  );

  app.get(
    '/v1/batches/:batchId/results',
    {
      schema: {
        tags: ['batches'],
        operationId: 'getBatchResults',
        summary: 'The results of a batch: NDJSON, one line per parcel in submission order',
        description:
          'Each line is the route answer of POST /v1/routes, or {parcelId, error: {code, message}}. May be called while the batch runs: the stream waits for each chunk in turn and ends after the last parcel.',
        security: routingSecurity(config.apiKeys),
        params: BatchIdParamsSchema,
        response: {
          200: BatchResultsSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const status = await readStatus(request.params.batchId);
      const stream = new ResultsStream(redis, batches.results, batches.status, status.batchId, status.chunks);
      openStreams.add(stream);
      stream.once('close', () => openStreams.delete(stream));
      return reply.type(NDJSON).send(stream);
    },
  );
  const openStreams = new Set<ResultsStream>();
  app.addHook('preClose', (done) => {
    const closing = new AppError(
      'UNAVAILABLE',
      'the server is shutting down: read the results again (from another instance)',
    );
    for (const stream of openStreams) stream.destroy(closing);
    done();
  });

  async function readStatus(batchId: string) {
    const status = await needRedis(redis, () => batches.status.read(batchId));
    if (!status)
      throw new AppError(
        'NOT_FOUND',
        `no batch '${batchId}' (unknown, or expired after ${config.resultsTtlSeconds} s)`,
      );
    return status;
  }
};
