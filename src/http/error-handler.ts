/**
 * The one error handler: every failure leaves as `{error, message, ...}` with the
 * status of its code in the catalogue (src/errors.ts). Bad input of any kind is a
 * 4xx; only a fault of this service is a 5xx, and only those are logged.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { validationError, type SchemaError } from '../api/validation-error';
import { AppError, type ErrorCode } from '../errors';

/** Longest path parameter the router takes (app.ts); the routes' schemas set their own limits under it. */
export const MAX_PARAM_LENGTH = 1024;

/** Seconds a client is told to wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 1;

const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'the request body is over the limit of this call'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'the request body must be application/json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [
    'VALIDATION',
    'the body is not valid JSON (or holds a forbidden __proto__ or constructor.prototype key)',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION', 'the body is empty but the content-type is application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION', 'the body size does not match Content-Length'],
  // The router's own refusals (app.ts, frameworkErrors), before any route's schema runs.
  FST_ERR_MAX_PARAM_LENGTH: ['VALIDATION', `path: a parameter is over ${MAX_PARAM_LENGTH} characters`],
  FST_ERR_BAD_URL: ['VALIDATION', 'path: the URL is not valid (a bad percent-encoding)'],
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = cutOff(error, request)
    ? new AppError('VALIDATION', 'the connection closed before the request body ended')
    : toAppError(error);
  if (appError.status >= 500 && appError.code !== 'UNAVAILABLE') {
    request.log.error({ err: error, method: request.method, url: request.url }, 'request failed');
  }
  if (appError.code === 'UNAVAILABLE') void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  void reply.status(appError.status).send(appError.toJSON());
}

/**
 * The client closed its connection while a body streamed to the handler (an NDJSON
 * batch) was still being read: its input, not a fault here. Fastify's own body
 * parsers already answer that with a 400; a stream read by a handler fails with
 * Node's 'aborted' (ECONNRESET) on a request that is then destroyed.
 */
function cutOff(error: FastifyError | AppError, request: FastifyRequest): boolean {
  return error.code === 'ECONNRESET' && request.raw.destroyed;
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return validationError(error.validation as SchemaError[], error.validationContext);
  const known = FASTIFY_CODES[error.code];
  if (known) return new AppError(known[0], known[1]);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new AppError(BY_STATUS[status] ?? 'VALIDATION', error.message);
  return new AppError(status === 503 ? 'UNAVAILABLE' : 'INTERNAL');
}
