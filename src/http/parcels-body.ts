/**
 * The body of the routes that take many parcels at once (POST /v1/batches and POST
 * /v1/plans): NDJSON, one route request a line, handed on as the request stream and
 * read as it comes in; or JSON {"parcels": […]}, parsed whole. Its schema, the errors
 * such a submission may answer, and the parcels it holds.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonParcels } from '../batch/json-parcels';
import { ndjsonParcels } from '../batch/ndjson-parcels';
import type { RawParcel } from '../batch/parcel-intake';
import type { Config } from '../config';
import { AppError } from '../errors';
import { BatchJsonBodySchema, BatchNdjsonBodySchema, NDJSON, type BatchJsonBody } from '../wire/batch';
import { errorResponses } from '../wire/error';

export const PARCELS_BODY = {
  content: {
    'application/json': { schema: BatchJsonBodySchema },
    [NDJSON]: { schema: BatchNdjsonBodySchema },
  },
};

/** The error answers of a submission of parcels, for its response schema. */
export const SUBMISSION_ERRORS = errorResponses(
  'VALIDATION',
  'UNAUTHORIZED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'UNAVAILABLE',
);

/** Lets an NDJSON body reach the handler as the request stream itself (once in a scope: batches and plans may share one). */
export function acceptNdjson(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(NDJSON))
    app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));
}

/**
 * The parcels of a submission, as the intake takes them.
 * @param what the submission's name in the 413 message ('batch' or 'plan')
 */
export function parcelsOf(
  request: FastifyRequest,
  config: Pick<Config, 'bodyLimitBytes' | 'batchMaxParcels'>,
  what: string,
): AsyncIterable<RawParcel[]> {
  if (request.headers['content-type']?.startsWith(NDJSON))
    return ndjsonParcels(request.body as Readable, config.bodyLimitBytes);
  // A call with no body at all has no content type either, so no body schema checked it.
  if (request.body === undefined) {
    throw new AppError('VALIDATION', `body: is required: NDJSON (${NDJSON}) or JSON {"parcels": [...]}`, {
      field: 'body',
    });
  }
  const { parcels } = request.body as BatchJsonBody;
  if (parcels.length > config.batchMaxParcels)
    throw new AppError('PAYLOAD_TOO_LARGE', `a ${what} holds at most ${config.batchMaxParcels} parcels`);
  return jsonParcels(parcels);
}
